import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils'
import { Alert, Button, Typography } from 'antd'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useLocalize } from '@/lib/localize'
import type { ServiceDetail } from '@/lib/catalog/types'
import { useDraftSaver } from '../api/save-draft'
import { labelProblems } from '../lib/answers'
import { CHECK_PAGE, MATERIALS_PAGE, SOURCES_PAGE } from '../lib/pages'
import { materialOf } from '../lib/problems'
import { useLockedNotes } from '../lib/shared'
import { focusField, formPages, pageOfField, fieldId, type FormSchema } from '../lib/schema'
import { explainServerProblems, FORM_DEFAULTS, formValidator, validateAnswers } from '../lib/validation'
import type { ApplicationView, FieldProblem, FormData } from '../types'
import { CheckAnswers } from './CheckAnswers'
import { ErrorSummary } from './ErrorSummary'
import { MaterialsStep } from './MaterialsStep'
import { SaveStatusText } from './SaveStatusText'
import { SchemaForm } from './SchemaForm'
import { needsDecision, SourcesStep } from './SourcesStep'
import '../application.css'

/** The answers with the schema's defaults filled in, as the form shows them. */
function initialAnswers(schema: FormSchema, data: FormData | null): FormData {
  return (getDefaultFormState(
    formValidator,
    schema as RJSFSchema,
    data ?? {},
    undefined,
    false,
    FORM_DEFAULTS,
  ) ?? {}) as FormData
}

/** The dataset a problem about a shared-data decision names (`sources.<dataset>`), if any. */
function sourceOf(field: string): string | undefined {
  return field.startsWith('sources.') ? field.slice('sources.'.length) : undefined
}

/** Where a problem's link points: the field, a material's file input, or a shared-data choice. */
export function targetId(field: string): string {
  const material = materialOf(field)
  if (material) return `material-${material}`
  const source = sourceOf(field)
  return source ? `source-${source}-name` : fieldId(field)
}

/**
 * The application itself, one page at a time (GOV.UK "one thing per page"): the questions in
 * groups, the documents, then "check your answers" and submit. The page is in the address
 * (`page=2`, `page=materials`, `page=check`), so back and reload work; the answers are saved
 * as a draft as the person goes.
 */
