import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { AdminService } from '../types'

export const ADMIN_SERVICES_PATH = '/api/v1/workflow-admin/services'

export const adminServicesQueryOptions = queryOptions({
  queryKey: ['workflow-admin', 'services'],
  queryFn: ({ signal }) => apiClient.get<AdminService[]>(ADMIN_SERVICES_PATH, { signal }),
})

/** My department's services (every service for a platform admin), with their versions. */
export function useAdminServices() {
  return useQuery(adminServicesQueryOptions)
}

export function diagramUrl(code: string, version: number): string {
  return `/api/v1/workflow-definitions/${encodeURIComponent(code)}/versions/${version}/diagram`
}
