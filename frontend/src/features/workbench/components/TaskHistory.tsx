import { Typography } from 'antd'
import type { ParseKeys } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldLabel } from '../lib/form-fields'
import { useNames } from '../lib/names'
import type { HistoryEntry, ServiceWithForm } from '../types'

const ACTIONS: Readonly<Record<string, ParseKeys>> = {
  start: 'workbench.task.history.actions.start',
  approve: 'workbench.task.history.actions.approve',
  reject: 'workbench.task.history.actions.reject',
  correct: 'workbench.task.history.actions.correct',
  resubmit: 'workbench.task.history.actions.resubmit',
  return: 'workbench.task.history.actions.return',
  withdraw: 'workbench.task.history.actions.withdraw',
  'auto:issue-certificate': 'workbench.task.history.actions.issueCertificate',
  confirm: 'workbench.task.history.actions.confirm',
  reopen: 'workbench.task.history.actions.reopen',
  supply: 'workbench.task.history.actions.supply',
  timeout: 'workbench.task.history.actions.timeout',
  escalate: 'workbench.task.history.actions.escalate',
  migrate: 'workbench.task.history.actions.migrate',
}

/** 办理记录: every transition, oldest first, with who acted, why, and what was asked for. */
export function TaskHistory({
  history,
  service,
}: {
  history: readonly HistoryEntry[]
  service: ServiceWithForm | undefined
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()

  const action = (entry: HistoryEntry): string => {
    const key = ACTIONS[entry.action]
    if (key) return t(key)
    if (entry.action.startsWith('auto:')) return t('workbench.task.history.actions.auto')
    return entry.action
  }
  const actor = (entry: HistoryEntry): string => {
    if (entry.actor === 'system') return t('workbench.task.history.system')
    if (entry.actorDepartment && entry.actorName) {
      return t('officials.actorWithDepartment', {
        name: entry.actorName,
        department: names.department(entry.actorDepartment),
      })
    }
    if (entry.actorDepartment) return names.department(entry.actorDepartment)
    return t('workbench.task.history.applicant')
  }

  return (
    <section aria-labelledby={id} className="task-section" data-testid="task-history">
      <Typography.Title level={2} id={id}>
        {t('workbench.task.history.heading')}
      </Typography.Title>
      {history.length === 0 ? (
        <Typography.Paragraph>{t('workbench.task.history.empty')}</Typography.Paragraph>
      ) : (
        <ol className="history" aria-labelledby={id}>
          {history.map((entry) => {
            const details = { items: entry.items ?? [], target: entry.target ?? null }
            return (
              <li key={entry.sequence} className="history__entry" data-testid={`history-${entry.sequence}`}>
                <p className="history__head">
                  <time dateTime={entry.at} className="history__time">
                    {names.dateTime(entry.at)}
                  </time>
                  <strong className="history__action">{action(entry)}</strong>
                  {entry.step && (
                    <span className="history__step">
                      {t('workbench.task.history.atStep', { step: names.step(service, entry.step) })}
                    </span>
                  )}
                  <span className="history__actor">
                    {t('workbench.task.history.by', { actor: actor(entry) })}
                  </span>
                </p>
                {entry.reason && (
                  <p className="history__reason">
                    {t('workbench.task.history.reason', { reason: entry.reason })}
                  </p>
                )}
                {details.items.length > 0 && (
                  <p className="history__detail">
                    {t('workbench.task.history.items', {
                      items: names.list(
                        details.items.map((item) => fieldLabel(service?.formSchema, item)),
                      ),
                    })}
                  </p>
                )}
                {entry.fromVersion != null && entry.toVersion != null && (
                  <p className="history__detail">
                    {t('workbench.task.history.migration', { from: entry.fromVersion, to: entry.toVersion })}
                  </p>
                )}
                {details.target && entry.action === 'return' && (
                  <p className="history__detail">
                    {t('workbench.task.history.target', {
                      step: names.step(service, details.target),
                    })}
                  </p>
                )}
                {details.target && entry.action === 'approve' && (
                  <p className="history__detail">
                    {t('workbench.task.history.assignedTo', { name: entry.targetName ?? details.target })}
                  </p>
                )}
                {details.target && entry.action === 'escalate' && (
                  <p className="history__detail">
                    {t('workbench.task.history.escalatedTo', {
                      department: names.department(details.target.slice(0, details.target.indexOf(':'))),
                      role: entry.targetName ?? details.target.slice(details.target.indexOf(':') + 1),
                    })}
                  </p>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