export default function ApplicationWizard({
  service,
  schema,
  application,
}: {
  service: ServiceDetail
  schema: FormSchema
  application: ApplicationView
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const [params, setParams] = useSearchParams()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const formId = useId()

  const pages = useMemo(() => formPages(schema), [schema])
  const hasSources = (application.sources ?? []).length > 0
  const steps = useMemo(
    () => [
      ...(hasSources ? [SOURCES_PAGE] : []),
      ...pages.map((_, index) => String(index + 1)),
      ...(service.materials.length > 0 ? [MATERIALS_PAGE] : []),
      CHECK_PAGE,
    ],
    [hasSources, pages, service.materials.length],
  )
  // A draft opens where there is something to do: the departments' records while one awaits a
  // choice, else the first question (fixed when the page opens, so that a choice never moves it).
  const [firstStep] = useState(() =>
    (application.sources ?? []).some(needsDecision) ? SOURCES_PAGE : (steps.find((each) => each !== SOURCES_PAGE) ?? '1'),
  )
  const requested = params.get('page') ?? firstStep
  const stepIndex = Math.max(0, steps.indexOf(requested))
  const step = steps[stepIndex] ?? '1'
  const pageIndex = Number(step) - 1
  const page = Number.isInteger(pageIndex) ? pages[pageIndex] : undefined
  const focusTarget = params.get('focus')

  const prefilled = useMemo(() => application.prefilledFields ?? [], [application.prefilledFields])
  const locked = useLockedNotes(application)
  const [answers, setAnswers] = useState<FormData>(() => initialAnswers(schema, application.formData))
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [failure, setFailure] = useState<string | undefined>()
  const saver = useDraftSaver(application.id, schema, application.formData ?? {})

  const go = useCallback(
    (target: string, focus?: string, replace = false) => {
      setProblems([])
      setFailure(undefined)
      const next = new URLSearchParams({ application: application.id, page: target })
      if (focus) next.set('focus', focus)
      setParams(next, { replace })
    },
    [application.id, setParams],
  )

  // A new page starts at its heading, or at the field a "change" link asked for.
  useEffect(() => {
    if (focusTarget) {
      const input =
        materialOf(focusTarget) || sourceOf(focusTarget) ? document.getElementById(targetId(focusTarget)) : null
      if (input) {
        input.focus()
        return
      }
      if (focusField(focusTarget)) return
    }
    headingRef.current?.focus()
  }, [step, focusTarget])

  const onChange = (data: FormData) => {
    setAnswers(data)
    saver.schedule(data)
  }

  const selectProblem = (field: string) => {
    if (sourceOf(field)) {
      if (step === SOURCES_PAGE) document.getElementById(targetId(field))?.focus()
      else go(SOURCES_PAGE, field)
      return
    }
    const material = materialOf(field)
    if (material) {
      if (step === MATERIALS_PAGE) document.getElementById(targetId(field))?.focus()
      else go(MATERIALS_PAGE, field)
      return
    }
    const target = pageOfField(pages, field)
    if (target === pageIndex) focusField(field)
    else if (target >= 0) go(String(target + 1), field)
  }

  const showProblems = (found: readonly FieldProblem[]) =>
    setProblems(labelProblems(t, schema, found))

  const next = () => go(steps[stepIndex + 1] ?? CHECK_PAGE)

  const continueFromPage = async () => {
    if (!page) return
    const onPage = validateAnswers(t, schema, answers, { complete: true }).filter((problem) =>
      page.fields.includes(problem.field.split('.')[0] ?? ''),
    )
    if (onPage.length > 0) {
      showProblems(onPage)
      return
    }
    const result = await saver.flush(answers)
    if (!result.ok) {
      if (result.problems.length > 0) {
        showProblems(explainServerProblems(t, schema, answers, result.problems))
      } else {
        setProblems([])
        setFailure(t('application.errors.saveFailed'))
      }
      return
    }
    next()
  }

  const back = steps[stepIndex - 1]
  const serviceName = localize.text(service.name)
  const title = page
    ? (page.title ?? t('application.wizard.formTitle'))
    : step === SOURCES_PAGE
      ? t('application.shared.title')
      : step === MATERIALS_PAGE
        ? t('application.materials.title')
        : t('application.check.title')

  return (
    <div className="page-width page-section apply" data-testid="application-wizard" data-page={step}>
      <div className="apply__bar">
        {back ? (
          <Link
            to={`?${new URLSearchParams({ application: application.id, page: back })}`}
            onClick={() => void saver.flush()}
            data-testid="back-link"
          >
            {t('application.wizard.back')}
          </Link>
        ) : (
          <Link to={`/services/${encodeURIComponent(service.code)}`}>
            {t('application.apply.backToGuide')}
          </Link>
        )}
        <SaveStatusText status={saver.status} onRetry={() => void saver.flush(answers)} />
      </div>
      <div className="apply__body">
        <p className="apply__caption">
          {serviceName}
          <span aria-hidden> · </span>
          <span>{t('application.wizard.stepOf', { current: stepIndex + 1, total: steps.length })}</span>
        </p>
        <Typography.Title level={1} className="apply__heading" tabIndex={-1} ref={headingRef}>
          {title}
        </Typography.Title>

        <ErrorSummary
          problems={problems}
          onSelect={selectProblem}
          hrefOf={(field) => `#${targetId(field)}`}
        />
        {failure && (
          <Alert type="error" showIcon role="alert" title={failure} className="apply__failure" />
        )}

        {page && (
          <>
            {page === pages[0] && (
              <Typography.Paragraph className="page-lead">{t('application.wizard.formLead')}</Typography.Paragraph>
            )}
            <SchemaForm
              key={step}
              formId={formId}
              schema={schema}
              fields={page.fields}
              groupPage={page.title !== undefined}
              formData={answers}
              prefilled={prefilled}
              locked={locked}
              problems={problems}
              onChange={onChange}
              onSubmit={() => void continueFromPage()}
            >
              <div className="apply__actions">
                <Button type="primary" size="large" htmlType="submit" data-testid="continue-button">
                  {t('application.wizard.continue')}
                </Button>
              </div>
            </SchemaForm>
          </>
        )}

        {step === SOURCES_PAGE && (
          <SourcesStep
            application={application}
            service={service}
            schema={schema}
            onDecided={(view) => {
              // what an agreed record says fills the answers; declining clears them
              setAnswers(initialAnswers(schema, view.formData))
            }}
            onProblems={(found) => setProblems(found)}
            onContinue={() => {
              void saver.flush()
              next()
            }}
          />
        )}

        {step === MATERIALS_PAGE && (
          <MaterialsStep
            application={application}
            materials={service.materials}
            onProblems={(found) => setProblems(found)}
            onContinue={() => {
              void saver.flush()
              next()
            }}
          />
        )}

        {step === CHECK_PAGE && (
          <CheckAnswers
            service={service}
            schema={schema}
            pages={pages}
            answers={answers}
            application={application}
            hasMaterialsPage={steps.includes(MATERIALS_PAGE)}
            beforeSubmit={() => saver.flush(answers)}
            onProblems={(found) => showProblems(explainServerProblems(t, schema, answers, found))}
            onFailure={(message) => {
              setProblems([])
              setFailure(message)
            }}
          />
        )}
      </div>
    </div>
  )
}
