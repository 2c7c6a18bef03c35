import { Pagination, Select, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useServices } from '@/lib/catalog/get-services'
import { useLocalize } from '@/lib/localize'
import { useSession } from '@/lib/auth'
import { MY_APPLICATIONS_PAGE_SIZE, useMyApplications } from '../api/applications'
import { useFormat } from '../lib/format'
import { APPLICATION_STATUSES, isApplicationStatus, type ApplicationView } from '../types'
import { Loading, LoadError, SignInPrompt } from '@/components/PageStates'
import { StatusTag } from './StatusTag'
import '../application.css'

/** Where a row leads: a draft back into its form, anything else to its own page. */
export function applicationHref(application: Pick<ApplicationView, 'id' | 'serviceCode' | 'status'>) {
  return application.status === 'draft'
    ? `/services/${encodeURIComponent(application.serviceCode)}/apply?application=${encodeURIComponent(application.id)}`
    : `/my/applications/${encodeURIComponent(application.id)}`
}

/**
 * /my/applications, 我的办件: the applications and drafts of the signed-in person (a business
 * user's: their enterprise's), newest first, a page at a time, optionally of one status; the
 * page and the status are in the address.
 */
export function MyApplicationsPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const format = useFormat()
  const titleId = useId()
  const statusId = useId()
  const session = useSession()
  const signedIn = session.status === 'signed-in'
  const [params, setParams] = useSearchParams()
  const requestedStatus = params.get('status')
  const status = isApplicationStatus(requestedStatus) ? requestedStatus : undefined
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const applications = useMyApplications(page - 1, status, signedIn)
  const services = useServices({})
  const items = applications.data?.items

  if (session.status === 'loading') return <Loading page className="guide-loading" label={t('myApplications.loading')} />
  if (!signedIn) {
    return (
      <SignInPrompt
        title={t('myApplications.title')}
        body={t('myApplications.signIn')}
        button={t('myApplications.signInButton')}
      />
    )
  }

  const serviceName = (code: string) => {
    const service = services.data?.find((candidate) => candidate.code === code)
    return service ? localize.text(service.name) : code
  }

  return (
    <div className="page-width page-section" data-testid="my-applications">
      <Typography.Title level={1} id={titleId}>
        {t('myApplications.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-lead">{t('myApplications.lead')}</Typography.Paragraph>

      <div className="my-applications__filters">
        <label htmlFor={statusId} className="form-field__label">
          {t('myApplications.filter.status')}
        </label>
        <Select
          id={statusId}
          className="my-applications__status"
          value={status ?? ''}
          onChange={(value: string) => {
            const next = new URLSearchParams()
            if (value) next.set('status', value)
            setParams(next)
          }}
          options={[
            { value: '', label: t('myApplications.filter.all') },
            ...APPLICATION_STATUSES.map((each) => ({ value: each, label: t(`myApplications.status.${each}`) })),
          ]}
          data-testid="status-filter"
        />
      </div>

      {applications.isPending && <Loading page className="guide-loading" label={t('myApplications.loading')} />}
      {applications.isError && (
        <LoadError message={t('myApplications.error')} onRetry={() => void applications.refetch()} />
      )}
      {items?.length === 0 && (
        <div className="catalogue-empty" data-testid="no-applications">
          <Typography.Paragraph>
            {status ? t('myApplications.emptyStatus', { status: t(`myApplications.status.${status}`) }) : t('myApplications.empty')}
          </Typography.Paragraph>
          <Link to="/services">{t('myApplications.findService')}</Link>
        </div>
      )}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={titleId} data-testid="applications-table">
            <thead>
              <tr>
                <th scope="col">{t('myApplications.table.number')}</th>
                <th scope="col">{t('myApplications.table.service')}</th>
                <th scope="col">{t('myApplications.table.status')}</th>
                <th scope="col">{t('myApplications.table.submittedAt')}</th>
                <th scope="col">{t('myApplications.table.expected')}</th>
                <th scope="col">{t('myApplications.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((application) => {
                const name = serviceName(application.serviceCode)
                const draft = application.status === 'draft'
                return (
                  <tr key={application.id} data-testid={`application-${application.id}`}>
                    <th scope="row">
                      {application.number ?? (
                        <span className="summary-list__missing">{t('myApplications.table.notSubmitted')}</span>
                      )}
                    </th>
                    <td>{name}</td>
                    <td>
                      <StatusTag status={application.status} />
                    </td>
                    <td>{format.dayOf(application.submittedAt)}</td>
                    <td>{format.date(application.expectedCompletion)}</td>
                    <td>
                      <Link
                        to={applicationHref(application)}
                        aria-label={
                          draft
                            ? t('myApplications.table.continueFor', { name })
                            : t('myApplications.table.viewFor', { number: application.number ?? name })
                        }
                      >
                        {draft ? t('myApplications.table.continue') : t('myApplications.table.view')}
                      </Link>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {applications.data && applications.data.total > MY_APPLICATIONS_PAGE_SIZE && (
        <Pagination
          className="my-applications__pages"
          current={page}
          pageSize={MY_APPLICATIONS_PAGE_SIZE}
          total={applications.data.total}
          showSizeChanger={false}
          showTotal={(total) => t('myApplications.total', { count: total })}
          onChange={(next) => {
            const nextParams = new URLSearchParams(params)
            nextParams.set('page', String(next))
            setParams(nextParams)
          }}
        />
      )}
    </div>
  )
}
