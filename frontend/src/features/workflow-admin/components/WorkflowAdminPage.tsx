import { Empty, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { StaffOnly } from '@/components/StaffOnly'
import { Loading, LoadError } from '@/components/PageStates'
import { useAdminServices } from '../api/get-admin-services'
import { DefinitionUpload } from './DefinitionUpload'
import { DepartmentRoles } from './DepartmentRoles'
import { ServiceVersions } from './ServiceVersions'
import '../workflow-admin.css'

/** /admin/workflows, 流程管理: the department's services, their versions and diagrams; publishing. */
export function WorkflowAdminPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin', 'admin']} title={t('workflowAdmin.title')}>
      <WorkflowAdmin />
    </StaffOnly>
  )
}

function WorkflowAdmin() {
  const { t } = useTranslation()
  const headingId = useId()
  const services = useAdminServices()

  let body
  if (services.isPending) {
    body = <Loading className="queue-loading" label={t('workflowAdmin.services.loading')} />
  } else if (services.isError) {
    body = (
      <LoadError
        error={services.error}
        onRetry={() => void services.refetch()}
        testId="admin-services-error"
      />
    )
  } else if (services.data.length === 0) {
    body = (
      <Empty
        data-testid="admin-services-empty"
        description={t('workflowAdmin.services.empty')}
      />
    )
  } else {
    body = (
      <ul className="admin-services" data-testid="admin-services">
        {services.data.map((service) => (
          <li key={service.code}>
            <ServiceVersions service={service} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="page-width page-section workflow-admin">
      <Typography.Title level={1}>{t('workflowAdmin.title')}</Typography.Title>
      <Typography.Paragraph className="page-lead">{t('workflowAdmin.lead')}</Typography.Paragraph>
      <section aria-labelledby={headingId} className="admin-section" aria-busy={services.isFetching}>
        <Typography.Title level={2} id={headingId}>
          {t('workflowAdmin.services.heading')}
        </Typography.Title>
        {body}
      </section>
      <DefinitionUpload services={services.data} />
      <DepartmentRoles />
    </div>
  )
}
