import { BranchesOutlined, DownloadOutlined, SwapOutlined } from '@ant-design/icons'
import { Button, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { WorkflowDiagram } from '@/components/WorkflowDiagram'
import { useSession } from '@/lib/auth'
import { useNames } from '@/lib/names'
import { diagramUrl } from '../api/get-admin-services'
import type { AdminService } from '../types'

/** One service: its versions (when, by whom, how many applications still run on each) and a diagram. */
export function ServiceVersions({ service }: { service: AdminService }) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const { me } = useSession()
  const [shown, setShown] = useState<number | undefined>()
  // The person directory's name; the shipped files were published by the portal itself.
  const publisher = (subject: string | null, name: string | null | undefined) => {
    if (name) return name
    if (!subject) return '—'
    if (subject === 'system') return t('officials.publishedBySystem')
    if (me && subject === me.subject) return me.displayName
    return t('officials.publishedByUnknown', { subject })
  }
  const name = names.english ? service.nameEn || service.nameZh : service.nameZh
  const diagramId = `${id}-diagram`

  return (
    <article
      className="admin-service"
      aria-labelledby={`${id}-name`}
      data-testid={`admin-service-${service.code}`}
    >
      <header className="admin-service__header">
        <Typography.Title level={3} id={`${id}-name`} className="admin-service__name">
          {name}
        </Typography.Title>
        <ul className="admin-service__facts">
          <li>{t('workflowAdmin.services.code', { code: service.code })}</li>
          <li>{t('workflowAdmin.services.department', { name: names.department(service.department) })}</li>
          <li>
            <strong>{t('workflowAdmin.services.latest', { version: service.latestVersion })}</strong>
          </li>
          {service.versions.length > 1 && (
            <li>
              {/* older versions' running applications can move to a newer one (迁移) */}
              <Link
                to={`/admin/workflows/${encodeURIComponent(service.code)}/migrations`}
                aria-label={t('workflowMigration.linkAria', { name })}
                data-testid={`migrate-${service.code}`}
              >
                <SwapOutlined aria-hidden /> {t('workflowMigration.link')}
              </Link>
            </li>
          )}
        </ul>
      </header>
      <div className="table-scroll">
        <table className="data-table" data-testid="versions-table">
          <caption className="visually-hidden">
            {t('workflowAdmin.versions.caption', { name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('workflowAdmin.versions.version')}</th>
              <th scope="col">{t('workflowAdmin.versions.publishedAt')}</th>
              <th scope="col">{t('workflowAdmin.versions.publishedBy')}</th>
              <th scope="col">{t('workflowAdmin.versions.running')}</th>
              <th scope="col">{t('workflowAdmin.versions.diagram')}</th>
            </tr>
          </thead>
          <tbody>
            {service.versions.map((version) => {
              const open = shown === version.version
              return (
                <tr key={version.version} data-testid={`version-${version.version}`}>
                  <th scope="row">
                    {t('workflowAdmin.versions.versionValue', { version: version.version })}
                    {version.version === service.latestVersion && (
                      <>
                        {' '}
                        <span className="badge badge--audience">{t('workflowAdmin.versions.current')}</span>
                      </>
                    )}
                  </th>
                  <td>{names.dateTime(version.publishedAt)}</td>
                  <td>{publisher(version.publishedBy, version.publishedByName)}</td>
                  <td data-testid="running">
                    {t('workflowAdmin.versions.runningValue', { count: version.running })}
                  </td>
                  <td>
                    <Button
                      size="small"
                      icon={<BranchesOutlined aria-hidden />}
                      aria-expanded={open}
                      aria-controls={open ? diagramId : undefined}
                      aria-label={t(
                        open ? 'workflowAdmin.versions.hideDiagramAria' : 'workflowAdmin.versions.showDiagramAria',
                        { version: version.version },
                      )}
                      onClick={() => setShown(open ? undefined : version.version)}
                      data-testid={`show-diagram-${version.version}`}
                    >
                      {open ? t('workflowAdmin.versions.hideDiagram') : t('workflowAdmin.versions.showDiagram')}
                    </Button>{' '}
                    {/* the file as published: where the department's next change starts */}
                    <Button
                      size="small"
                      icon={<DownloadOutlined aria-hidden />}
                      href={`/api/v1/workflow-admin/services/${encodeURIComponent(service.code)}/versions/${version.version}/file`}
                      download
                      aria-label={t('workflowAdmin.versions.downloadAria', { version: version.version })}
                      data-testid={`download-${version.version}`}
                    >
                      {t('workflowAdmin.versions.download')}
                    </Button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {shown !== undefined && (
        <div id={diagramId} className="admin-service__diagram">
          <Typography.Title level={4}>
            {t('workflowAdmin.diagram.heading', { name, version: shown })}
          </Typography.Title>
          <Typography.Paragraph id={`${id}-diagram-text`} className="admin-service__hint">
            {t('workflowAdmin.diagram.description')}
          </Typography.Paragraph>
          <WorkflowDiagram
            url={diagramUrl(service.code, shown)}
            label={t('workflowAdmin.diagram.heading', { name, version: shown })}
            describedBy={`${id}-diagram-text`}
          />
        </div>
      )}
    </article>
  )
}
