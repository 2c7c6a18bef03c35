import { Button, Input, Radio, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ServiceDetail } from '@/lib/catalog/types'
import { useNames } from '@/lib/names'
import { useDecideSource, type SourceDecisionInput } from '../api/decide-source'
import { itemLabeller } from '../lib/answers'
import { useFormat } from '../lib/format'
import { fieldLabel, type FormSchema } from '../lib/schema'
import { orderedSources } from '../lib/shared'
import type { ApplicationView, FieldProblem, SharedSource } from '../types'

/** The longest reason the backend keeps for a record said to be wrong. */
export const MAX_DISPUTE_REASON = 500

/** The radio value of a choice: a record to use, or declining, or disputing. */
function choiceOf(source: SharedSource): string | undefined {
  if (source.decision === 'granted') return `record:${source.recordKey ?? source.records[0]?.key ?? ''}`
  return source.decision ?? undefined
}

/** Whether the applicant has to decide about a source: a department holds a record to use. */
export function needsDecision(source: SharedSource): boolean {
  return source.decision === null && source.records.length > 0
}

function SourceCard({
  application,
  source,
  parent,
  service,
  schema,
  error,
  onDecided,
}: {
  application: ApplicationView
  source: SharedSource
  parent: SharedSource | undefined
  service: ServiceDetail
  schema: FormSchema
  error?: string
  onDecided: (view: ApplicationView) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const format = useFormat()
  const decide = useDecideSource(application.id)
  const [choice, setChoice] = useState<string | undefined>(() => choiceOf(source))
  const [reason, setReason] = useState(source.reason ?? '')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [status, setStatus] = useState<string | undefined>()
  const [failure, setFailure] = useState<string | undefined>()
  const id = `source-${source.dataset}`
  const name = names.text(source.name)
  const department = names.department(source.department)
  const fields = source.fields.map((path) => fieldLabel(schema, path, itemLabeller(t)))
  const materials = source.materials.map((code) => {
    const material = service.materials.find((each) => each.code === code)
    return material ? names.text(material.name) : code
  })

  const send = async (input: Omit<SourceDecisionInput, 'dataset'>) => {
    setStatus(t('application.shared.saving'))
    setFailure(undefined)
    try {
      const view = await decide.mutateAsync({ dataset: source.dataset, ...input })
      onDecided(view)
      setStatus(t(`application.shared.saved.${input.decision}`, { name }))
    } catch {
      setStatus(undefined)
      setFailure(t('application.shared.saveFailed'))
    }
  }

  const onChoose = (value: string) => {
    setChoice(value)
    setReasonError(undefined)
    if (value.startsWith('record:')) void send({ decision: 'granted', recordKey: value.slice('record:'.length) })
    else if (value === 'declined') void send({ decision: 'declined' })
  }

  const onDispute = () => {
    const text = reason.trim()
    if (!text) {
      setReasonError(t('application.shared.reasonRequired'))
      return
    }
    if (text.length > MAX_DISPUTE_REASON) {
      setReasonError(t('application.shared.reasonTooLong', { max: MAX_DISPUTE_REASON }))
      return
    }
    setReasonError(undefined)
    void send({ decision: 'disputed', reason: text })
  }

  const waitingForParent = parent && parent.decision !== 'granted'
  const shownError = error && !choice ? error : undefined

  return (
    <li className={`shared-source${shownError ? ' form-field--error' : ''}`} data-testid={id}>
      <h2 className="shared-source__name" id={`${id}-name`} tabIndex={-1}>
        {name}
      </h2>
      <dl className="shared-source__facts">
        <div>
          <dt>{t('application.shared.heldBy')}</dt>
          <dd>{department}</dd>
        </div>
        <div>
          <dt>{t('application.shared.purpose')}</dt>
          <dd>{names.text(source.purpose)}</dd>
        </div>
        {fields.length > 0 && (
          <div>
            <dt>{t('application.shared.fills')}</dt>
            <dd>{names.list(fields)}</dd>
          </div>
        )}
        {materials.length > 0 && (
          <div>
            <dt>{t('application.shared.replaces')}</dt>
            <dd>{names.list(materials)}</dd>
          </div>
        )}
      </dl>
      {shownError && <p className="form-field__error">{shownError}</p>}
      {waitingForParent ? (
        <p className="shared-source__none">
          {t('application.shared.afterParent', { parent: names.text(parent.name) })}
        </p>
      ) : source.records.length === 0 && source.decision === null ? (
        <p className="shared-source__none" data-testid={`${id}-none`}>
          {t('application.shared.noRecord', { department })}
        </p>
      ) : (
        <fieldset className="form-field">
          <legend className="form-field__label">{t('application.shared.question', { name })}</legend>
          <Radio.Group
            className="shared-source__choices"
            value={choice}
            onChange={(event) => onChoose(String(event.target.value))}
            disabled={decide.isPending}
          >
            {source.records.map((record) => (
              <Radio key={record.key} value={`record:${record.key}`} data-testid={`${id}-use-${record.key}`}>
                {record.recordedAt
                  ? t('application.shared.useRecordOf', { label: record.label, date: format.dayOf(record.recordedAt) })
                  : t('application.shared.useRecord', { label: record.label })}
              </Radio>
            ))}
            <Radio value="declined" data-testid={`${id}-decline`}>
              {t('application.shared.decline')}
            </Radio>
            {source.records.length > 0 && (
              <Radio value="disputed" data-testid={`${id}-dispute`}>
                {t('application.shared.dispute')}
              </Radio>
            )}
          </Radio.Group>
        </fieldset>
      )}
      {choice === 'disputed' && (
        <div className={`form-field${reasonError ? ' form-field--error' : ''}`}>
          <label htmlFor={`${id}-reason`} className="form-field__label">
            {t('application.shared.reasonLabel')}
          </label>
          <p className="form-field__hint" id={`${id}-reason-hint`}>
            {t('application.shared.reasonHint')}
          </p>
          {reasonError && (
            <p className="form-field__error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          )}
          <Input.TextArea
            id={`${id}-reason`}
            value={reason}
            rows={3}
            maxLength={MAX_DISPUTE_REASON}
            aria-describedby={[reasonError ? `${id}-reason-error` : '', `${id}-reason-hint`].filter(Boolean).join(' ')}
            onChange={(event) => setReason(event.target.value)}
            data-testid={`${id}-reason`}
          />
          <Button onClick={onDispute} loading={decide.isPending} data-testid={`${id}-dispute-save`}>
            {t('application.shared.disputeSave')}
          </Button>
        </div>
      )}
      {failure && (
        <p className="form-field__error" role="alert">
          {failure}
        </p>
      )}
      <p role="status" className="shared-source__status">
        {status}
      </p>
    </li>
  )
}

/**
 * 免提交: what the service can take from the departments instead of asking. For each dataset the
 * applicant reads who holds it and why it is read, then agrees to use the record (choosing which,
 * when there are several), declines (and types and uploads as before), or says it is wrong (and
 * provides it themselves; the clerk sees why). Each choice is saved at once, as the answers it
 * fills depend on it.
 */
export function SourcesStep({
  application,
  service,
  schema,
  onDecided,
  onProblems,
  onContinue,
}: {
  application: ApplicationView
  service: ServiceDetail
  schema: FormSchema
  onDecided: (view: ApplicationView) => void
  onProblems: (problems: FieldProblem[]) => void
  onContinue: () => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const [missing, setMissing] = useState<FieldProblem[]>([])
  const sources = orderedSources(application.sources)

  const onNext = () => {
    const found = sources.filter(needsDecision).map((source) => ({
      field: `sources.${source.dataset}`,
      message: t('application.shared.decide', { name: names.text(source.name) }),
    }))
    setMissing(found)
    onProblems(found)
    if (found.length === 0) onContinue()
  }

  return (
    <>
      <Typography.Paragraph className="page-lead">{t('application.shared.lead')}</Typography.Paragraph>
      <ul className="shared-sources" data-testid="shared-sources">
        {sources.map((source) => (
          <SourceCard
            key={source.dataset}
            application={application}
            source={source}
            parent={sources.find((candidate) => candidate.dataset === source.of)}
            service={service}
            schema={schema}
            error={missing.find((problem) => problem.field === `sources.${source.dataset}`)?.message}
            onDecided={onDecided}
          />
        ))}
      </ul>
      <Typography.Paragraph className="shared-sources__after">{t('application.shared.after')}</Typography.Paragraph>
      <div className="apply__actions">
        <Button type="primary" size="large" onClick={onNext} data-testid="continue-button">
          {t('application.wizard.continue')}
        </Button>
      </div>
    </>
  )
}
