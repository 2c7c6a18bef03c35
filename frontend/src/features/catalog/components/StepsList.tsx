import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import type { ServiceStep } from '@/lib/catalog/types'

/** 办理流程: every step in order, with who handles it and how long it may take. */
export function StepsList({ steps, labelledBy }: { steps: readonly ServiceStep[]; labelledBy: string }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  return (
    <ol className="guide-steps" aria-labelledby={labelledBy} data-testid="steps-list">
      {steps.map((step, index) => (
        <li key={step.id} className="guide-steps__item" data-testid={`step-${step.id}`}>
          <span className="guide-steps__number" aria-hidden>
            {index + 1}
          </span>
          <div className="guide-steps__body">
            <p className="guide-steps__name">
              {localize.text(step.name)}{' '}
              <span className="badge">{t(`catalog.guide.steps.types.${step.type}`)}</span>
            </p>
            {(step.department || step.timeLimitWorkingDays !== null) && (
              <p className="guide-steps__detail">
                {step.department && (
                  <span>
                    {t('catalog.guide.steps.department', {
                      name: localize.department(step.department),
                    })}
                  </span>
                )}
                {step.timeLimitWorkingDays !== null && (
                  <span>
                    {t('catalog.guide.steps.timeLimit', { count: step.timeLimitWorkingDays })}
                  </span>
                )}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
