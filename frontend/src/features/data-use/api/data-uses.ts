import { useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { DataUse, DataUseFilter, Dataset } from '../types'

export const DATA_USES_PATH = '/api/v1/me/data-uses'
/** The backend answers at most this many, newest first. */
export const DATA_USE_LIMIT = 500

export function useDataUses(filter: DataUseFilter, enabled: boolean) {
  return useQuery({
    queryKey: ['data-uses', filter],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams()
      if (filter.from) params.set('from', filter.from)
      if (filter.to) params.set('to', filter.to)
      if (filter.department) params.set('department', filter.department)
      const query = params.toString()
      return apiClient.get<DataUse[]>(query ? `${DATA_USES_PATH}?${query}` : DATA_USES_PATH, { signal })
    },
    enabled,
  })
}

/** The data catalogue names the datasets and their fields. Public, and rarely changes. */
export function useDataCatalogue() {
  return useQuery({
    queryKey: ['exchange', 'catalogue'],
    queryFn: ({ signal }) => apiClient.get<Dataset[]>('/api/v1/exchange/catalogue', { signal }),
    staleTime: 10 * 60_000,
  })
}

/**
 * The record names an application by its number, its page by its id: the person's own applications map one to
 * the other (the newest hundred; older numbers are shown without a link).
 */
export function useApplicationIds(enabled: boolean) {
  return useQuery({
    queryKey: ['data-uses', 'application-ids'],
    queryFn: async ({ signal }) => {
      const page = await apiClient.get<{ items: { id: string; number: string | null }[] }>(
        '/api/v1/applications?size=100',
        { signal },
      )
      return new Map(page.items.filter((item) => item.number).map((item) => [item.number!, item.id]))
    },
    enabled,
    staleTime: 60_000,
  })
}
