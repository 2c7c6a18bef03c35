import { LockOutlined, UnlockOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TaskItem } from '../types'

/** Who holds the task: nobody, me, or a colleague. */
export function ClaimStatus({ task }: { task: TaskItem }) {
  const { t } = useTranslation()
  if (task.claimedByMe) {
    return (
      <span className="claim claim--mine" data-testid="claim-status">
        <UserOutlined aria-hidden /> {t('workbench.claim.mine')}
      </span>
    )
  }
  if (task.claimedBy) {
    return (
      <span className="claim claim--other" data-testid="claim-status">
        <LockOutlined aria-hidden />{' '}
        {task.claimedByName ? t('officials.claimedBy', { name: task.claimedByName }) : t('workbench.claim.other')}
      </span>
    )
  }
  return (
    <span className="claim" data-testid="claim-status">
      <UnlockOutlined aria-hidden /> {t('workbench.claim.unclaimed')}
    </span>
  )
}
