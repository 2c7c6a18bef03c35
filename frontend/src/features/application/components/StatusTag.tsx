import { useTranslation } from 'react-i18next'
import { isApplicationStatus } from '../types'
import '../application.css'

/** An application's status in words; the colour (with AA contrast) only repeats them. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  const known = isApplicationStatus(status)
  return (
    <span
      className={`status-tag status-tag--${known ? status : 'unknown'}`}
      data-testid="status-tag"
      data-status={status}
    >
      {known ? t(`myApplications.status.${status}`) : status}
    </span>
  )
}
