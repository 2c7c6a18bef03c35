import type { RouteObject } from 'react-router'
import { ComingSoon } from '@/components/ComingSoon'
import { NotFound } from '@/components/NotFound'
import { RouteError } from '@/components/RouteError'
import type { RouteHandle } from '@/components/layout/DocumentTitle'
import { PortalLayout } from '@/components/layout/PortalLayout'
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
          placeholder('services', 'nav.services'),
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
