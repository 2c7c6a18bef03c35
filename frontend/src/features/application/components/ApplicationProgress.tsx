import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import type { Department, ServiceDetail } from '@/lib/catalog/types'
import { useFormat } from '../lib/format'
import { APPLICANT_ROLE, TIMELINE_ACTIONS, type CurrentStep, type TimelineAction, type TimelineEntry } from '../types'

/** Names for step ids (from the guidance) and department codes (from /departments). */
export function useNames(service: ServiceDetail | undefined, departments: readonly Department[] | undefined) {
  const localize = useLocalize()
  return {
    step: (id: string | null | undefined): string => {
      if (!id) return ''
      const step = service?.steps.find((candidate) => candidate.id === id)
      return step ? localize.text(step.name) : id
    },
    department: (code: string | null | undefined): string => {
      if (!code) return ''
      const department = departments?.find((candidate) => candidate.code === code)
      return department ? localize.department(department) : code
    },
  }
}

type Names = ReturnType<typeof useNames>

/** 当前办理环节: who has the application now, until when, and whether that is on time. */
export function CurrentSteps({ steps, names, labelledBy }: { steps: readonly CurrentStep[]; names: Names; labelledBy: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (steps.length === 0) return <p>{t('myApplications.detail.noCurrentSteps')}</p>
  return (
    <ul className="application-steps" aria-labelledby={labelledBy} data-testid="current-steps">
      {steps.map((step) => (
        <li key={`${step.step}-${step.branch ?? ''}`} className="application-steps__item">
          <p className="application-steps__name">{names.step(step.step)}</p>
          <p className="application-steps__detail">
            {step.role === APPLICANT_ROLE ? (
              <span>{t('myApplications.detail.waitingForYou')}</span>
            ) : (
              step.department && (
                <span>{t('myApplications.detail.department', { name: names.department(step.department) })}</span>
              )
            )}
            {step.dueAt && step.light !== 'PAUSED' && (
              <span>{t('myApplications.detail.due', { date: format.dueDay(step.dueAt) })}</span>
            )}
            {step.light && (
              <span className={`light light--${step.light}`} data-testid="step-light">
                {t(`myApplications.detail.light.${step.light}`)}
              </span>
            )}
          </p>
        </li>
      ))}
    </ul>
  )
}

// Explicit keys: i18next would read the colon of "auto:notify" as a namespace separator.
const ACTION_KEYS: Record<TimelineAction, ParseKeys> = {
  start: 'myApplications.detail.actions.start',
  approve: 'myApplications.detail.actions.approve',
  reject: 'myApplications.detail.actions.reject',
  correct: 'myApplications.detail.actions.correct',
  resubmit: 'myApplications.detail.actions.resubmit',
  return: 'myApplications.detail.actions.return',
  withdraw: 'myApplications.detail.actions.withdraw',
  'auto:issue-certificate': 'myApplications.detail.actions.autoIssueCertificate',
  'auto:notify': 'myApplications.detail.actions.autoNotify',
  confirm: 'myApplications.detail.actions.confirm',
  reopen: 'myApplications.detail.actions.reopen',
  supply: 'myApplications.detail.actions.supply',
  timeout: 'myApplications.detail.actions.timeout',
  escalate: 'myApplications.detail.actions.escalate',
  migrate: 'myApplications.detail.actions.migrate',
}

function isKnownAction(action: string): action is TimelineAction {
  return TIMELINE_ACTIONS.includes(action as TimelineAction)
}

/** 办理记录: each step's decision, by which department, when, and why. */
export function Timeline({ entries, names, labelledBy }: { entries: readonly TimelineEntry[]; names: Names; labelledBy: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (entries.length === 0) return <p>{t('myApplications.detail.noTimeline')}</p>
  return (
    <ol className="timeline" aria-labelledby={labelledBy} data-testid="timeline">
      {entries.map((entry, index) => {
        const action = t(isKnownAction(entry.action) ? ACTION_KEYS[entry.action] : 'myApplications.detail.actions.other')
        const step = names.step(entry.step)
        const department = names.department(entry.department)
        return (
          <li key={`${entry.at}-${index}`} className="timeline__item" data-testid="timeline-entry">
            <p className="timeline__action">
              {action}
              {step && entry.action !== 'start' ? ` · ${step}` : ''}
            </p>
            <p className="timeline__meta">
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              {department && <span> · {department}</span>}
            </p>
            {entry.reason && (
              <p className="timeline__reason">{t('myApplications.detail.reason', { reason: entry.reason })}</p>
            )}
            {entry.fromVersion != null && entry.toVersion != null && (
              <p className="timeline__reason">
                {t('myApplications.detail.migration', { from: entry.fromVersion, to: entry.toVersion })}
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
