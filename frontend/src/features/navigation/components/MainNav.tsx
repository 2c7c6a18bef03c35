import { Menu } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useSession } from '@/lib/auth'
import { activeNavPath, navItemsFor } from '../nav-items'

/** The role-aware main navigation. */
export function MainNav() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { roles } = useSession()
  const items = navItemsFor(roles)
  const active = activeNavPath(pathname, items)

  return (
    <nav className="main-nav" aria-label={t('a11y.mainNav')}>
      <div className="page-width">
        <Menu
          mode="horizontal"
          // The links are the tab stops (the menu's arrow keys move between them, and Enter
          // follows them); the list itself need not be one too.
          tabIndex={-1}
          selectedKeys={active ? [active] : []}
          items={items.map((item) => ({
            key: item.path,
            label: (
              <Link to={item.path} aria-current={item.path === active ? 'page' : undefined}>
                {t(item.labelKey)}
              </Link>
            ),
          }))}
        />
      </div>
    </nav>
  )
}
