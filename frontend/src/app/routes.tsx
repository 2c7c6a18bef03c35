import type { RouteObject } from 'react-router'
import { ComingSoon } from '@/components/ComingSoon'
import { NotFound } from '@/components/NotFound'
import { RouteError } from '@/components/RouteError'
import type { RouteHandle } from '@/components/layout/DocumentTitle'
import { PortalLayout } from '@/app/layout/PortalLayout'
import { ApplicationDetailPage } from '@/features/application/components/ApplicationDetailPage'
import { ApplyPage } from '@/features/application/components/ApplyPage'
import { MyApplicationsPage } from '@/features/application/components/MyApplicationsPage'
import { certificateRoutes } from '@/features/certificates/routes'
import { CataloguePage } from '@/features/catalog/components/CataloguePage'
import { ServiceGuidePage } from '@/features/catalog/components/ServiceGuidePage'
import { dataUseRoutes } from '@/features/data-use/routes'
import { HomePage } from '@/features/home/components/HomePage'
import { NotificationsPage } from '@/features/notifications/components/NotificationsPage'
import { ratingRoutes } from '@/features/rating/routes'
import { verificationRoutes } from '@/features/verification/routes'
import { workbenchRoutes } from '@/features/workbench/routes'
import { workflowAdminRoutes } from '@/features/workflow-admin/routes'

function placeholder(path: string, titleKey: NonNullable<RouteHandle['titleKey']>): RouteObject {
  return { path, element: <ComingSoon titleKey={titleKey} />, handle: { titleKey } }
}

export const routes: RouteObject[] = [
  {
    element: <PortalLayout />,
    // Last resort when the shell itself fails.
    errorElement: <RouteError />,
    children: [
      {
        // Page errors render inside the shell, so header and navigation stay usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'services', element: <CataloguePage />, handle: { titleKey: 'catalog.title' } },
          {
            path: 'services/:code',
            element: <ServiceGuidePage />,
            handle: { titleKey: 'catalog.guide.title' },
          },
          {
            path: 'services/:code/apply',
            element: <ApplyPage />,
            handle: { titleKey: 'application.apply.title' },
          },
          {
            path: 'my/applications',
            element: <MyApplicationsPage />,
            handle: { titleKey: 'myApplications.title' },
          },
          {
            path: 'my/applications/:id',
            element: <ApplicationDetailPage />,
            handle: { titleKey: 'myApplications.detail.title' },
          },
          {
            path: 'notifications',
            element: <NotificationsPage />,
            handle: { titleKey: 'notifications.title' },
          },
          ...certificateRoutes,
          ...verificationRoutes,
          ...dataUseRoutes,
          ...workbenchRoutes,
          ...workflowAdminRoutes,
          ...ratingRoutes,
          placeholder('admin/platform', 'nav.platformAdmin'),
          { path: '*', element: <NotFound />, handle: { titleKey: 'notFound.title' } },
        ],
      },
    ],
  },
]
