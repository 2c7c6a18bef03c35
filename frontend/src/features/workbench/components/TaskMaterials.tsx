import { Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { taskPath } from '../api/get-task'
import { useNames } from '../lib/names'
import type { SharedRecord, TaskMaterial, TaskView } from '../types'

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The record that stands in for a material (免提交), unless the applicant said it is wrong. */
function standIn(shared: readonly SharedRecord[], material: TaskMaterial): SharedRecord | undefined {
  return shared.find((record) => record.origin !== 'disputed' && record.materials.includes(material.code))
}

/**
 * The materials this step may see (and only those), each document opened through the
 * workbench so that the opening is recorded for the applicant; a material a department's
 * record stands in for says so instead.
 */
export function TaskMaterials({ view }: { view: TaskView }) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const materials = view.materials ?? []
  const shared = view.shared ?? []
  if (materials.length === 0) return null

  return (
    <section aria-labelledby={id} className="task-section" data-testid="task-materials">
      <Typography.Title level={2} id={id}>
        {t('workbench.task.materials.heading')}
      </Typography.Title>
      <Typography.Paragraph className="task-section__hint">{t('workbench.task.materials.hint')}</Typography.Paragraph>
      <dl className="facts">
        {materials.map((material) => {
          const record = standIn(shared, material)
          return (
            <div className="facts__row" key={material.code} data-testid={`task-material-${material.code}`}>
              <dt>
                {names.text({ zh: material.name.zh, en: material.name.en ?? '' })}
                {!material.required && <span className="task-material__optional">{t('workbench.task.materials.optional')}</span>}
              </dt>
              <dd>
                {record ? (
                  <span data-testid="material-from-record">
                    <span className="badge badge--shared">{t('workbench.task.materials.shared')}</span>{' '}
                    {t('workbench.task.materials.sharedFrom', {
                      department: names.department(record.holder),
                      name: record.name ? names.text({ zh: record.name.zh, en: record.name.en ?? '' }) : record.dataset,
                    })}
                  </span>
                ) : material.documents.length === 0 ? (
                  <span className="summary-list__missing">{t('workbench.task.materials.none')}</span>
                ) : (
                  <ul className="task-documents">
                    {material.documents.map((document) => (
                      <li key={document.id}>
                        <a
                          href={`${taskPath(view.task.instanceId, view.task.step)}/documents/${encodeURIComponent(document.id)}`}
                          target="_blank"
                          rel="noopener"
                          data-testid={`document-${document.id}`}
                        >
                          {document.fileName}
                        </a>{' '}
                        <span className="task-documents__size">{size(document.sizeBytes)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
}
