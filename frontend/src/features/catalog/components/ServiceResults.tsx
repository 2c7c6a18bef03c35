import { Button, Empty, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useServices, type ServiceFilters } from '@/lib/catalog/get-services'
import { Loading, LoadError } from '@/components/PageStates'
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
    body = <Loading className="catalogue-loading" label={t('catalog.results.loading')} />
  } else if (services.isError) {
    body = (
      <LoadError
        message={t('catalog.results.error')}
        onRetry={() => void services.refetch()}
        testId="catalog-error"
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
