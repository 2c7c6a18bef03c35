import { useQuery } from '@tanstack/react-query'
import { Alert, Typography } from 'antd'
import { lazy, Suspense, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useDepartments } from '@/lib/catalog/get-departments'
import { serviceQueryOptions } from '@/lib/catalog/get-service'
import { useLocalize } from '@/lib/localize'
import { useSession } from '@/lib/auth'
import { isApiError } from '@/lib/api-client'
import { attachmentPath } from '../api/attachments'
import { useApplication } from '../api/applications'
import { useFormat } from '../lib/format'
import { formPages, formSchemaOf } from '../lib/schema'
import { orderedSources } from '../lib/shared'
import { useNames as useCodeNames } from '@/lib/names'
import { WITHDRAWABLE, type SharedSource } from '../types'
import { AnswersList } from './AnswersList'
import { CurrentSteps, Timeline, useNames } from './ApplicationProgress'
import { applicationHref } from './MyApplicationsPage'
import { Loading, PageProblem, SignInPrompt } from '@/components/PageStates'
import { StatusTag } from './StatusTag'
import { AwaitingPanel } from './AwaitingPanel'
import { RatingPanel } from './RatingPanel'
import { WithdrawButton } from './WithdrawDialog'
import '../application.css'

// The correction form needs the form library; most visits never do.
const CorrectionPanel = lazy(() => import('./CorrectionPanel'))

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="facts__row" data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/**
 * /my/applications/:id: where an application stands (status, who has it now, until when), its
 * history with every decision's reason, the documents and answers, and what the applicant can
 * do: correct flagged items when asked, or withdraw before a decision.
 */
