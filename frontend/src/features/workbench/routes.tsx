import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { Loading } from '@/components/PageStates'

// The workbench is for clerks only: its code loads when a clerk opens it, not with the portal.
const WorkbenchPage = lazy(() =>
  import('./components/WorkbenchPage').then((module) => ({ default: module.WorkbenchPage })),
)
const AssignmentsPage = lazy(() =>
  import('./components/AssignmentsPage').then((module) => ({ default: module.AssignmentsPage })),
)
const TaskPage = lazy(() =>
  import('./components/TaskPage').then((module) => ({ default: module.TaskPage })),
)

export const workbenchRoutes: RouteObject[] = [
  {
    path: 'workbench',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <WorkbenchPage />
      </Suspense>
    ),
    handle: { titleKey: 'workbench.title' },
  },
  {
    path: 'workbench/assignments',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <AssignmentsPage />
      </Suspense>
    ),
    handle: { titleKey: 'reassign.assignments.title' },
  },
  {
    path: 'workbench/:instanceId/:step',
    element: (
      <Suspense fallback={<Loading page className="page-loading" />}>
        <TaskPage />
      </Suspense>
    ),
    handle: { titleKey: 'workbench.task.title' },
  },
]
