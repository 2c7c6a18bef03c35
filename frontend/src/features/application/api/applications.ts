import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationView } from '../types'

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

export const myApplicationsQueryOptions = queryOptions({
  queryKey: applicationKeys.mine(),
  queryFn: ({ signal }) =>
    apiClient
      .get<ApplicationPage>(`${APPLICATIONS_PATH}?size=100`, { signal })
      .then((page) => page.items),
})

/** 我的办件: the signed-in person's applications (summaries: no answers, no timeline). */
export function useMyApplications(enabled = true) {
  return useQuery({ ...myApplicationsQueryOptions, enabled })
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
