import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Queue, QueueLight } from '../types'

export const TASKS_PATH = '/api/v1/workbench/tasks'
export const PAGE_SIZE = 20

/** The queue's filters; each one is optional, page counts from 0. */
export interface QueueFilters {
  /** an application number (or part of one) or the applicant's name */
  q?: string
  service?: string
  light?: QueueLight
  mine?: boolean
  page?: number
}

/** The query string the backend expects, without empty filters. */
export function queueSearchParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.service) params.set('service', filters.service)
  if (filters.light) params.set('light', filters.light)
  if (filters.mine) params.set('mine', 'true')
  params.set('page', String(filters.page ?? 0))
  params.set('size', String(PAGE_SIZE))
  return params
}

export const TASKS_KEY = ['workbench', 'tasks'] as const

export const tasksQueryOptions = (filters: QueueFilters) => {
  const params = queueSearchParams(filters)
  return queryOptions({
    queryKey: [...TASKS_KEY, Object.fromEntries(params)],
    queryFn: ({ signal }) => apiClient.get<Queue>(`${TASKS_PATH}?${params.toString()}`, { signal }),
    // Colleagues claim and decide all day: the inbox keeps itself current.
    staleTime: 15_000,
    refetchInterval: 60_000,
  })
}

/** One page of my departments' queue; the previous page stays visible while the next loads. */
export function useTasks(filters: QueueFilters) {
  return useQuery({ ...tasksQueryOptions(filters), placeholderData: keepPreviousData })
}
