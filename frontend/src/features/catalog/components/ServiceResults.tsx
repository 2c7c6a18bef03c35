import { Alert, Button, Empty, Spin, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useServices, type ServiceFilters } from '@/lib/catalog/get-services'
import { ServiceCard } from './ServiceCard'

/** The services matching the filters, with loading, empty and error states. */
export function ServiceResults({
  filters,
  onClearFilters,
}: {
  filters: ServiceFilters
  onClearFilters?: () => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const services = useServices(filters)
  const data = services.data ?? []

  let body
  if (services.isPending) {
    body = (
      <div className="catalogue-loading">
        <Spin aria-hidden />
      </div>
    )
  } else if (services.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('catalog.results.error')}
        action={
          <Button size="small" onClick={() => void services.refetch()}>
            {t('catalog.results.retry')}
          </Button>
        }
        data-testid="catalog-error"
      />
    )
  } else if (data.length === 0) {
    body = (
      <Empty
        className="catalogue-empty"
        data-testid="catalog-empty"
        description={
          <>
            <Typography.Paragraph strong className="catalogue-empty__title">
              {t('catalog.results.empty')}
            </Typography.Paragraph>
            <Typography.Paragraph className="catalogue-empty__hint">
              {t('catalog.results.emptyHint')}
            </Typography.Paragraph>
          </>
        }
      >
        {onClearFilters && <Button onClick={onClearFilters}>{t('catalog.filters.clear')}</Button>}
      </Empty>
    )
  } else {
    body = (
      <ul className="service-list" data-testid="service-list" aria-labelledby={headingId}>
        {data.map((service) => (
          <li key={service.code} className="service-list__item">
            <ServiceCard service={service} />
          </li>
        ))}
      </ul>
    )
  }

  return (
    <section
      className="catalogue-results"
      aria-labelledby={headingId}
      aria-busy={services.isFetching}
    >
      <Typography.Title level={2} id={headingId} className="visually-hidden">
        {t('catalog.results.heading')}
      </Typography.Title>
      {/* Always present, so that screen readers announce each new count. */}
      <p role="status" className="catalogue-count" data-testid="catalog-count">
        {services.isPending
          ? t('catalog.results.loading')
          : services.isError
            ? ''
            : t('catalog.results.count', { count: data.length })}
      </p>
      {body}
    </section>
  )
}
