import { useTranslation } from 'react-i18next'
import { useNames } from '../lib/names'
import { timeLeft } from '../lib/time'
import type { Light } from '../types'
import { LightBadge } from './LightBadge'

/** The light, the time left (or overdue) and the due date of a step. */
export function Deadline({ dueAt, light }: { dueAt: string | null; light: Light | null }) {
  const { t } = useTranslation()
  const names = useNames()
  const left = timeLeft(dueAt)
  let words: string
  if (left.kind === 'none') words = t('workbench.time.noLimit')
  else if (left.kind === 'left')
    words =
      left.unit === 'days'
        ? t('workbench.time.daysLeft', { count: left.count })
        : t('workbench.time.hoursLeft', { count: left.count })
  else
    words =
      left.unit === 'days'
        ? t('workbench.time.overdueDays', { count: left.count })
        : t('workbench.time.overdueHours', { count: left.count })

  return (
    <span className="deadline">
      {light && <LightBadge light={light} />}
      <span className="deadline__left" data-testid="time-left">
        {light === 'PAUSED' ? t('workbench.time.paused') : words}
      </span>
      {dueAt && (
        <span className="deadline__due">
          {t('workbench.time.due', { date: names.dueDay(dueAt) })}
        </span>
      )}
    </span>
  )
}
