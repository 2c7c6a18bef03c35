import { Button, Empty, Pagination, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useServices } from '@/lib/catalog/get-services'
import { useAssignments } from '../api/reassign-task'
import { PAGE_SIZE } from '../api/get-tasks'
import { useNames } from '../lib/names'
import type { TaskItem } from '../types'
import { Deadline } from './Deadline'
import { ReassignDialog } from './ReassignDialog'
import { StaffOnly } from '@/components/StaffOnly'
import { Loading, LoadError } from '@/components/PageStates'
import '../workbench.css'

/**
 * /workbench/assignments, 任务分派: a department admin's view of every waiting step of the department
 * and who holds it, to give tasks to other officials. No applicant data is shown or opened here.
 */
export function AssignmentsPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin']} title={t('reassign.assignments.title')}>
      <Assignments />
    </StaffOnly>
  )
}

function Assignments() {
  const { t } = useTranslation()
  const names = useNames()
  const headingId = useId()
  const [page, setPage] = useState(0)
  const assignments = useAssignments(page)
  const services = useServices({})
  const [chosen, setChosen] = useState<TaskItem>()
  const [notice, setNotice] = useState<string>()

  let body
  if (assignments.isPending) {
    body = <Loading className="queue-loading" label={t('workbench.queue.loading')} />
  } else if (assignments.isError) {
    body = <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} testId="assignments-error" />
  } else if (assignments.data.items.length === 0) {
    body = <Empty className="queue-empty" description={t('reassign.assignments.empty')} />
  } else {
    const queue = assignments.data
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table queue-table" aria-labelledby={headingId} data-testid="assignments-table">
            <thead>
              <tr>
                <th scope="col">{t('reassign.assignments.number')}</th>
                <th scope="col">{t('reassign.assignments.service')}</th>
                <th scope="col">{t('reassign.assignments.step')}</th>
                <th scope="col">{t('reassign.assignments.deadline')}</th>
                <th scope="col">{t('reassign.assignments.holder')}</th>
                <th scope="col">{t('reassign.assignments.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((task) => {
                const number = task.applicationNumber ?? task.instanceId
                return (
                  <tr key={`${task.instanceId}/${task.step}`} data-testid={`assignment-${number}`}>
                    <th scope="row">{number}</th>
                    <td>{names.service(services.data, task.serviceCode)}</td>
                    <td>
                      {names.taskStep(task)}
                      <br />
                      <small>{names.department(task.department)}</small>
                    </td>
                    <td>
                      <Deadline dueAt={task.dueAt} light={task.light} />
                    </td>
                    <td>
                      {task.claimedBy
                        ? (task.claimedByName ?? t('workbench.claim.other'))
                        : t('reassign.assignments.unclaimed')}
                    </td>
                    <td>
                      <Button
                        size="small"
                        onClick={() => {
                          setNotice(undefined)
                          setChosen(task)
                        }}
                        aria-label={t('reassign.buttonAria', { number })}
                      >
                        {t('reassign.button')}
                      </Button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {queue.total > queue.size && (
          <nav aria-label={t('workbench.queue.pages')} className="queue-pages">
            <Pagination
              current={queue.page + 1}
              pageSize={queue.size || PAGE_SIZE}
              total={queue.total}
              showSizeChanger={false}
              onChange={(next) => setPage(next - 1)}
            />
          </nav>
        )}
      </>
    )
  }

  return (
    <div className="page-width page-section workbench" data-testid="assignments-page">
      <nav aria-label={t('workbench.task.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/workbench">{t('workbench.title')}</Link>
          </li>
          <li aria-current="page">{t('reassign.assignments.title')}</li>
        </ol>
      </nav>
      <Typography.Title level={1} id={headingId}>
        {t('reassign.assignments.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-lead">{t('reassign.assignments.lead')}</Typography.Paragraph>
      <p role="status" className="queue-notice" data-testid="reassign-notice">
        {notice ?? ''}
      </p>
      {body}
      {chosen && (
        <ReassignDialog
          task={chosen}
          open
          onClose={() => setChosen(undefined)}
          onDone={(message) => setNotice(message)}
        />
      )}
    </div>
  )
}
