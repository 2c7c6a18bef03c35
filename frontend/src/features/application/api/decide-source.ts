import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { ApplicationView, SourceDecision } from '../types'
import { applicationKeys, applicationPath } from './applications'

export interface SourceDecisionInput {
  dataset: string
  decision: SourceDecision
  /** The record chosen, when the department holds several (e.g. which child). */
  recordKey?: string
  /** Why the record is wrong (disputed). */
  reason?: string
}

/**
 * Agrees that a department's record stands in for answers and documents, declines (the applicant
 * types and uploads), or says the record is wrong. Answers back with the application, whose
 * answers now carry (or no longer carry) what the record says.
 */
export function useDecideSource(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ dataset, ...body }: SourceDecisionInput) =>
      apiClient.put<ApplicationView>(`${applicationPath(id)}/sources/${encodeURIComponent(dataset)}`, body),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.one(id), application)
    },
  })
}
