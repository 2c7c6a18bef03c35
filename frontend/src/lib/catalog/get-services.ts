import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Audience, Category, ServiceSummary } from './types'

export const SERVICES_PATH = '/api/v1/catalog/services'

/** The catalogue's filters; each one is optional. */
export interface ServiceFilters {
  q?: string
  category?: Category
  department?: string
  audience?: Audience
}

/** The query string the backend expects, without empty filters. */
export function filtersToSearchParams(filters: ServiceFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['q', 'category', 'department', 'audience'] as const) {
    const value = filters[key]?.trim()
    if (value) params.set(key, value)
  }
  return params
}

export function getServices(filters: ServiceFilters, signal?: AbortSignal) {
  const query = filtersToSearchParams(filters).toString()
  return apiClient.get<ServiceSummary[]>(query ? `${SERVICES_PATH}?${query}` : SERVICES_PATH, {
    signal,
  })
}

export const servicesQueryOptions = (filters: ServiceFilters) =>
  queryOptions({
    queryKey: ['catalog', 'services', Object.fromEntries(filtersToSearchParams(filters))],
    queryFn: ({ signal }) => getServices(filters, signal),
  })

/** The services matching the filters; the previous results stay visible while new ones load. */
export function useServices(filters: ServiceFilters) {
  return useQuery({ ...servicesQueryOptions(filters), placeholderData: keepPreviousData })
}
