import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { Loading } from '@/components/PageStates'

// For department admins and the platform admin only: the code loads when the page is opened.
const RectificationsPage = lazy(() =>
  import('./components/RectificationsPage').then((module) => ({ default: module.RectificationsPage })),
)

export const ratingRoutes: RouteObject[] = [
  {
    path: 'admin/rectifications',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <RectificationsPage />
      </Suspense>
    ),
    handle: { titleKey: 'rectifications.title' },
  },
]
