import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Decision } from '../types'
import { taskPath } from './get-task'
import { TASKS_KEY } from './get-tasks'

/**
 * Approves, rejects, asks for a correction or returns the step. 409 when someone else acted
 * first or holds the claim, 403 for another department's step, 400 when the decision is incomplete.
 */
export function useDecide(instanceId: string, step: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (decision: Decision) =>
      apiClient.post<unknown>(`${taskPath(instanceId, step)}/decision`, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  })
}
