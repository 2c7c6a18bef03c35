import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { Loading } from '@/components/PageStates'
import { CertificateDetailPage } from './components/CertificateDetailPage'
import { WalletPage } from './components/WalletPage'

// For department admins only: the code loads when the page is opened, not with the portal.
const CertificateAdminPage = lazy(() =>
  import('./components/CertificateAdminPage').then((module) => ({ default: module.CertificateAdminPage })),
)
const CertificateAdminDetailPage = lazy(() =>
  import('./components/CertificateAdminDetailPage').then((module) => ({
    default: module.CertificateAdminDetailPage,
  })),
)

const suspended = (element: React.ReactNode) => (
  <Suspense fallback={<Loading page className="page-loading" />}>{element}</Suspense>
)

export const certificateRoutes: RouteObject[] = [
  { path: 'my/certificates', element: <WalletPage />, handle: { titleKey: 'certificates.title' } },
  {
    path: 'my/certificates/:number',
    element: <CertificateDetailPage />,
    handle: { titleKey: 'certificates.detail.title' },
  },
  {
    path: 'admin/certificates',
    element: suspended(<CertificateAdminPage />),
    handle: { titleKey: 'certificateAdmin.title' },
  },
  {
    path: 'admin/certificates/:number',
    element: suspended(<CertificateAdminDetailPage />),
    handle: { titleKey: 'certificateAdmin.title' },
  },
]
