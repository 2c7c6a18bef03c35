import { Alert, Button, Spin, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGN_IN_PATH } from '@/lib/auth'

/** A page still loading: a spinner, and words for screen readers. */
export function PageLoading({ text }: { text: string }) {
  return (
    <div className="page-width page-section guide-loading" role="status">
      <Spin aria-hidden />
      <span className="visually-hidden">{text}</span>
    </div>
  )
}

/** A page that cannot be shown: its title, what went wrong in plain words, maybe a retry. */
export function PageProblem({
  title,
  message,
  onRetry,
  children,
  testId = 'page-problem',
}: {
  title: string
  message: string
  onRetry?: () => void
  children?: ReactNode
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <div className="page-width page-section">
      <Typography.Title level={1}>{title}</Typography.Title>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={message}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry}>
              {t('application.apply.retry')}
            </Button>
          ) : undefined
        }
        data-testid={testId}
      />
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
