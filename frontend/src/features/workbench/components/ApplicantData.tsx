import { Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldLabel, formatValue } from '../lib/form-fields'
import { useNames } from '../lib/names'
import type { FormSchema } from '../types'

/**
 * The applicant's answers this step may see, and only those (the step's visibleFields), each
 * under its title in the service's form.
 */
export function ApplicantData({
  fields,
  data,
  schema,
}: {
  fields: readonly string[]
  data: Readonly<Record<string, unknown>>
  schema: FormSchema | null | undefined
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
              <dd>{formatValue(schema?.properties?.[field], data[field], words)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
