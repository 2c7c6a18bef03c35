import { Spin } from 'antd'
import { useTranslation } from 'react-i18next'

/** While a page's code or data arrives. */
export function PageLoading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="page-width page-section page-loading" role="status">
      <Spin aria-hidden />
      <span className="visually-hidden">{label ?? t('workbench.loadingPage')}</span>
    </div>
  )
}
