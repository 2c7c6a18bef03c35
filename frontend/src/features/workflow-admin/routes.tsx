import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { Loading } from '@/components/PageStates'

// For department admins only: the code loads when the page is opened, not with the portal.
const WorkflowAdminPage = lazy(() =>
  import('./components/WorkflowAdminPage').then((module) => ({ default: module.WorkflowAdminPage })),
)
const MigrationPage = lazy(() =>
  import('./components/MigrationPage').then((module) => ({ default: module.MigrationPage })),
)

export const workflowAdminRoutes: RouteObject[] = [
  {
    path: 'admin/workflows',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <WorkflowAdminPage />
      </Suspense>
    ),
    handle: { titleKey: 'workflowAdmin.title' },
  },
  {
    path: 'admin/workflows/:code/migrations',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <MigrationPage />
      </Suspense>
    ),
    handle: { titleKey: 'workflowMigration.title' },
  },
]
