import { Alert, Button, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '@/lib/api-client'
import { useService } from '@/lib/catalog/get-service'
import { ServiceGuide } from './ServiceGuide'
import { ServiceNotFound } from '@/components/ServiceNotFound'

/** /services/:code, the guidance page of one service. */
export function ServiceGuidePage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const service = useService(code)

  if (service.isPending) {
    return (
      <div className="page-width page-section guide-loading" role="status">
        <Spin aria-hidden />
        <span className="visually-hidden">{t('catalog.guide.loading')}</span>
      </div>
    )
  }
  if (service.isError) {
    if (isApiError(service.error, 404)) return <ServiceNotFound />
    return (
      <div className="page-width page-section">
        <Typography.Title level={1}>{t('catalog.guide.title')}</Typography.Title>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('catalog.guide.error')}
          action={
            <Button size="small" onClick={() => void service.refetch()}>
              {t('catalog.results.retry')}
            </Button>
          }
          data-testid="guide-error"
        />
      </div>
    )
  }
  return <ServiceGuide service={service.data} />
}
