import { Alert, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDataCatalogue } from '../api/get-catalogue'
import { formatValue } from '../lib/form-fields'
import { useNames } from '../lib/names'
import type { CatalogueDataset, SharedRecord } from '../types'

function fieldTitle(
  catalogue: readonly CatalogueDataset[] | undefined,
  dataset: string,
  field: string,
  text: (value: { zh: string; en: string }) => string,
): string {
  const title = catalogue?.find((each) => each.code === dataset)?.fields.find((each) => each.code === field)?.title
  return title ? text({ zh: title.zh, en: title.en ?? '' }) : field
}

/**
 * 共享数据: the departments' records this step may see instead of the applicant's typing or
 * scans, each with where it came from — the department that holds it, the record, when it was
 * recorded and when it was read for which department — and the applicant's objection where they
 * said a record is wrong (then the applicant provided it themselves).
 */
export function SharedRecords({ records }: { records: readonly SharedRecord[] }) {
  const { t } = useTranslation()
  const names = useNames()
  const catalogue = useDataCatalogue()
  const id = useId()
  const words = { yes: t('workbench.task.data.yes'), no: t('workbench.task.data.no'), empty: '—', list: names.list }
  if (records.length === 0) return null

  return (
    <section aria-labelledby={id} className="task-section" data-testid="shared-records">
      <Typography.Title level={2} id={id}>
        {t('workbench.task.shared.heading')}
      </Typography.Title>
      <Typography.Paragraph className="task-section__hint">{t('workbench.task.shared.hint')}</Typography.Paragraph>
      {records.map((record) => {
        const name = record.name ? names.text({ zh: record.name.zh, en: record.name.en ?? '' }) : record.dataset
        const holder = names.department(record.holder)
        return (
          <article
            key={`${record.dataset}-${record.origin}-${record.recordKey ?? ''}`}
            className="shared-record"
            aria-label={name}
            data-testid={`shared-record-${record.dataset}`}
          >
            <Typography.Title level={3} className="shared-record__name">
              {name}
            </Typography.Title>
            {record.origin === 'disputed' ? (
              <Alert
                type="warning"
                showIcon
                title={t('workbench.task.shared.disputed', { department: holder })}
                description={t('workbench.task.shared.disputedReason', { reason: record.disputed ?? '' })}
                data-testid="shared-record-disputed"
              />
            ) : (
              <>
                <p className="shared-record__provenance" data-testid="shared-record-provenance">
                  {record.origin === 'written'
                    ? t('workbench.task.shared.written', { department: holder, date: names.dateTime(record.readAt) })
                    : t('workbench.task.shared.read', {
                        department: holder,
                        label: record.label ?? record.recordKey ?? '',
                        recorded: record.recordedAt ? names.dateTime(record.recordedAt) : '—',
                        read: names.dateTime(record.readAt),
                        for: names.department(record.readFor),
                      })}
                </p>
                <dl className="facts">
                  {Object.entries(record.data).map(([field, value]) => (
                    <div className="facts__row" key={field}>
                      <dt>{fieldTitle(catalogue.data, record.dataset, field, names.text)}</dt>
                      <dd>{formatValue(undefined, value, words)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </article>
        )
      })}
    </section>
  )
}
