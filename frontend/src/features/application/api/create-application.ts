import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationView } from '../types'
import { APPLICATIONS_PATH, applicationKeys } from './applications'

/**
 * Starts a draft. The Idempotency-Key makes a repeated call (a reload, React's double effects)
 * answer the same draft instead of a second one.
 */
export function createApplication(serviceCode: string, idempotencyKey: string) {
  return apiClient.post<ApplicationView>(
    APPLICATIONS_PATH,
    { serviceCode },
    { headers: { 'Idempotency-Key': idempotencyKey } },
  )
}

export function useCreateApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ serviceCode, idempotencyKey }: { serviceCode: string; idempotencyKey: string }) =>
      createApplication(serviceCode, idempotencyKey),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(application.id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.mine() })
    },
  })
}
