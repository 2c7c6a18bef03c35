import { Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLocalize } from '@/lib/localize'
import type { ServiceSummary } from '@/lib/catalog/types'

/** One service in the catalogue: what it is, who handles it, how long it takes. */
export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const titleId = useId()
  const joint = service.departments.length > 1

  return (
    <article
      className="service-card"
      aria-labelledby={titleId}
      data-testid={`service-card-${service.code}`}
    >
      <Typography.Title level={3} id={titleId} className="service-card__title">
        <Link to={`/services/${encodeURIComponent(service.code)}`}>
          {localize.text(service.name)}
        </Link>
      </Typography.Title>
      <Typography.Paragraph className="service-card__description">
        {localize.text(service.description)}
      </Typography.Paragraph>
      <ul className="service-card__facts">
        <li>
          <span className="badge badge--audience">{t(`catalog.audiences.${service.audience}`)}</span>
        </li>
        <li>{t('catalog.card.department', { name: localize.department(service.department) })}</li>
        <li>
          <strong>{t('catalog.card.promised', { count: service.promisedWorkingDays })}</strong>
        </li>
        {joint && (
          <li>
            <span className="badge badge--joint">
              {t('catalog.card.jointDepartments', { count: service.departments.length })}
            </span>
          </li>
        )}
      </ul>
      {joint && (
        <Typography.Paragraph className="service-card__departments">
          {t('catalog.card.jointDepartmentNames', {
            names: localize.list(service.departments.map(localize.department)),
          })}
        </Typography.Paragraph>
      )}
    </article>
  )
}
