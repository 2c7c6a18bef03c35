import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Popover } from 'antd'
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '@/lib/auth'
import { useInbox, useMarkAllRead, useUnreadCount } from '../api/notifications'
import { NotificationList } from './NotificationList'
import { useProblemMessage } from '@/lib/problem'
import { Loading, LoadError } from '@/components/PageStates'
import '../notifications.css'

/** How many entries the header's panel shows; the page shows them all. */
const PANEL_SIZE = 6

/**
 * The header's bell for signed-in people: the unread count in its name and badge (polled, and asked
 * again when the window regains focus), and a panel with the latest entries. Escape closes the panel
 * and gives the focus back to the bell.
 */
export function NotificationBell() {
  const { status } = useSession()
  if (status !== 'signed-in') return null
  return <Bell />
}

function Bell() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const unread = useUnreadCount(true)
  const inbox = useInbox(open)
  const markAll = useMarkAllRead()
  const describe = useProblemMessage()
  const [message, setMessage] = useState<string>()
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const count = unread.data?.unread
  const label = count === undefined ? t('notifications.bellAriaUnknown') : t('notifications.bellAria', { count })

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const onError = (error: unknown) => setMessage(t('notifications.actionError', { message: describe(error).title }))
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close()
    }
  }

  const entries = (inbox.data ?? []).slice(0, PANEL_SIZE)
  const panel = (
    <div id={panelId} className="notification-panel" onKeyDown={onKeyDown} role="region" aria-label={t('notifications.panelTitle')}>
      <div className="notification-panel__head">
        <strong>{t('notifications.panelTitle')}</strong>
        {(count ?? 0) > 0 && (
          <Button
            size="small"
            type="link"
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
      </div>
      <p role="status" className="notification-panel__status">
        {message ?? ''}
      </p>
      {inbox.isPending ? (
        <Loading inline label={t('notifications.loading')} />
      ) : inbox.isError ? (
        <LoadError message={t('notifications.loadError')} onRetry={() => void inbox.refetch()} />
      ) : entries.length === 0 ? (
        <p className="notification-panel__empty">{t('notifications.empty')}</p>
      ) : (
        <NotificationList entries={entries} onNavigate={() => setOpen(false)} onError={onError} />
      )}
      <p className="notification-panel__all">
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="all-notifications">
          {t('notifications.viewAll')}
        </Link>
      </p>
    </div>
  )

  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setMessage(undefined)
      }}
      destroyOnHidden
    >
      <Badge count={count ?? 0} overflowCount={99} offset={[-4, 4]} className="notification-bell__badge">
        <Button
          ref={button}
          type="text"
          className="notification-bell"
          icon={<BellOutlined aria-hidden />}
          aria-label={label}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  )
}
