import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'
import { MainNav } from '@/features/navigation/components/MainNav'
import { SessionErrorBanner } from '@/features/session/components/SessionErrorBanner'
import { AppFooter } from '@/components/layout/AppFooter'
import { AppHeader } from './AppHeader'
import { DocumentTitle } from '@/components/layout/DocumentTitle'
import { SkipLink } from '@/components/layout/SkipLink'

export const MAIN_CONTENT_ID = 'main-content'

/** The shell around every page: skip link, header, navigation, main content, footer. */
export function PortalLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const firstRender = useRef(true)

  // After a client-side navigation, start reading at the new content, as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    mainRef.current?.focus()
  }, [pathname])

  return (
    <div className="portal">
      <DocumentTitle />
      <SkipLink targetId={MAIN_CONTENT_ID}>{t('a11y.skipToContent')}</SkipLink>
      <AppHeader />
      <MainNav />
      <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="portal__main">
        <SessionErrorBanner />
        <Outlet />
      </main>
      <AppFooter />
    </div>
  )
}
