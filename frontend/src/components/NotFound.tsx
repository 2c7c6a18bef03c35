import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <div className="page-width page-section placeholder-page">
      <Typography.Title level={1}>{t('notFound.title')}</Typography.Title>
      <Typography.Paragraph>{t('notFound.body')}</Typography.Paragraph>
      <Link to="/">{t('comingSoon.backHome')}</Link>
    </div>
  )
}
