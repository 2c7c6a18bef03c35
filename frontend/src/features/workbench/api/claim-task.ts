import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Queue, TaskItem, TaskView } from '../types'
import { taskPath } from './get-task'
import { TASKS_KEY } from './get-tasks'

export type ClaimChange = 'claim' | 'release'

function sameTask(a: TaskItem, b: TaskItem): boolean {
  return a.instanceId === b.instanceId && a.step === b.step
}

/** Puts the backend's answer into every cached queue page and the task itself. */
export function remember(queryClient: QueryClient, item: TaskItem) {
  queryClient.setQueriesData<Queue>({ queryKey: TASKS_KEY }, (queue) =>
    queue
      ? { ...queue, items: queue.items.map((each) => (sameTask(each, item) ? item : each)) }
      : queue,
  )
  queryClient.setQueryData<TaskView>(['workbench', 'task', item.instanceId, item.step], (view) =>
    view ? { ...view, task: item } : view,
  )
}

/**
 * Claims a task (locks it to me) or gives it back. A colleague's claim answers 409; the queue is
 * asked again either way, so it shows who holds what now.
 */
export function useClaim() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ task, change }: { task: TaskItem; change: ClaimChange }) =>
      apiClient.post<TaskItem>(`${taskPath(task.instanceId, task.step)}/${change}`),
    onSuccess: (item) => remember(queryClient, item),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  })
}
