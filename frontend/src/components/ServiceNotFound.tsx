import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** Said when the backend does not know the service (404). */
export function ServiceNotFound() {
  const { t } = useTranslation()
  return (
    <div className="page-width page-section placeholder-page" data-testid="service-not-found">
      <Typography.Title level={1}>{t('catalog.guide.notFound.title')}</Typography.Title>
      <Typography.Paragraph>{t('catalog.guide.notFound.body')}</Typography.Paragraph>
      <Link to="/services">{t('catalog.guide.notFound.back')}</Link>
    </div>
  )
}
