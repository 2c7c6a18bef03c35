import { ToolOutlined } from '@ant-design/icons'
import { Typography } from 'antd'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** An honest placeholder for a section that is not built yet. */
export function ComingSoon({ titleKey }: { titleKey: ParseKeys }) {
  const { t } = useTranslation()
  return (
    <div className="page-width page-section placeholder-page">
      <ToolOutlined className="placeholder-page__icon" aria-hidden />
      <Typography.Title level={1}>{t(titleKey)}</Typography.Title>
      <Typography.Paragraph>{t('comingSoon.body')}</Typography.Paragraph>
      <Link to="/">{t('comingSoon.backHome')}</Link>
    </div>
  )
}
