import { Typography } from 'antd'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldLabel, formatValue, type ValueWords } from '../lib/form-fields'
import { useNames } from '../lib/names'
import type { FormFieldSchema, FormSchema } from '../types'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function title(schema: FormFieldSchema | undefined, name: string): string {
  return typeof schema?.title === 'string' && schema.title.trim() !== '' ? schema.title : name
}

/**
 * One answer: a plain value, or a group (the mother, the child) as its own list of titled
 * answers, or a list of groups; answers a department's record gave carry a mark naming it.
 */
function Answer({
  path,
  schema,
  value,
  words,
  sourceOf,
}: {
  path: string
  schema: FormFieldSchema | undefined
  value: unknown
  words: ValueWords
  sourceOf: (path: string) => ReactNode
}): ReactNode {
  if (schema?.properties && isObject(value)) {
    return (
      <dl className="facts facts--nested">
        {Object.entries(schema.properties).map(([name, child]) => (
          <div className="facts__row" key={name} data-testid={`field-${path}.${name}`}>
            <dt>{title(child, name)}</dt>
            <dd>
              <Answer path={`${path}.${name}`} schema={child} value={value[name]} words={words} sourceOf={sourceOf} />
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  if (schema?.items?.properties && Array.isArray(value) && value.length > 0) {
    return (
      <ol className="applicant-data__items">
        {value.map((item, index) => (
          <li key={index}>
            <Answer path={`${path}.${index}`} schema={schema.items} value={item} words={words} sourceOf={sourceOf} />
          </li>
        ))}
      </ol>
    )
  }
  return (
    <>
      {formatValue(schema, value, words)}
      {sourceOf(path)}
    </>
  )
}

/**
 * The applicant's answers this step may see, and only those (the step's visibleFields), each
 * under its title in the service's form; an answer that a department's record gave (免提交)
 * says which.
 */
export function ApplicantData({
  fields,
  data,
  schema,
  fieldSources = {},
  datasetName = (dataset) => dataset,
}: {
  fields: readonly string[]
  data: Readonly<Record<string, unknown>>
  schema: FormSchema | null | undefined
  /** Which answers (dotted paths) came from which dataset. */
  fieldSources?: Readonly<Record<string, string>>
  datasetName?: (dataset: string) => string
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const words = {
    yes: t('workbench.task.data.yes'),
    no: t('workbench.task.data.no'),
    empty: t('workbench.task.data.notFilled'),
    list: names.list,
  }
  const sourceOf = (path: string) => {
    // list items are declared once for all of them: items.0.name is items.name's source
    const dataset =
      fieldSources[path] ??
      fieldSources[path.replace(/\.\d+(?=\.|$)/g, '')] ??
      fieldSources[path.replace(/\.\d+(?=\.|$)/g, '.*')]
    return dataset ? (
      <span className="field-source" data-testid="field-source">
        {' '}
        <span className="badge badge--shared">{t('workbench.task.data.fromRecord', { name: datasetName(dataset) })}</span>
      </span>
    ) : null
  }

  return (
    <section aria-labelledby={id} className="task-section" data-testid="applicant-data">
      <Typography.Title level={2} id={id}>
        {t('workbench.task.data.heading')}
      </Typography.Title>
      <Typography.Paragraph className="task-section__hint">
        {t('workbench.task.data.hint')}
      </Typography.Paragraph>
      {fields.length === 0 ? (
        <Typography.Paragraph>{t('workbench.task.data.empty')}</Typography.Paragraph>
      ) : (
        <dl className="facts">
          {fields.map((field) => (
            <div className="facts__row" key={field} data-testid={`field-${field}`}>
              <dt>{fieldLabel(schema, field)}</dt>
              <dd>
                <Answer
                  path={field}
                  schema={schema?.properties?.[field]}
                  value={data[field]}
                  words={words}
                  sourceOf={sourceOf}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
