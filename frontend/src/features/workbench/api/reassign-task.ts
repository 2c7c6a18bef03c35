import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Candidate, Queue, Reassignment, TaskItem } from '../types'
import { remember } from './claim-task'
import { taskPath } from './get-task'
import { PAGE_SIZE, TASKS_KEY } from './get-tasks'

export const ASSIGNMENTS_PATH = '/api/v1/workbench/assignments'
export const ASSIGNMENTS_KEY = ['workbench', 'assignments'] as const

/** Whom a department admin may give the step to: officials of its department with its role who signed in. */
export function useCandidates(task: TaskItem, enabled: boolean) {
  return useQuery({
    queryKey: ['workbench', 'candidates', task.instanceId, task.step],
    queryFn: ({ signal }) =>
      apiClient.get<Candidate[]>(`${taskPath(task.instanceId, task.step)}/candidates`, { signal }),
    enabled,
    // Someone may have signed in for the first time a moment ago.
    staleTime: 0,
  })
}

/** At a dispatching step: the officials who may hold the next step (its department and role, signed in once). */
export function useAssignees(task: TaskItem, enabled: boolean) {
  return useQuery({
    queryKey: ['workbench', 'assignees', task.instanceId, task.step],
    queryFn: ({ signal }) =>
      apiClient.get<Candidate[]>(`${taskPath(task.instanceId, task.step)}/assignees`, { signal }),
    enabled,
    staleTime: 0,
  })
}

/** Gives a step to another official (or back to the queue); every view of the task is updated. */
export function useReassign() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ task, reassignment }: { task: TaskItem; reassignment: Reassignment }) =>
      apiClient.post<TaskItem>(`${taskPath(task.instanceId, task.step)}/reassignment`, reassignment),
    onSuccess: (item) => remember(queryClient, item),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: TASKS_KEY })
      await queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY })
    },
  })
}

export const assignmentsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...ASSIGNMENTS_KEY, page],
    queryFn: ({ signal }) =>
      apiClient.get<Queue>(`${ASSIGNMENTS_PATH}?page=${page}&size=${PAGE_SIZE}`, { signal }),
    staleTime: 15_000,
    refetchInterval: 60_000,
  })

/** Every waiting step of my departments with its holder (department admins). */
export function useAssignments(page: number) {
  return useQuery({ ...assignmentsQueryOptions(page), placeholderData: keepPreviousData })
}

export type { Queue }
