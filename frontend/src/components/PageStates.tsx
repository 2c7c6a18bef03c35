import { Alert, Button, Spin, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGN_IN_PATH } from '@/lib/auth'
import { ProblemAlert } from './ProblemAlert'

/**
 * Something still loading (a page's code or data, a list): a spinner, and what is loading in
 * words for screen readers, or beside the spinner when `inline`.
 */
export function Loading({
  label,
  page = false,
  inline = false,
  small = false,
  className,
}: {
  /** What is loading; a page by default. */
  label?: string
  /** A whole page: in the page's width, with its spacing. */
  page?: boolean
  /** Small, with the words shown: inside a panel. */
  inline?: boolean
  /** A small spinner, the words for screen readers only: inside a header. */
  small?: boolean
  className?: string
}) {
  const { t } = useTranslation()
  const text = label ?? t('common.loadingPage')
  const classes = [page ? 'page-width page-section' : undefined, className].filter(Boolean).join(' ')
  if (inline) {
    return (
      <div role="status" className={classes || undefined}>
        <Spin size="small" aria-hidden /> {text}
      </div>
    )
  }
  return (
    <div role="status" className={classes || undefined}>
      <Spin size={small ? 'small' : undefined} aria-hidden />
      <span className="visually-hidden">{text}</span>
    </div>
  )
}

/**
 * Something that could not be loaded, with a way to try again. `error` shows the failed call's
 * problem in the server's own words (ProblemAlert); `message` the portal's words instead.
 * Without `onRetry` (e.g. the thing does not exist, or may not be seen) there is no button.
 */
export function LoadError({
  error,
  message,
  onRetry,
  testId,
}: {
  error?: unknown
  message?: string
  onRetry?: () => void
  testId?: string
}) {
  const { t } = useTranslation()
  const retry = onRetry ? (
    <Button size="small" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined
  if (message === undefined) return <ProblemAlert error={error} testId={testId} action={retry} />
  return <Alert type="error" showIcon role="alert" title={message} action={retry} data-testid={testId} />
}

/** A page that cannot be shown: its title, what went wrong, maybe a retry, maybe a way on. */
export function PageProblem({
  title,
  error,
  message,
  onRetry,
  children,
  testId = 'page-problem',
}: {
  title: string
  error?: unknown
  message?: string
  onRetry?: () => void
  children?: ReactNode
  testId?: string
}) {
  return (
    <div className="page-width page-section">
      <Typography.Title level={1}>{title}</Typography.Title>
      <LoadError error={error} message={message} onRetry={onRetry} testId={testId} />
      {children}
    </div>
  )
}

/** For visitors who are not signed in: why, and the way in (a real page load of /login). */
export function SignInPrompt({
  title,
  body,
  button,
  children,
}: {
  title: string
  body: string
  button: string
  children?: ReactNode
}) {
  return (
    <div className="page-width page-section" data-testid="sign-in-prompt">
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph className="page-lead">{body}</Typography.Paragraph>
      <Button type="primary" size="large" href={SIGN_IN_PATH}>
        {button}
      </Button>
      {children}
    </div>
  )
}
