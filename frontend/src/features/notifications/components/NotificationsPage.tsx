import { Button, Empty, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGN_IN_PATH, useSession } from '@/lib/auth'
import { useProblemMessage } from '@/lib/problem'
import { Loading, LoadError } from '@/components/PageStates'
import { useInbox, useMarkAllRead } from '../api/notifications'
import { NotificationList } from './NotificationList'
import '../notifications.css'

/** /notifications: the whole inbox, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation()
  const session = useSession()
  if (session.status === 'loading') {
    return <Loading page />
  }
  if (session.status !== 'signed-in') {
    return (
      <div className="page-width page-section" data-testid="notifications-sign-in">
        <Typography.Title level={1}>{t('notifications.title')}</Typography.Title>
        <Typography.Paragraph>{t('workbench.access.signedOut')}</Typography.Paragraph>
        <Button type="primary" href={SIGN_IN_PATH}>
          {t('workbench.access.signIn')}
        </Button>
      </div>
    )
  }
  return <Inbox />
}

function Inbox() {
  const { t } = useTranslation()
  const inbox = useInbox(true)
  const markAll = useMarkAllRead()
  const describe = useProblemMessage()
  const [message, setMessage] = useState<string>()
  const onError = (error: unknown) => setMessage(t('notifications.actionError', { message: describe(error).title }))
  const unread = (inbox.data ?? []).filter((entry) => !entry.read).length

  return (
    <div className="page-width page-section notifications-page" data-testid="notifications-page">
      <Typography.Title level={1}>{t('notifications.title')}</Typography.Title>
      <Typography.Paragraph className="page-lead">{t('notifications.pageLead')}</Typography.Paragraph>
      {unread > 0 && (
        <Button
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (result) => setMessage(t('notifications.markAllDone', { count: result.marked })),
              onError,
            })
          }
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </Button>
      )}
      <p role="status" className="queue-notice notifications-page__status">
        {message ?? ''}
      </p>
      {inbox.isPending ? (
        <Loading label={t('notifications.loading')} />
      ) : inbox.isError ? (
        <LoadError message={t('notifications.loadError')} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.length === 0 ? (
        <Empty description={t('notifications.empty')} />
      ) : (
        <NotificationList entries={inbox.data} onError={onError} />
      )}
    </div>
  )
}
