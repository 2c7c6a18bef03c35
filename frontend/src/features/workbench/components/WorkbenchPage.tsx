import { Alert, Button, Empty, Pagination, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router'
import { useServices } from '@/lib/catalog/get-services'
import { useSession } from '@/lib/auth'
import { useClaim, type ClaimChange } from '../api/claim-task'
import { PAGE_SIZE, useTasks } from '../api/get-tasks'
import { hasQueueFilters, QUEUE_FILTER_KEYS, readQueueFilters } from '../filters'
import type { DecisionAction, TaskItem } from '../types'
import { LightChips } from './LightChips'
import { ProblemAlert } from '@/components/ProblemAlert'
import { QueueFilters } from './QueueFilters'
import { QueueTable } from './QueueTable'
import { StaffOnly } from '@/components/StaffOnly'
import { Loading, LoadError } from '@/components/PageStates'
import '../workbench.css'

/** What the task page hands back after a decision, for the success message. */
export interface DecidedState {
  decided: { action: DecisionAction; number: string }
}

function decidedFrom(state: unknown): DecidedState['decided'] | undefined {
  if (typeof state !== 'object' || state === null || !('decided' in state)) return undefined
  return (state as DecidedState).decided
}

/** /workbench, 工作台: my departments' waiting steps, by deadline. */
export function WorkbenchPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['clerk', 'dept-admin']} title={t('workbench.title')}>
      <WorkbenchQueue />
    </StaffOnly>
  )
}

type Change = Partial<Record<(typeof QUEUE_FILTER_KEYS)[number], string | undefined>>

function WorkbenchQueue() {
  const { t } = useTranslation()
  const headingId = useId()
  const location = useLocation()
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = readQueueFilters(searchParams)
  const tasks = useTasks(filters)
  const services = useServices({})
  const claim = useClaim()
  const [claimError, setClaimError] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  const decided = decidedFrom(location.state)
  const session = useSession()

  // Any filter change starts again at the first page.
  const update = (change: Change) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (!('page' in change)) next.delete('page')
        for (const [key, value] of Object.entries(change)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      // Keep the success message of a decision out of the new entry.
      { state: null },
    )
  }

  const changeClaim = (task: TaskItem, change: ClaimChange) => {
    const number = task.applicationNumber ?? task.instanceId
    setClaimError(undefined)
    setNotice(undefined)
    claim.mutate(
      { task, change },
      {
        onSuccess: () =>
          setNotice(
            change === 'claim'
              ? t('workbench.claim.claimed', { number })
              : t('workbench.claim.released', { number }),
          ),
        onError: (error) => setClaimError(error),
      },
    )
  }

  const queue = tasks.data
  let body
  if (tasks.isPending) {
    body = <Loading className="queue-loading" label={t('workbench.queue.loading')} />
  } else if (tasks.isError) {
    body = <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} testId="queue-error" />
  } else if (!queue || queue.items.length === 0) {
    const filtered = hasQueueFilters(filters)
    body = (
      <Empty
        className="queue-empty"
        data-testid="queue-empty"
        description={
          <Typography.Paragraph strong>
            {filtered ? t('workbench.queue.emptyFiltered') : t('workbench.queue.empty')}
          </Typography.Paragraph>
        }
      >
        {filtered && (
          <Button
            onClick={() =>
              update(Object.fromEntries(QUEUE_FILTER_KEYS.map((key) => [key, undefined])))
            }
          >
            {t('workbench.queue.clearFilters')}
          </Button>
        )}
      </Empty>
    )
  } else {
    body = (
      <>
        <QueueTable
          items={queue.items}
          services={services.data}
          labelledBy={headingId}
          busyTask={claim.isPending ? claim.variables?.task : undefined}
          onClaim={changeClaim}
        />
        {queue.total > queue.size && (
          <nav aria-label={t('workbench.queue.pages')} className="queue-pages">
            <Pagination
              current={queue.page + 1}
              pageSize={queue.size || PAGE_SIZE}
              total={queue.total}
              showSizeChanger={false}
              onChange={(page) => update({ page: page > 1 ? String(page) : undefined })}
              data-testid="queue-pagination"
            />
          </nav>
        )}
      </>
    )
  }

  return (
    <div className="page-width page-section workbench">
      <Typography.Title level={1}>{t('workbench.title')}</Typography.Title>
      <Typography.Paragraph className="page-lead">{t('workbench.lead')}</Typography.Paragraph>
      {session.hasAnyRole('dept-admin') && (
        <p className="workbench__assignments">
          <Link to="/workbench/assignments" data-testid="assignments-link">
            {t('reassign.assignments.link')}
          </Link>
        </p>
      )}

      {decided && (
        <Alert
          className="workbench__notice"
          type="success"
          showIcon
          role="status"
          title={t(`workbench.decided.${decided.action}`, { number: decided.number })}
          closable={{
            onClose: () => void navigate(`${location.pathname}${location.search}`, { replace: true, state: null }),
          }}
          data-testid="decision-success"
        />
      )}

      <div className="queue-filters" data-testid="queue-filters">
        <LightChips
          counts={queue?.counts}
          value={filters.light}
          onChange={(light) => update({ light })}
        />
        <QueueFilters
          q={filters.q}
          onSearch={(q) => update({ q })}
          service={filters.service}
          mine={filters.mine ?? false}
          onService={(service) => update({ service })}
          onMine={(mine) => update({ mine: mine ? 'true' : undefined })}
        />
      </div>

      {claimError !== undefined && (
        <ProblemAlert
          error={claimError}
          testId="claim-error"
          onClose={() => setClaimError(undefined)}
        />
      )}
      {/* Always present, so that screen readers announce each change. */}
      <p role="status" className="queue-notice" data-testid="claim-notice">
        {notice ?? ''}
      </p>

      <section className="queue" aria-labelledby={headingId} aria-busy={tasks.isFetching}>
        <div className="queue__head">
          <Typography.Title level={2} id={headingId} className="queue__title">
            {t('workbench.queue.heading')}
          </Typography.Title>
          <p role="status" className="queue__count" data-testid="queue-count">
            {tasks.isPending
              ? t('workbench.queue.loading')
              : tasks.isError
                ? ''
                : t('workbench.queue.count', { count: queue?.total ?? 0 })}
          </p>
        </div>
        {body}
      </section>
    </div>
  )
}
