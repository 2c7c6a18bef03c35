import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LanguageSwitch } from '@/features/language/components/LanguageSwitch'
import { NotificationBell } from '@/features/notifications/components/NotificationBell'
import { SessionArea } from '@/features/session/components/SessionArea'

export function AppHeader() {
  const { t } = useTranslation()
  return (
    <header className="portal-header">
      <div className="page-width portal-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden>
            {t('app.name').slice(0, 1)}
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__subtitle">{t('app.subtitle')}</span>
          </span>
        </Link>
        <div className="portal-header__tools" role="group" aria-label={t('a11y.account')}>
          <LanguageSwitch />
          <NotificationBell />
          <SessionArea />
        </div>
      </div>
    </header>
  )
}
