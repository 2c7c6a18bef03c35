import type { RouteObject } from 'react-router'
import { DataUsePage } from './components/DataUsePage'

export const dataUseRoutes: RouteObject[] = [
  { path: 'my/data-uses', element: <DataUsePage />, handle: { titleKey: 'dataUse.title' } },
]
