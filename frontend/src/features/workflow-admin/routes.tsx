import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { Loading } from '@/components/PageStates'

// For department admins only: the code loads when the page is opened, not with the portal.
const WorkflowAdminPage = lazy(() =>
  import('./components/WorkflowAdminPage').then((module) => ({ default: module.WorkflowAdminPage })),
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
]
