import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Receipt } from '../types'
import { applicationKeys, applicationPath } from './applications'

/** Submits the draft (idempotent: submitting again answers the same receipt). */
export function useSubmitApplication(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiClient.post<Receipt>(`${applicationPath(id)}/submission`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationKeys.one(id) }),
        queryClient.invalidateQueries({ queryKey: applicationKeys.mine() }),
      ]),
  })
}
