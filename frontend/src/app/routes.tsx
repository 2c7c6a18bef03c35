import type { RouteObject } from 'react-router'
import { ComingSoon } from '@/components/ComingSoon'
import { NotFound } from '@/components/NotFound'
import { RouteError } from '@/components/RouteError'
import type { RouteHandle } from '@/components/layout/DocumentTitle'
import { PortalLayout } from '@/components/layout/PortalLayout'
import { ApplyPage } from '@/features/catalog/components/ApplyPage'
import { CataloguePage } from '@/features/catalog/components/CataloguePage'
import { ServiceGuidePage } from '@/features/catalog/components/ServiceGuidePage'
import { HomePage } from '@/features/home/components/HomePage'

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
            handle: { titleKey: 'catalog.apply.title' },
          },
          placeholder('my/applications', 'nav.myApplications'),
          placeholder('workbench', 'nav.workbench'),
          placeholder('admin/workflows', 'nav.workflows'),
          placeholder('admin/platform', 'nav.platformAdmin'),
          { path: '*', element: <NotFound />, handle: { titleKey: 'notFound.title' } },
        ],
      },
    ],
  },
]
