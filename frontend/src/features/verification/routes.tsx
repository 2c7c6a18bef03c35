import type { RouteObject } from 'react-router'
import { VerifyPage } from './components/VerifyPage'

export const verificationRoutes: RouteObject[] = [
  { path: 'verify', element: <VerifyPage />, handle: { titleKey: 'verification.title' } },
]
