import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { answerText, itemLabeller } from '../lib/answers'
import { useFormat } from '../lib/format'
import { isBlank, schemaType, type FormSchema, type FormPage } from '../lib/schema'
import type { FormData } from '../types'

interface Row {
  /** Dotted path of the answer. */
  field: string
  label: string
  value: string
}

function rowsOf(
  schema: FormSchema,
  fields: readonly string[],
  data: FormData,
  text: (schema: FormSchema | undefined, value: unknown) => string,
  itemLabel: (position: number) => string,
): Row[] {
  const rows: Row[] = []
  for (const name of fields) {
    const field = schema.properties?.[name]
    const value = data[name]
    if (schemaType(field) === 'object' && field?.properties) {
      const group = (value ?? {}) as FormData
      for (const [child, childSchema] of Object.entries(field.properties)) {
        rows.push({
          field: `${name}.${child}`,
          label: childSchema.title ?? child,
          value: text(childSchema, group[child]),
        })
      }
    } else if (schemaType(field) === 'array' && schemaType(field?.items) === 'object') {
      const items = Array.isArray(value) ? value : []
      if (items.length === 0) rows.push({ field: name, label: field?.title ?? name, value: '' })
      items.forEach((item, index) =>
        rows.push({
          field: `${name}.${index}`,
          label: `${field?.title ?? name} · ${itemLabel(index + 1)}`,
          value: text(field?.items, item),
        }),
      )
    } else {
      rows.push({ field: name, label: field?.title ?? name, value: text(field, value) })
    }
  }
  return rows
}

/**
 * The answers as a summary list (GOV.UK "check your answers"): one row per question, with a
 * change link when `changeHref` is given; answers from the verified identity or from a
 * department's record say so instead.
 */
export function AnswersList({
  schema,
  data,
  pages,
  prefilled = [],
  locked,
  changeHref,
  sectionTitle,
  headingLevel = 2,
}: {
  schema: FormSchema
  data: FormData
  pages: readonly FormPage[]
  prefilled?: readonly string[]
  /** Answers that agreed shared records give (dotted paths), with the note saying where from. */
  locked?: ReadonlyMap<string, string>
  changeHref?: (field: string, page: number) => string
  sectionTitle?: (page: FormPage, index: number) => string
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const Heading = `h${headingLevel}` as const
  const text = (fieldSchema: FormSchema | undefined, value: unknown) =>
    answerText(t, fieldSchema, value, format.date)

  return (
    <div className="answers" data-testid="answers">
      {pages.map((page, index) => {
        const title =
          sectionTitle?.(page, index) ??
          page.title ??
          t('application.check.section', { position: index + 1 })
        const rows = rowsOf(schema, page.fields, data, text, itemLabeller(t))
        return (
          <section key={page.fields.join()} className="answers__section">
            {pages.length > 1 || sectionTitle ? (
              <Heading className="answers__title">{title}</Heading>
            ) : null}
            <dl className="summary-list">
              {rows.map((row) => {
                const top = row.field.split('.')[0] ?? row.field
                const fromIdentity = prefilled.includes(top)
                const fromRecord = locked?.get(row.field)
                return (
                  <div key={row.field} className="summary-list__row" data-testid={`answer-${row.field}`}>
                    <dt className="summary-list__key">{row.label}</dt>
                    <dd className="summary-list__value">
                      {isBlank(row.value) ? (
                        <span className="summary-list__missing">{t('application.check.unanswered')}</span>
                      ) : (
                        row.value
                      )}
                    </dd>
                    {changeHref && (
                      <dd className="summary-list__actions">
                        {fromIdentity ? (
                          <span className="summary-list__note">{t('application.check.prefilled')}</span>
                        ) : fromRecord !== undefined ? (
                          <span className="summary-list__note" data-testid="shared-answer-note">
                            {fromRecord}
                          </span>
                        ) : (
                          <Link
                            to={changeHref(row.field, index)}
                            aria-label={t('application.check.changeWhat', { label: row.label })}
                          >
                            {t('application.check.change')}
                          </Link>
                        )}
                      </dd>
                    )}
                  </div>
                )
              })}
            </dl>
          </section>
        )
      })}
    </div>
  )
}
