import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'

export interface Named {
  code: string
  nameZh: string
  nameEn: string
}

export type RectificationStatus = 'open' | 'answered' | 'disputed' | 'closed'
export type AnswerKind = 'rectified' | 'explained' | 'disputed'

/** A rectification (整改) as department admins and the platform admin see it; the applicant is not named. */
export interface Rectification {
  id: string
  applicationId: string
  applicationNumber: string | null
  service: Named
  department: Named
  step: Named | null
  level: number
  reasons: string[]
  comment: string | null
  openedAt: string
  dueAt: string
  light: 'green' | 'yellow' | 'red' | null
  status: RectificationStatus
  answerKind: AnswerKind | null
  answer: string | null
  answeredByName: string | null
  answeredAt: string | null
  disputeDecision: 'upheld' | 'rejected' | null
  disputeNote: string | null
  decidedAt: string | null
  currentLevel: number
  ratedAgain: boolean
  mayAnswer: boolean
  mayDecide: boolean
}

export interface RectificationPage {
  items: Rectification[]
  total: number
  page: number
  size: number
}

export const RECTIFICATIONS_PATH = '/api/v1/rectifications'
export const PAGE_SIZE = 20

const keys = {
  all: ['rectifications'] as const,
  page: (status: RectificationStatus | undefined, page: number) => [...keys.all, status ?? 'all', page] as const,
}

export function useRectifications(status: RectificationStatus | undefined, page: number) {
  return useQuery({
    queryKey: keys.page(status, page),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) })
      if (status) params.set('status', status)
      return apiClient.get<RectificationPage>(`${RECTIFICATIONS_PATH}?${params}`, { signal })
    },
    placeholderData: keepPreviousData,
  })
}

/** The department admin answers a rectification. */
export function useAnswerRectification(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { kind: AnswerKind; answer: string }) =>
      apiClient.post<Rectification>(`${RECTIFICATIONS_PATH}/${encodeURIComponent(id)}/answer`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

/** The platform admin decides a dispute. */
export function useDecideDispute(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { upheld: boolean; note: string }) =>
      apiClient.post<Rectification>(`/api/v1/admin/rectifications/${encodeURIComponent(id)}/dispute-decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}
