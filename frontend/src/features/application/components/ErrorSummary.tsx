import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldProblem } from '../types'

/**
 * The error summary at the top of a page (GOV.UK pattern): it takes the focus when problems
 * appear, and each problem links to its field.
 */
export function ErrorSummary({
  problems,
  onSelect,
  hrefOf,
}: {
  problems: readonly FieldProblem[]
  /** Moves to the field (perhaps on another page) and focuses it. */
  onSelect: (field: string) => void
  hrefOf: (field: string) => string
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (problems.length > 0) ref.current?.focus()
  }, [problems])

  if (problems.length === 0) return null
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="error-summary"
    >
      <h2 id={titleId} className="error-summary__title">
        {t('application.errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem) => (
          <li key={problem.field}>
            <a
              href={hrefOf(problem.field)}
              onClick={(event) => {
                event.preventDefault()
                onSelect(problem.field)
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
