import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationView, FormData } from '../types'
import { applicationKeys, applicationPath } from './applications'

/** Resubmits after a correction request (补正): only the flagged items may differ. */
export function useCorrectApplication(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ step, formData }: { step: string; formData: FormData }) =>
      apiClient.post<ApplicationView>(`${applicationPath(id)}/correction`, { step, formData }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine() })
    },
  })
}
