import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { ServiceSummary } from '@/lib/catalog/types'
import type { ClaimChange } from '../api/claim-task'
import { useNames } from '../lib/names'
import type { TaskItem } from '../types'
import { ClaimButton } from './ClaimButton'
import { ClaimStatus } from './ClaimStatus'
import { Deadline } from './Deadline'

export function taskLink(task: Pick<TaskItem, 'instanceId' | 'step'>): string {
  return `/workbench/${encodeURIComponent(task.instanceId)}/${encodeURIComponent(task.step)}`
}

/** The queue page, in the backend's order (by deadline). A row opens its task. */
export function QueueTable({
  items,
  services,
  labelledBy,
  busyTask,
  onClaim,
}: {
  items: readonly TaskItem[]
  services: readonly ServiceSummary[] | undefined
  labelledBy: string
  busyTask: TaskItem | undefined
  onClaim: (task: TaskItem, change: ClaimChange) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const navigate = useNavigate()

  const open = (task: TaskItem) => (event: MouseEvent<HTMLTableRowElement>) => {
    // Links and buttons inside the row do their own thing.
    if ((event.target as HTMLElement).closest('a, button')) return
    void navigate(taskLink(task))
  }

  return (
    <div className="table-scroll">
      <table className="data-table queue-table" aria-labelledby={labelledBy} data-testid="queue-table">
        <thead>
          <tr>
            <th scope="col">{t('workbench.columns.number')}</th>
            <th scope="col">{t('workbench.columns.service')}</th>
            <th scope="col">{t('workbench.columns.step')}</th>
            <th scope="col">{t('workbench.columns.applicant')}</th>
            <th scope="col">{t('workbench.columns.deadline')}</th>
            <th scope="col">{t('workbench.columns.claim')}</th>
            <th scope="col">{t('workbench.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => {
            const number = task.applicationNumber ?? task.instanceId
            return (
              <tr
                key={`${task.instanceId}/${task.step}`}
                className={`queue-table__row queue-table__row--${task.light.toLowerCase()}`}
                onClick={open(task)}
                data-testid={`task-row-${task.instanceId}-${task.step}`}
              >
                <th scope="row">
                  <Link to={taskLink(task)} className="queue-table__number" data-testid="task-link">
                    {number}
                  </Link>
                </th>
                <td>{names.service(services, task.serviceCode)}</td>
                <td>
                  <span className="queue-table__step">{names.taskStep(task)}</span>
                  <span className="queue-table__department">{names.department(task.department)}</span>
                </td>
                <td>{task.applicantName ?? '—'}</td>
                <td>
                  <Deadline dueAt={task.dueAt} light={task.light} />
                </td>
                <td>
                  <ClaimStatus task={task} />
                </td>
                <td>
                  <ClaimButton
                    task={task}
                    busy={
                      busyTask?.instanceId === task.instanceId && busyTask.step === task.step
                    }
                    onChange={(change) => onClaim(task, change)}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
