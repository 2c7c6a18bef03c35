import { Button } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { DefinitionProblem } from '../types'

/** The problems of a definition file: line, place, severity, what is wrong and how to fix it. */
export function DefinitionProblems({
  problems,
  onGoToLine,
}: {
  problems: readonly DefinitionProblem[]
  onGoToLine?: (line: number) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  if (problems.length === 0) return null
  return (
    <div className="definition-problems">
      <p id={id} className="visually-hidden">
        {t('workflowAdmin.problems.caption')}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby={id} data-testid="definition-problems">
          <thead>
            <tr>
              <th scope="col">{t('workflowAdmin.problems.line')}</th>
              <th scope="col">{t('workflowAdmin.problems.severity')}</th>
              <th scope="col">{t('workflowAdmin.problems.path')}</th>
              <th scope="col">{t('workflowAdmin.problems.message')}</th>
              <th scope="col">{t('workflowAdmin.problems.hint')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => {
              const line = problem.line && problem.line > 0 ? problem.line : undefined
              const warning = problem.severity === 'warning'
              return (
                <tr
                  key={`${index}-${problem.code}-${problem.path ?? ''}`}
                  data-testid="definition-problem"
                  className={warning ? 'definition-problem--warning' : 'definition-problem--error'}
                >
                  <th scope="row" className="definition-problem__line">
                    {line === undefined ? (
                      <span>{t('workflowAdmin.problems.noLine')}</span>
                    ) : onGoToLine ? (
                      <Button
                        type="link"
                        size="small"
                        className="definition-problem__goto"
                        onClick={() => onGoToLine(line)}
                        aria-label={t('workflowAdmin.problems.goToLine', { line })}
                      >
                        {t('workflowAdmin.problems.lineValue', { line })}
                      </Button>
                    ) : (
                      t('workflowAdmin.problems.lineValue', { line })
                    )}
                  </th>
                  <td>
                    <span className={`badge ${warning ? 'badge--warning' : 'badge--error'}`}>
                      {warning
                        ? t('workflowAdmin.problems.severities.warning')
                        : t('workflowAdmin.problems.severities.error')}
                    </span>
                  </td>
                  <td>
                    <code className="definition-problem__path">{problem.path || '/'}</code>
                  </td>
                  <td>{problem.message}</td>
                  <td>{problem.hint || '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
