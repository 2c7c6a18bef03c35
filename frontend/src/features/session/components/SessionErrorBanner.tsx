import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSession } from '@/lib/auth'

/** Shown when /api/v1/me fails for any reason other than "not signed in". */
export function SessionErrorBanner() {
  const { t } = useTranslation()
  const session = useSession()
  if (session.status !== 'error') return null
  return (
    <Alert
      className="session-error"
      type="warning"
      showIcon
      role="alert"
      title={t('session.loadError')}
      action={
        <Button size="small" onClick={session.retry}>
          {t('session.retry')}
        </Button>
      }
    />
  )
}
