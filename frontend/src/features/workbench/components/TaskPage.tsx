import { Button, Typography } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useService } from '@/lib/catalog/get-service'
import { isApiError } from '@/lib/api-client'
import { useClaim, type ClaimChange } from '../api/claim-task'
import { useTask } from '../api/get-task'
import { TASKS_KEY } from '../api/get-tasks'
import { useNames } from '../lib/names'
import type { DecisionAction, ServiceWithForm, TaskView } from '../types'
import { ApplicantData } from './ApplicantData'
import { SharedRecords } from './SharedRecords'
import { TaskMaterials } from './TaskMaterials'
import { ClaimButton } from './ClaimButton'
import { ClaimStatus } from './ClaimStatus'
import { DecisionPanel } from './DecisionPanel'
import { Deadline } from './Deadline'
import { Loading, LoadError } from '@/components/PageStates'
import { ReassignDialog } from './ReassignDialog'
import { ParallelProgress } from './ParallelProgress'
import { ProblemAlert } from '@/components/ProblemAlert'
import { StaffOnly } from '@/components/StaffOnly'
import { TaskHistory } from './TaskHistory'
import type { DecidedState } from './WorkbenchPage'
import '../workbench.css'

/** /workbench/:instanceId/:step: one task, its data, its history and the decision. */
export function TaskPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['clerk', 'dept-admin']} title={t('workbench.task.title')}>
      <TaskLoader />
    </StaffOnly>
  )
}

function Breadcrumb({ current }: { current: string }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('workbench.task.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link to="/workbench">{t('workbench.title')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  )
}

function TaskLoader() {
  const { t } = useTranslation()
  const { instanceId = '', step = '' } = useParams()
  const task = useTask(instanceId, step)

  if (task.isPending) return <Loading page className="page-loading" label={t('workbench.task.loading')} />
  if (task.isError) {
    const gone = isApiError(task.error, 404)
    return (
      <div className="page-width page-section task-page" data-testid="task-unavailable">
        <Breadcrumb current={t('workbench.task.title')} />
        <Typography.Title level={1}>
          {gone ? t('workbench.task.notFound.title') : t('workbench.task.title')}
        </Typography.Title>
        {gone ? (
          <Typography.Paragraph>{t('workbench.task.notFound.body')}</Typography.Paragraph>
        ) : (
          <LoadError
            error={task.error}
            // the backend will not change its mind about who may see the task
            onRetry={isApiError(task.error, 403) ? undefined : () => void task.refetch()}
            testId="task-error"
          />
        )}
        <p className="task-page__back">
          <Link to="/workbench">{t('workbench.task.back')}</Link>
        </p>
      </div>
    )
  }
  return <TaskDetail view={task.data} onReload={() => void task.refetch()} />
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function TaskDetail({ view, onReload }: { view: TaskView; onReload: () => void }) {
  const { t } = useTranslation()
  const names = useNames()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const headingId = useId()
  const { task } = view
  const guidance = useService(task.serviceCode).data as ServiceWithForm | undefined
  // the form's field and option titles in the page's language, for the data, history and decision
  const formSchema = names.schema(guidance?.formSchema)
  const service = useMemo(() => (guidance ? { ...guidance, formSchema } : undefined), [guidance, formSchema])
  const claim = useClaim()
  const [claimError, setClaimError] = useState<unknown>()
  const [reassigning, setReassigning] = useState(false)
  const [notice, setNotice] = useState<string>()
  const number = task.applicationNumber ?? task.instanceId
  const serviceName = service ? names.text(service.name) : task.serviceCode
  const stepName = names.taskStep(task)

  const changeClaim = (change: ClaimChange) => {
    setClaimError(undefined)
    claim.mutate({ task, change }, { onError: (error) => setClaimError(error) })
  }

  const decided = (action: DecisionAction) => {
    const state: DecidedState = { decided: { action, number } }
    void navigate('/workbench', { state })
  }

  const reload = () => {
    onReload()
    void queryClient.invalidateQueries({ queryKey: TASKS_KEY })
  }

  return (
    <div className="page-width page-section task-page" data-testid="task-page">
      <Breadcrumb current={number} />
      <header className="task-page__header">
        <Typography.Title level={1} id={headingId} className="task-page__title">
          {t('workbench.task.heading', { service: serviceName, step: stepName })}
        </Typography.Title>
        <dl className="facts task-facts" data-testid="task-facts">
          <Fact term={t('workbench.task.facts.number')}>{number}</Fact>
          <Fact term={t('workbench.task.facts.applicant')}>{task.applicantName ?? '—'}</Fact>
          <Fact term={t('workbench.task.facts.service')}>{serviceName}</Fact>
          <Fact term={t('workbench.task.facts.step')}>{stepName}</Fact>
          <Fact term={t('workbench.task.facts.department')}>{names.department(task.department)}</Fact>
          <Fact term={t('workbench.task.facts.activatedAt')}>{names.dateTime(task.activatedAt)}</Fact>
          <Fact term={t('workbench.task.facts.deadline')}>
            <Deadline dueAt={task.dueAt} light={task.light} />
          </Fact>
          <Fact term={t('workbench.task.facts.claim')}>
            <span className="task-facts__claim">
              <ClaimStatus task={task} />
              <ClaimButton task={task} busy={claim.isPending} onChange={changeClaim} />
              {view.mayReassign && (
                <Button
                  size="small"
                  onClick={() => {
                    setNotice(undefined)
                    setReassigning(true)
                  }}
                  aria-label={t('reassign.buttonAria', { number })}
                  data-testid="reassign-button"
                >
                  {t('reassign.button')}
                </Button>
              )}
            </span>
          </Fact>
        </dl>
        {claimError !== undefined && (
          <ProblemAlert error={claimError} testId="claim-error" onClose={() => setClaimError(undefined)} />
        )}
        {/* Always present, so that screen readers announce the result of a reassignment. */}
        <p role="status" className="queue-notice" data-testid="reassign-notice">
          {notice ?? ''}
        </p>
        {view.mayReassign && (
          <ReassignDialog
            task={task}
            open={reassigning}
            onClose={() => setReassigning(false)}
            onDone={(message) => {
              setNotice(message)
              reload()
            }}
          />
        )}
      </header>

      <div className="task-layout">
        <div className="task-layout__main">
          <ApplicantData
            fields={view.visibleFields}
            data={view.visibleData}
            schema={service?.formSchema}
            fieldSources={view.fieldSources}
            datasetName={(dataset) => {
              const record = view.shared?.find((each) => each.dataset === dataset)
              return record?.name ? names.text({ zh: record.name.zh, en: record.name.en ?? '' }) : dataset
            }}
          />
          <SharedRecords records={view.shared ?? []} />
          <TaskMaterials view={view} />
          <ParallelProgress steps={view.parallelProgress} service={service} />
          <TaskHistory history={view.history} service={service} />
        </div>
        <div className="task-layout__aside">
          <DecisionPanel view={view} service={service} onDecided={decided} onReload={reload} />
        </div>
      </div>
    </div>
  )
}
