import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useNames } from '@/lib/names'
import { useMarkRead } from '../api/notifications'
import { notificationTarget } from '../lib/link'
import type { NotificationEntry } from '../types'

/**
 * Inbox entries, newest first: title (a link to the application or task), text, time, and a way to
 * mark each one read. Opening an entry's link marks it read too.
 */
export function NotificationList({
  entries,
  onNavigate,
  onError,
}: {
  entries: readonly NotificationEntry[]
  /** Called when a link is followed (the bell closes its panel). */
  onNavigate?: () => void
  onError: (error: unknown) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const markRead = useMarkRead()

  const read = (entry: NotificationEntry) => {
    if (!entry.read) markRead.mutate(entry.id, { onError })
  }

  return (
    <ul className="notification-list" data-testid="notification-list">
      {entries.map((entry) => {
        const target = notificationTarget(entry)
        return (
          <li
            key={entry.id}
            className={`notification${entry.read ? '' : ' notification--unread'}`}
            data-testid={`notification-${entry.id}`}
          >
            <p className="notification__head">
              {!entry.read && <span className="notification__unread">{t('notifications.unread')}</span>}
              {target ? (
                <Link
                  to={target.to}
                  className="notification__title"
                  onClick={() => {
                    read(entry)
                    onNavigate?.()
                  }}
                >
                  {entry.title}
                </Link>
              ) : (
                <strong className="notification__title">{entry.title}</strong>
              )}
            </p>
            <p className="notification__body">{entry.body}</p>
            <p className="notification__meta">
              <time dateTime={entry.createdAt}>{names.dateTime(entry.createdAt)}</time>
              {entry.department && (
                <span>{t('notifications.department', { department: names.department(entry.department) })}</span>
              )}
              {!entry.read && (
                <Button
                  size="small"
                  type="link"
                  className="notification__mark"
                  onClick={() => read(entry)}
                  aria-label={t('notifications.markReadAria', { title: entry.title })}
                  data-testid={`mark-read-${entry.id}`}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