export function ApplicationDetailPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const format = useFormat()
  const { id = '' } = useParams()
  const ids = { steps: useId(), timeline: useId(), attachments: useId(), sources: useId(), answers: useId() }
  const session = useSession()
  const signedIn = session.status === 'signed-in'
  const application = useApplication(id, signedIn)
  const code = application.data?.serviceCode ?? ''
  const service = useQuery({ ...serviceQueryOptions(code), enabled: Boolean(code) })
  const departments = useDepartments()
  const names = useNames(service.data, departments.data)
  const [notice, setNotice] = useState<string | undefined>()

  if (session.status === 'loading') return <Loading page className="guide-loading" label={t('myApplications.detail.loading')} />
  if (!signedIn) {
    return (
      <SignInPrompt
        title={t('myApplications.detail.title')}
        body={t('myApplications.signIn')}
        button={t('myApplications.signInButton')}
      />
    )
  }
  if (application.isPending) return <Loading page className="guide-loading" label={t('myApplications.detail.loading')} />
  if (application.isError) {
    const missing = isApiError(application.error, 404) || isApiError(application.error, 403)
    return (
      <PageProblem
        title={t('myApplications.detail.title')}
        message={missing ? t('myApplications.detail.notFound') : t('myApplications.detail.error')}
        onRetry={missing ? undefined : () => void application.refetch()}
      >
        <p>
          <Link to="/my/applications">{t('myApplications.detail.back')}</Link>
        </p>
      </PageProblem>
    )
  }

  const view = application.data
  const name = service.data ? localize.text(service.data.name) : view.serviceCode
  const schema = localize.schema(formSchemaOf(service.data))
  const correction = view.correction
  const correctionStep = view.currentSteps?.find((step) => step.step === correction?.step)
  const attachments = view.attachments ?? []

  return (
    <div className="page-width page-section application-detail" data-testid="application-detail">
      <p>
        <Link to="/my/applications">{t('myApplications.detail.back')}</Link>
      </p>
      <p className="apply__caption">{t('myApplications.detail.title')}</p>
      <Typography.Title level={1}>{name}</Typography.Title>

      {notice && (
        <Alert type="success" showIcon title={notice} role="status" data-testid="detail-notice" className="apply__notice" />
      )}

      <dl className="facts" data-testid="application-facts">
        <Fact term={t('myApplications.detail.number')}>
          {view.number ?? t('myApplications.table.notSubmitted')}
        </Fact>
        <Fact term={t('myApplications.detail.status')}>
          <StatusTag status={view.status} />
          {view.endState && <span data-testid="end-state"> · {localize.text(view.endState)}</span>}
        </Fact>
        {view.applicantName && <Fact term={t('myApplications.detail.applicant')}>{view.applicantName}</Fact>}
        {view.enterpriseName && <Fact term={t('myApplications.detail.enterprise')}>{view.enterpriseName}</Fact>}
        {view.submittedAt && (
          <Fact term={t('myApplications.detail.submittedAt')}>{format.dateTime(view.submittedAt)}</Fact>
        )}
        {view.expectedCompletion && (
          <Fact term={t('myApplications.detail.expected')} testId="expected-completion">
            {format.date(view.expectedCompletion)}
          </Fact>
        )}
      </dl>

      {view.status === 'draft' && (
        <p>
          <Link to={applicationHref(view)}>{t('myApplications.detail.continue')}</Link>
        </p>
      )}

      {view.awaiting && (
        <AwaitingPanel
          applicationId={view.id}
          awaiting={view.awaiting}
          onDone={(action) => setNotice(t(`myApplications.awaiting.done.${action}`))}
        />
      )}

      {correction && schema && service.data && (
        <Suspense fallback={<Loading page className="guide-loading" label={t('myApplications.detail.loading')} />}>
          <CorrectionPanel
            application={view}
            correction={correction}
            service={service.data}
            schema={schema}
            department={names.department(correctionStep?.department)}
            stepName={names.step(correction.step)}
            onDone={() => setNotice(t('myApplications.correction.done'))}
          />
        </Suspense>
      )}

      <RatingPanel applicationId={view.id} status={view.status} />

      {view.status !== 'draft' && (
        <section className="application-section" aria-labelledby={ids.steps}>
          <Typography.Title level={2} id={ids.steps}>
            {t('myApplications.detail.currentSteps')}
          </Typography.Title>
          <CurrentSteps steps={view.currentSteps ?? []} names={names} labelledBy={ids.steps} />
        </section>
      )}

      <section className="application-section" aria-labelledby={ids.timeline}>
        <Typography.Title level={2} id={ids.timeline}>
          {t('myApplications.detail.timeline')}
        </Typography.Title>
        <Timeline entries={view.timeline ?? []} names={names} labelledBy={ids.timeline} />
      </section>

      <section className="application-section" aria-labelledby={ids.attachments}>
        <Typography.Title level={2} id={ids.attachments}>
          {t('myApplications.detail.attachments')}
        </Typography.Title>
        {attachments.length === 0 ? (
          <p>{t('myApplications.detail.noAttachments')}</p>
        ) : (
          <ul className="material__files" data-testid="attachments">
            {attachments.map((file) => {
              const material = service.data?.materials.find((candidate) => candidate.code === file.materialCode)
              return (
                <li key={file.id} className="material__file">
                  <span>{material ? localize.text(material.name) : file.materialCode}</span>
                  <a
                    href={attachmentPath(view.id, file.id)}
                    download={file.fileName}
                    aria-label={t('myApplications.detail.download', { name: file.fileName })}
                  >
                    {file.fileName}
                  </a>
                  <span className="material__size">{format.bytes(file.sizeBytes)}</span>
                </li>
              )
            })}
          </ul>
        )}
      </section>

      {(view.sources ?? []).length > 0 && (
        <section className="application-section" aria-labelledby={ids.sources}>
          <Typography.Title level={2} id={ids.sources}>
            {t('myApplications.detail.sources')}
          </Typography.Title>
          <SourcesUsed sources={orderedSources(view.sources)} labelledBy={ids.sources} />
          <p>
            <Link to="/my/data-uses">{t('myApplications.detail.dataUses')}</Link>
          </p>
        </section>
      )}

      {view.status === 'approved' && service.data?.certificate && (
        <p data-testid="certificate-link">
          <Link to="/my/certificates">{t('myApplications.detail.certificates')}</Link>
        </p>
      )}

      {schema && view.formData && (
        <section className="application-section" aria-labelledby={ids.answers}>
          <Typography.Title level={2} id={ids.answers}>
            {t('myApplications.detail.answers')}
          </Typography.Title>
          <AnswersList schema={schema} data={view.formData} pages={formPages(schema)} headingLevel={3} />
        </section>
      )}

      {WITHDRAWABLE.includes(view.status) && (
        <div className="apply__actions">
          <WithdrawButton applicationId={view.id} onDone={() => setNotice(t('myApplications.withdraw.done'))} />
        </div>
      )}
    </div>
  )
}

/**
 * What the application took from departments instead of from the applicant: per dataset, the
 * record read and when (once submitted), or the applicant's choice not to use it and why.
 */
function SourcesUsed({ sources, labelledBy }: { sources: readonly SharedSource[]; labelledBy: string }) {
  const { t } = useTranslation()
  const names = useCodeNames()
  const format = useFormat()
  const localize = useLocalize()
  return (
    <dl className="summary-list" aria-labelledby={labelledBy} data-testid="sources-used">
      {sources.map((source) => {
        let text: string
        if (source.read) {
          text = t('myApplications.detail.sourceRead', {
            label: source.read.label,
            date: format.dateTime(source.read.readAt),
          })
        } else if (source.decision === 'granted') {
          text = t('myApplications.detail.sourceGranted')
        } else if (source.decision === 'disputed') {
          text = t('myApplications.detail.sourceDisputed', { reason: source.reason ?? '' })
        } else {
          text = t('myApplications.detail.sourceNotUsed')
        }
        return (
          <div key={source.dataset} className="summary-list__row" data-testid={`source-used-${source.dataset}`}>
            <dt className="summary-list__key">
              {localize.text(source.name)}
              <span className="summary-list__sub">{names.department(source.department)}</span>
            </dt>
            <dd className="summary-list__value">{text}</dd>
          </div>
        )
      })}
    </dl>
  )
}
