import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { AnswerAction, ApplicationView } from '../types'
import { applicationKeys, applicationPath } from './applications'

/** Answers a step that waits for the applicant: confirm the result, reopen the case (reason) or supply information. */
export function useAnswerStep(id: string, step: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, text }: { action: AnswerAction; text?: string }) =>
      apiClient.post<ApplicationView>(`${applicationPath(id)}/steps/${encodeURIComponent(step)}/answer`, {
        action,
        text: text ?? null,
      }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine() })
    },
  })
}
