import { LockOutlined, LoginOutlined } from '@ant-design/icons'
import { Button, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SIGN_IN_PATH, useSession, type Role } from '@/lib/auth'
import { Loading } from './PageStates'

/**
 * Shows staff pages to the roles they are for, and explains to anyone else why not. Only what is
 * shown: the backend checks every request itself.
 */
export function StaffOnly({
  roles,
  title,
  children,
}: {
  roles: readonly Role[]
  title: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const session = useSession()

  if (session.status === 'loading') return <Loading page className="page-loading" />
  // An unexpected error is explained in the shell's banner (SessionErrorBanner).
  if (session.status === 'error') return null
  if (session.status === 'signed-out') {
    return (
      <div className="page-width page-section placeholder-page" data-testid="staff-sign-in">
        <LoginOutlined className="placeholder-page__icon" aria-hidden />
        <Typography.Title level={1}>{title}</Typography.Title>
        <Typography.Paragraph>{t('workbench.access.signedOut')}</Typography.Paragraph>
        {/* A real page load: single sign-on starts on the backend. */}
        <Button type="primary" href={SIGN_IN_PATH} icon={<LoginOutlined aria-hidden />}>
          {t('workbench.access.signIn')}
        </Button>
      </div>
    )
  }
  if (!session.hasAnyRole(...roles)) {
    return (
      <div className="page-width page-section placeholder-page" data-testid="staff-forbidden">
        <LockOutlined className="placeholder-page__icon" aria-hidden />
        <Typography.Title level={1}>{title}</Typography.Title>
        <Typography.Paragraph>
          {t('workbench.access.forbidden', {
            roles: roles.map((role) => t(`roles.${role}`)).join(t('workbench.access.or')),
          })}
        </Typography.Paragraph>
        <Link to="/">{t('comingSoon.backHome')}</Link>
      </div>
    )
  }
  return children
}
