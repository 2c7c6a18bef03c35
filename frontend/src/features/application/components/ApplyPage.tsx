import { Alert, Typography } from 'antd'
import { lazy, Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useParams, useSearchParams } from 'react-router'
import { useService } from '@/lib/catalog/get-service'
import { ServiceNotFound } from '@/components/ServiceNotFound'
import { useLocalize } from '@/lib/localize'
import { useSession } from '@/lib/auth'
import { isApiError } from '@/lib/api-client'
import { useApplication } from '../api/applications'
import { useCreateApplication } from '../api/create-application'
import { applyKey } from '../lib/idempotency'
import { RECEIPT_PAGE } from '../lib/pages'
import { formSchemaOf } from '../lib/schema'
import { Loading, PageProblem, SignInPrompt } from '@/components/PageStates'
import { Receipt } from './Receipt'

// The form library (rjsf and its JSON Schema validator) loads only when someone actually applies.
const ApplicationWizard = lazy(() => import('./ApplicationWizard'))

/** Starts this visit's draft; the Idempotency-Key makes a reload find the same one. */
function StartApplication({ code, title, onStarted }: { code: string; title: string; onStarted: (id: string) => void }) {
  const { t } = useTranslation()
  const create = useCreateApplication()
  const started = useRef(false)

  const start = () =>
    create.mutate({ serviceCode: code, idempotencyKey: applyKey(code) }, { onSuccess: (view) => onStarted(view.id) })

  useEffect(() => {
    if (started.current) return
    started.current = true
    start()
  })

  if (create.isError) {
    return (
      <PageProblem
        title={title}
        message={isApiError(create.error, 403) ? t('application.apply.forbidden') : t('application.apply.startError')}
        onRetry={isApiError(create.error, 403) ? undefined : start}
        testId="start-error"
      />
    )
  }
  return <Loading page className="guide-loading" label={t('application.apply.preparing')} />
}

/**
 * /services/:code/apply: the online application. Signed out, it offers sign-in. Without
 * `?application=` it starts a draft (or finds this visit's) and puts its id in the address;
 * with it, it resumes that draft, or shows the receipt once submitted.
 */
export function ApplyPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { code = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const applicationId = params.get('application') ?? undefined
  const session = useSession()
  const service = useService(code)
  const signedIn = session.status === 'signed-in'
  const application = useApplication(applicationId, signedIn)

  if (isApiError(service.error, 404)) return <ServiceNotFound />
  if (service.isPending || session.status === 'loading') {
    return <Loading page className="guide-loading" label={t('application.apply.preparing')} />
  }
  if (service.isError) {
    return (
      <PageProblem
        title={t('application.apply.title')}
        message={t('application.apply.startError')}
        onRetry={() => void service.refetch()}
      />
    )
  }

  const name = localize.text(service.data.name)
  const title = t('application.apply.heading', { name })
  const guide = `/services/${encodeURIComponent(code)}`

  if (!signedIn) {
    return (
      <SignInPrompt
        title={title}
        body={t('application.apply.signInBody')}
        button={t('application.apply.signIn')}
      >
        <p className="apply__back">
          <Link to={guide}>{t('application.apply.backToGuide')}</Link>
        </p>
      </SignInPrompt>
    )
  }

  const schema = localize.schema(formSchemaOf(service.data))
  if (!schema) {
    return (
      <div className="page-width page-section">
        <Typography.Title level={1}>{title}</Typography.Title>
        <Alert type="info" showIcon title={t('application.apply.noForm')} data-testid="no-form" />
        <p>
          <Link to={guide}>{t('application.apply.backToGuide')}</Link>
        </p>
      </div>
    )
  }

  if (!applicationId) {
    return (
      <StartApplication
        code={code}
        title={title}
        onStarted={(id) => setParams({ application: id }, { replace: true })}
      />
    )
  }

  if (application.isPending) return <Loading page className="guide-loading" label={t('application.apply.preparing')} />
  if (application.isError) {
    const missing = isApiError(application.error, 404) || isApiError(application.error, 403)
    return (
      <PageProblem
        title={title}
        message={missing ? t('application.apply.notFound') : t('application.apply.startError')}
        onRetry={missing ? undefined : () => void application.refetch()}
      >
        <p>
          <Link to="/my/applications">{t('application.receipt.myApplications')}</Link>
        </p>
      </PageProblem>
    )
  }

  const view = application.data
  if (view.serviceCode !== code) {
    return (
      <Navigate
        replace
        to={`/services/${encodeURIComponent(view.serviceCode)}/apply?${params.toString()}`}
      />
    )
  }
  if (view.status !== 'draft') {
    if (params.get('page') === RECEIPT_PAGE && view.number) {
      return <Receipt application={view} serviceName={name} />
    }
    return (
      <div className="page-width page-section" data-testid="already-submitted">
        <Typography.Title level={1}>{title}</Typography.Title>
        <Typography.Paragraph>{t('application.apply.alreadySubmitted')}</Typography.Paragraph>
        <Link to={`/my/applications/${encodeURIComponent(view.id)}`}>
          {t('application.apply.viewDetail')}
        </Link>
      </div>
    )
  }

  return (
    <Suspense fallback={<Loading page className="guide-loading" label={t('application.apply.preparing')} />}>
      <ApplicationWizard key={view.id} service={service.data} schema={schema} application={view} />
    </Suspense>
  )
}
