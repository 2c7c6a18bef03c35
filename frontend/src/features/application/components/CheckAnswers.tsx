import { Button, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useLocalize } from '@/lib/localize'
import type { ServiceDetail } from '@/lib/catalog/types'
import { isApiError } from '@/lib/api-client'
import { useSubmitApplication } from '../api/submit-application'
import type { SaveResult } from '../api/save-draft'
import { forgetApplyKey } from '../lib/idempotency'
import { MATERIALS_PAGE, RECEIPT_PAGE, SOURCES_PAGE } from '../lib/pages'
import { orderedSources, sourceOfMaterial, useLockedNotes, useSourceNote } from '../lib/shared'
import { useNames } from '@/lib/names'
import { fieldProblems, materialOf } from '../lib/problems'
import type { FormPage, FormSchema } from '../lib/schema'
import type { ApplicationView, FieldProblem, FormData } from '../types'
import { AnswersList } from './AnswersList'

/**
 * 检查您的答案: every answer with a link to change it, the documents, and the declaration
 * with the button that submits. Submitting again answers the same receipt.
 */
export function CheckAnswers({
  service,
  schema,
  pages,
  answers,
  application,
  hasMaterialsPage,
  beforeSubmit,
  onProblems,
  onFailure,
}: {
  service: ServiceDetail
  schema: FormSchema
  pages: readonly FormPage[]
  answers: FormData
  application: ApplicationView
  hasMaterialsPage: boolean
  beforeSubmit: () => Promise<SaveResult>
  onProblems: (problems: FieldProblem[]) => void
  onFailure: (message: string) => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const [, setParams] = useSearchParams()
  const submit = useSubmitApplication(application.id)
  const names = useNames()
  const locked = useLockedNotes(application)
  const note = useSourceNote()
  const materialsId = useId()
  const sourcesId = useId()
  const declarationId = useId()
  const sources = orderedSources(application.sources)

  const pageHref = (page: string, focus?: string) => {
    const params = new URLSearchParams({ application: application.id, page })
    if (focus) params.set('focus', focus)
    return `?${params}`
  }

  const onSubmit = async () => {
    const saved = await beforeSubmit()
    if (!saved.ok) {
      if (saved.problems.length > 0) onProblems(saved.problems)
      else onFailure(t('application.errors.saveFailed'))
      return
    }
    try {
      await submit.mutateAsync()
    } catch (error) {
      const found = fieldProblems(error)
      if (isApiError(error, 400) && found.length > 0) {
        onProblems(
          found.map((problem) => {
            const code = materialOf(problem.field)
            const material = service.materials.find((candidate) => candidate.code === code)
            return material
              ? { ...problem, message: t('application.errors.material', { name: localize.text(material.name) }) }
              : problem
          }),
        )
      } else {
        onFailure(t('application.errors.submitFailed'))
      }
      return
    }
    forgetApplyKey(service.code)
    setParams({ application: application.id, page: RECEIPT_PAGE }, { replace: true })
  }

  const files = application.attachments ?? []
  return (
    <>
      <Typography.Paragraph className="page-lead">{t('application.check.lead')}</Typography.Paragraph>
      <AnswersList
        schema={schema}
        data={answers}
        pages={pages}
        prefilled={application.prefilledFields ?? []}
        locked={locked}
        changeHref={(field, page) => pageHref(String(page + 1), field)}
      />

      {sources.length > 0 && (
        <section className="answers__section" aria-labelledby={sourcesId}>
          <h2 id={sourcesId} className="answers__title">
            {t('application.check.sources')}
          </h2>
          <dl className="summary-list" data-testid="sources-answers">
            {sources.map((source) => {
              const name = names.text(source.name)
              const chosen = source.records.find((record) => record.key === source.recordKey)
              return (
                <div key={source.dataset} className="summary-list__row" data-testid={`source-answer-${source.dataset}`}>
                  <dt className="summary-list__key">
                    {name}
                    <span className="summary-list__sub">{names.department(source.department)}</span>
                  </dt>
                  <dd className="summary-list__value">
                    {source.decision === 'granted'
                      ? t('application.check.sourceGranted', { label: chosen?.label ?? '' })
                      : source.decision === 'disputed'
                        ? t('application.check.sourceDisputed', { reason: source.reason ?? '' })
                        : source.decision === 'declined'
                          ? t('application.check.sourceDeclined')
                          : t('application.check.sourceUndecided')}
                  </dd>
                  <dd className="summary-list__actions">
                    <Link to={pageHref(SOURCES_PAGE, `sources.${source.dataset}`)}>
                      {t('application.check.change')}
                      <span className="visually-hidden">{name}</span>
                    </Link>
                  </dd>
                </div>
              )
            })}
          </dl>
        </section>
      )}

      {hasMaterialsPage && (
        <section className="answers__section" aria-labelledby={materialsId}>
          <h2 id={materialsId} className="answers__title">
            {t('application.check.materials')}
          </h2>
          <dl className="summary-list" data-testid="materials-answers">
            {service.materials.map((material) => {
              const attached = files.filter((file) => file.materialCode === material.code)
              const name = localize.text(material.name)
              const source = sourceOfMaterial(application, material.code)
              if (source) {
                return (
                  <div key={material.code} className="summary-list__row">
                    <dt className="summary-list__key">{name}</dt>
                    <dd className="summary-list__value">{t('application.shared.noUpload')}</dd>
                    <dd className="summary-list__actions">
                      <span className="summary-list__note">{note(source)}</span>
                    </dd>
                  </div>
                )
              }
              return (
                <div key={material.code} className="summary-list__row">
                  <dt className="summary-list__key">{name}</dt>
                  <dd className="summary-list__value">
                    {attached.length > 0 ? (
                      attached.map((file) => file.fileName).join(t('application.check.listSeparator'))
                    ) : (
                      <span className="summary-list__missing">{t('application.check.noFile')}</span>
                    )}
                  </dd>
                  <dd className="summary-list__actions">
                    <Link to={pageHref(MATERIALS_PAGE, `materials.${material.code}`)}>
                      {t('application.check.change')}
                      <span className="visually-hidden">{name}</span>
                    </Link>
                  </dd>
                </div>
              )
            })}
          </dl>
        </section>
      )}

      <section className="answers__section" aria-labelledby={declarationId}>
        <h2 id={declarationId} className="answers__title">
          {t('application.check.declarationTitle')}
        </h2>
        <Typography.Paragraph>{t('application.check.declaration')}</Typography.Paragraph>
        {sources.some((source) => source.decision === 'granted') && (
          <Typography.Paragraph data-testid="consent-statement">
            {t('application.check.consent', {
              names: names.list(
                sources.filter((source) => source.decision === 'granted').map((source) => names.text(source.name)),
              ),
            })}
          </Typography.Paragraph>
        )}
        <div className="apply__actions">
          <Button
            type="primary"
            size="large"
            loading={submit.isPending}
            onClick={() => void onSubmit()}
            data-testid="submit-button"
          >
            {submit.isPending ? t('application.check.submitting') : t('application.check.submit')}
          </Button>
        </div>
      </section>
    </>
  )
}
