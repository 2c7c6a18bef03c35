import { Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNames } from '../lib/names'
import type { ActiveStep, ServiceWithForm } from '../types'
import { Deadline } from './Deadline'

/** Where the other departments are with their steps of the same application (parallel steps). */
export function ParallelProgress({
  steps,
  service,
}: {
  steps: readonly ActiveStep[]
  service: ServiceWithForm | undefined
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  if (steps.length === 0) return null
  return (
    <section aria-labelledby={id} className="task-section" data-testid="parallel-progress">
      <Typography.Title level={2} id={id}>
        {t('workbench.task.parallel.heading')}
      </Typography.Title>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('workbench.task.parallel.step')}</th>
              <th scope="col">{t('workbench.task.parallel.department')}</th>
              <th scope="col">{t('workbench.task.parallel.status')}</th>
              <th scope="col">{t('workbench.task.parallel.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.step} data-testid={`parallel-${step.step}`}>
                <th scope="row">{names.step(service, step.step)}</th>
                <td>{names.department(step.department) || '—'}</td>
                <td>
                  {step.status === 'correction'
                    ? t('workbench.task.parallel.statuses.correction')
                    : t('workbench.task.parallel.statuses.active')}
                </td>
                <td>
                  <Deadline dueAt={step.dueAt} light={step.light} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
