import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { TaskView } from '../types'
import { TASKS_PATH } from './get-tasks'

export function taskPath(instanceId: string, step: string): string {
  return `${TASKS_PATH}/${encodeURIComponent(instanceId)}/${encodeURIComponent(step)}`
}

export const taskQueryOptions = (instanceId: string, step: string) =>
  queryOptions({
    queryKey: ['workbench', 'task', instanceId, step],
    queryFn: ({ signal }) => apiClient.get<TaskView>(taskPath(instanceId, step), { signal }),
    // Each opening is written to the audit log: fresh whenever the clerk opens the task, never
    // asked again behind their back.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })

/**
 * A task with the data its step may see. Fails with an ApiError of 403 (another department's
 * step) or 404 (no longer waiting).
 */
export function useTask(instanceId: string, step: string) {
  return useQuery(taskQueryOptions(instanceId, step))
}
