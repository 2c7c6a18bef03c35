import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TaskItem } from '../types'
import type { ClaimChange } from '../api/claim-task'

/**
 * 认领 / 释放. A colleague's task has no button: only they, or a department admin reassigning
 * it, can change who holds it.
 */
export function ClaimButton({
  task,
  busy,
  onChange,
}: {
  task: TaskItem
  busy: boolean
  onChange: (change: ClaimChange) => void
}) {
  const { t } = useTranslation()
  const number = task.applicationNumber ?? task.instanceId
  if (task.claimedByMe) {
    return (
      <Button
        size="small"
        loading={busy}
        onClick={() => onChange('release')}
        aria-label={t('workbench.claim.releaseAria', { number })}
        data-testid="release-button"
      >
        {t('workbench.claim.release')}
      </Button>
    )
  }
  if (task.claimedBy) return null
  return (
    <Button
      size="small"
      type="primary"
      ghost
      loading={busy}
      onClick={() => onChange('claim')}
      aria-label={t('workbench.claim.claimAria', { number })}
      data-testid="claim-button"
    >
      {t('workbench.claim.claim')}
    </Button>
  )
}
