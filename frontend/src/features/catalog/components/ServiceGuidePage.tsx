import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '@/lib/api-client'
import { useService } from '@/lib/catalog/get-service'
import { ServiceGuide } from './ServiceGuide'
import { ServiceNotFound } from '@/components/ServiceNotFound'
import { Loading, PageProblem } from '@/components/PageStates'

/** /services/:code, the guidance page of one service. */
export function ServiceGuidePage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const service = useService(code)

  if (service.isPending) {
    return <Loading page className="guide-loading" label={t('catalog.guide.loading')} />
  }
  if (service.isError) {
    if (isApiError(service.error, 404)) return <ServiceNotFound />
    return (
      <PageProblem
        title={t('catalog.guide.title')}
        message={t('catalog.guide.error')}
        onRetry={() => void service.refetch()}
        testId="guide-error"
      />
    )
  }
  return <ServiceGuide service={service.data} />
}
