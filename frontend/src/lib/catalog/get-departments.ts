import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Department } from './types'

export const DEPARTMENTS_PATH = '/api/v1/departments'

export const departmentsQueryOptions = queryOptions({
  queryKey: ['departments'],
  queryFn: ({ signal }) => apiClient.get<Department[]>(DEPARTMENTS_PATH, { signal }),
  // Departments hardly ever change.
  staleTime: 30 * 60_000,
})

export function useDepartments() {
  return useQuery(departmentsQueryOptions)
}
