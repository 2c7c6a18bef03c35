import { useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'

/** GET /api/v1/catalog/services/{code}/satisfaction: computed from the ratings of the last twelve months. */
export interface Satisfaction {
  serviceCode: string
  ratings: number
  good: number
  /** 0 to 1; null without ratings. */
  goodShare: number | null
  score: number
  months: number
}

export function useSatisfaction(code: string) {
  return useQuery({
    queryKey: ['catalog', 'satisfaction', code],
    queryFn: ({ signal }) =>
      apiClient.get<Satisfaction>(`/api/v1/catalog/services/${encodeURIComponent(code)}/satisfaction`, { signal }),
  })
}
