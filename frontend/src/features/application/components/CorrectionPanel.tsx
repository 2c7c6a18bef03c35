import { Alert, Button, Typography } from 'antd'
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import type { ServiceDetail } from '@/lib/catalog/types'
import { isApiError } from '@/lib/api-client'
import { useCorrectApplication } from '../api/correct-application'
import { labelProblems } from '../lib/answers'
import { fieldProblems, materialOf } from '../lib/problems'
import { focusField, type FormSchema } from '../lib/schema'
import { explainServerProblems, validateAnswers } from '../lib/validation'
import type { ApplicationView, CorrectionRequest, FieldProblem, FormData } from '../types'
import { AnswersList } from './AnswersList'
import { ErrorSummary } from './ErrorSummary'
import { MaterialUpload } from './MaterialsStep'
import { SchemaForm } from './SchemaForm'
import '../application.css'

/**
 * 补正: what the department asked to correct and why; exactly those answers can be changed (the
 * others are shown, read-only), flagged documents uploaded again; then resubmit.
 */
export default function CorrectionPanel({
  application,
  correction,
  service,
  schema,
  department,
  stepName,
  onDone,
}: {
  application: ApplicationView
  correction: CorrectionRequest
  service: ServiceDetail
  schema: FormSchema
  department: string
  stepName: string
  onDone: () => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const correct = useCorrectApplication(application.id)
  const formId = useId()
  const titleId = useId()
  const stored = useMemo(() => application.formData ?? {}, [application.formData])
  const [answers, setAnswers] = useState<FormData>(stored)
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [failure, setFailure] = useState<string | undefined>()

  const properties = schema.properties ?? {}
  const fields = correction.items.filter((item) => item in properties)
  const materials = correction.items
    .map(materialOf)
    .map((code) => service.materials.find((material) => material.code === code))
    .filter((material) => material !== undefined)
  const others = Object.keys(properties).filter((name) => !fields.includes(name))
  const itemLabel = (item: string) => {
    const material = service.materials.find((candidate) => candidate.code === materialOf(item))
    return material ? localize.text(material.name) : (properties[item]?.title ?? item)
  }

  const submit = () => {
    setFailure(undefined)
    // Only the flagged answers are taken from the form: everything else stays as stored.
    const formData: FormData = { ...stored }
    for (const field of fields) formData[field] = answers[field]
    const found = validateAnswers(t, schema, formData, { complete: true }).filter((problem) =>
      fields.includes(problem.field.split('.')[0] ?? ''),
    )
    if (found.length > 0) {
      setProblems(labelProblems(t, schema, found))
      return
    }
    setProblems([])
    correct.mutate(
      { step: correction.step, formData },
      {
        onSuccess: onDone,
        onError: (error) => {
          const server = fieldProblems(error)
          if (isApiError(error, 400) && server.length > 0) {
            setProblems(labelProblems(t, schema, explainServerProblems(t, schema, formData, server)))
          } else {
            setFailure(t('myApplications.correction.failed'))
          }
        },
      },
    )
  }

  return (
    <section className="correction-panel" aria-labelledby={titleId} data-testid="correction-panel">
      <Typography.Title level={2} id={titleId} className="correction-panel__title">
        {t('myApplications.correction.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('myApplications.correction.lead', { department, step: stepName })}
      </Typography.Paragraph>
      <ul className="correction-panel__items" data-testid="correction-items">
        {correction.items.map((item) => (
          <li key={item}>{itemLabel(item)}</li>
        ))}
      </ul>
      {correction.reason && (
        <Typography.Paragraph strong data-testid="correction-reason">
          {t('myApplications.correction.reason', { reason: correction.reason })}
        </Typography.Paragraph>
      )}

      <ErrorSummary
        problems={problems}
        onSelect={(field) => focusField(field)}
        hrefOf={(field) => `#root_${field.split('.').join('_')}`}
      />
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}

      {fields.length > 0 && (
        <>
          <Typography.Title level={3}>{t('myApplications.correction.fieldsTitle')}</Typography.Title>
          <SchemaForm
            formId={formId}
            schema={schema}
            fields={fields}
            formData={answers}
            prefilled={application.prefilledFields ?? []}
            problems={problems}
            onChange={setAnswers}
            onSubmit={submit}
          >
            <></>
          </SchemaForm>
        </>
      )}

      {materials.length > 0 && (
        <>
          <Typography.Title level={3}>{t('myApplications.correction.materialsTitle')}</Typography.Title>
          <ul className="materials-list">
            {materials.map((material) => (
              <MaterialUpload key={material.code} application={application} material={material} headingLevel={4} />
            ))}
          </ul>
        </>
      )}

      <div className="apply__actions">
        <Button type="primary" size="large" loading={correct.isPending} onClick={submit} data-testid="correction-submit">
          {correct.isPending ? t('myApplications.correction.submitting') : t('myApplications.correction.submit')}
        </Button>
      </div>

      {others.length > 0 && (
        <>
          <Typography.Title level={3}>{t('myApplications.correction.othersTitle')}</Typography.Title>
          <AnswersList schema={schema} data={stored} pages={[{ fields: others }]} />
        </>
      )}
    </section>
  )
}
