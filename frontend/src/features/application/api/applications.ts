import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationStatus, ApplicationView } from '../types'

export const APPLICATIONS_PATH = '/api/v1/applications'

export function applicationPath(id: string): string {
  return `${APPLICATIONS_PATH}/${encodeURIComponent(id)}`
}

export const applicationKeys = {
  all: ['applications'] as const,
  mine: () => [...applicationKeys.all, 'mine'] as const,
  one: (id: string) => [...applicationKeys.all, 'one', id] as const,
}

/** One page of GET /api/v1/applications: newest first, summaries only. */
export interface ApplicationPage {
  items: ApplicationView[]
  page: number
  size: number
  total: number
}

/** How many applications one page of 我的办件 lists. */
export const MY_APPLICATIONS_PAGE_SIZE = 20

export const myApplicationsQueryOptions = (page: number, status: ApplicationStatus | undefined) =>
  queryOptions({
    queryKey: [...applicationKeys.mine(), page, status ?? 'all'],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), size: String(MY_APPLICATIONS_PAGE_SIZE) })
      if (status) params.set('status', status)
      return apiClient.get<ApplicationPage>(`${APPLICATIONS_PATH}?${params}`, { signal })
    },
    placeholderData: (previous) => previous,
  })

/**
 * 我的办件: one page of the signed-in person's applications (summaries: no answers, no
 * timeline), newest first, optionally of one status; paged and filtered by the backend.
 */
export function useMyApplications(page: number, status: ApplicationStatus | undefined, enabled = true) {
  return useQuery({ ...myApplicationsQueryOptions(page, status), enabled })
}

export const applicationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: applicationKeys.one(id),
    queryFn: ({ signal }) => apiClient.get<ApplicationView>(applicationPath(id), { signal }),
  })

/** One application with its answers, timeline, correction request and attachments. */
export function useApplication(id: string | undefined, enabled = true) {
  return useQuery({ ...applicationQueryOptions(id ?? ''), enabled: enabled && Boolean(id) })
}
