import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SaveStatus } from '../api/save-draft'

/** 已保存 / 正在保存…: said politely to screen readers, as it changes. */
export function SaveStatusText({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t, i18n } = useTranslation()
  let text = ''
  if (status.kind === 'saving') text = t('application.save.saving')
  if (status.kind === 'saved') {
    text = status.partial
      ? t('application.save.partial')
      : t('application.save.savedAt', {
          time: new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en-US' ? 'en-GB' : 'zh-CN', {
            timeStyle: 'short',
          }).format(status.at),
        })
  }
  if (status.kind === 'failed') text = t('application.save.failed')
  return (
    <span
      className={`save-status${status.kind === 'failed' ? ' save-status--failed' : ''}`}
      role="status"
      data-testid="save-status"
      data-state={status.kind}
    >
      {text}
      {status.kind === 'failed' && (
        <>
          {' '}
          <Button type="link" size="small" onClick={onRetry}>
            {t('application.save.retry')}
          </Button>
        </>
      )}
    </span>
  )
}
