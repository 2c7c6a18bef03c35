import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationView } from '../types'
import { applicationKeys, applicationPath } from './applications'

/** Withdraws an application before a decision; the reason is kept in the timeline. */
export function useWithdrawApplication(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) =>
      apiClient.post<ApplicationView>(`${applicationPath(id)}/withdrawal`, { reason }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine() })
    },
  })
}
