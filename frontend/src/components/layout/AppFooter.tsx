import { useTranslation } from 'react-i18next'

export function AppFooter() {
  const { t } = useTranslation()
  return (
    <footer className="portal-footer">
      <div className="page-width">
        <p className="portal-footer__platform">{t('footer.platform')}</p>
        <p className="portal-footer__demo">{t('footer.demo')}</p>
      </div>
    </footer>
  )
}
