import type { ParseKeys } from 'i18next'
import type { Role } from '@/lib/auth'

export interface NavItem {
  path: string
  labelKey: ParseKeys
  /** Who sees the entry; absent means everybody. The backend still checks every request. */
  roles?: readonly Role[]
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  // The catalogue is public: visitors can read the guidance before signing in.
  { path: '/services', labelKey: 'nav.services' },
  { path: '/my/applications', labelKey: 'nav.myApplications', roles: ['citizen', 'business'] },
  { path: '/my/certificates', labelKey: 'nav.myCertificates', roles: ['citizen', 'business'] },
  { path: '/my/data-uses', labelKey: 'nav.myDataUses', roles: ['citizen', 'business'] },
  // Department admins decide some steps themselves (e.g. the food licence's review).
  { path: '/workbench', labelKey: 'nav.workbench', roles: ['clerk', 'dept-admin'] },
  { path: '/admin/workflows', labelKey: 'nav.workflows', roles: ['dept-admin', 'admin'] },
  { path: '/admin/certificates', labelKey: 'nav.certificateAdmin', roles: ['dept-admin'] },
  // 好差评: bad ratings to rectify (department admins) and every department's (the platform admin)
  { path: '/admin/rectifications', labelKey: 'nav.rectifications', roles: ['dept-admin', 'admin'] },
  { path: '/admin/platform', labelKey: 'nav.platformAdmin', roles: ['admin'] },
]

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)))
}

/** The entry a path belongs to: the longest matching prefix, "/" only for itself. */
export function activeNavPath(pathname: string, items: readonly NavItem[]): string | undefined {
  return items
    .filter((item) =>
      item.path === '/'
        ? pathname === '/'
        : pathname === item.path || pathname.startsWith(`${item.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0]?.path
}
