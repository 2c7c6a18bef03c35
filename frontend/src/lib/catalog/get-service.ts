import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ServiceDetail } from './types'
import { SERVICES_PATH } from './get-services'

export function getService(code: string, signal?: AbortSignal) {
  return apiClient.get<ServiceDetail>(`${SERVICES_PATH}/${encodeURIComponent(code)}`, { signal })
}

export const serviceQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['catalog', 'service', code],
    queryFn: ({ signal }) => getService(code, signal),
  })

/** One service's guidance; an unknown code fails with an ApiError of status 404. */
export function useService(code: string) {
  return useQuery(serviceQueryOptions(code))
}
