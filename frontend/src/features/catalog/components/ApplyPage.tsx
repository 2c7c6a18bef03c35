import { ToolOutlined } from '@ant-design/icons'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '@/lib/api-client'
import { useService } from '../api/get-service'
import { useLocalize } from '../localize'
import { ServiceNotFound } from './ServiceNotFound'

/** /services/:code/apply: an honest placeholder until online applications exist. */
export function ApplyPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { code = '' } = useParams()
  const service = useService(code)

  if (isApiError(service.error, 404)) return <ServiceNotFound />
  return (
    <div className="page-width page-section placeholder-page" data-testid="apply-placeholder">
      <ToolOutlined className="placeholder-page__icon" aria-hidden />
      <Typography.Title level={1}>
        {service.data
          ? t('catalog.apply.heading', { name: localize.text(service.data.name) })
          : t('catalog.apply.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('catalog.apply.body')}</Typography.Paragraph>
      <Link to={`/services/${encodeURIComponent(code)}`}>{t('catalog.apply.backToGuide')}</Link>
    </div>
  )
}
