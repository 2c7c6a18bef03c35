import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import { applicationPath } from './applications'

/** A step or a department with its names. */
export interface Named {
  code: string
  nameZh: string
  nameEn: string
}

export type RatingLevel = 1 | 2 | 3 | 4 | 5

/** The department's answer to a bad rating, as the applicant sees it. */
export interface RectificationForApplicant {
  status: 'open' | 'answered' | 'disputed' | 'closed'
  department: Named
  dueAt: string
  light: 'green' | 'yellow' | 'red' | null
  answerKind: 'rectified' | 'explained' | 'disputed' | null
  answer: string | null
  answeredAt: string | null
  disputeDecision: 'upheld' | 'rejected' | null
  disputeNote: string | null
}

export interface RatingView {
  id: string
  scope: string
  step: Named | null
  department: Named
  level: RatingLevel
  firstLevel: RatingLevel
  reasons: string[]
  comment: string | null
  firstRatedAt: string
  ratedAt: string
  changeableUntil: string
  mayChange: boolean
  ratedAgain: boolean
  excluded: boolean
  rectification: RectificationForApplicant | null
}

/** GET /api/v1/applications/{id}/rating: what the applicant may rate, and what they rated. */
export interface ApplicantRatings {
  mayRateApplication: boolean
  steps: Named[]
  ratings: RatingView[]
  goodReasons: string[]
  badReasons: string[]
  commentLimit: number
  changeDays: number
}

export interface RatingInput {
  level: RatingLevel
  reasons: string[]
  comment?: string
  step?: string
}

export const ratingKeys = {
  of: (id: string) => ['ratings', id] as const,
}

export const ratingsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ratingKeys.of(id),
    queryFn: ({ signal }) => apiClient.get<ApplicantRatings>(`${applicationPath(id)}/rating`, { signal }),
  })

export function useApplicantRatings(id: string, enabled: boolean) {
  return useQuery({ ...ratingsQueryOptions(id), enabled })
}

/** Rates the application (or a handled step), or changes a rating / rates once more when `ratingId` is given. */
export function useRate(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ ratingId, input }: { ratingId?: string; input: RatingInput }) =>
      ratingId
        ? apiClient.put<RatingView>(`${applicationPath(id)}/ratings/${encodeURIComponent(ratingId)}`, input)
        : apiClient.post<RatingView>(`${applicationPath(id)}/ratings`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ratingKeys.of(id) }),
  })
}
