import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { NotificationEntry, UnreadCount } from '../types'

export const NOTIFICATIONS_PATH = '/api/v1/notifications'
export const NOTIFICATIONS_KEY = ['notifications'] as const
const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const
const INBOX_KEY = [...NOTIFICATIONS_KEY, 'inbox'] as const

/** How often the bell asks: time limits and reassignments arrive while people work. */
export const UNREAD_POLL_MS = 30_000

/** The bell's badge: polled, and asked again whenever the window regains focus. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => apiClient.get<UnreadCount>(`${NOTIFICATIONS_PATH}/unread-count`, { signal }),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
    retry: false,
  })
}

/** The inbox, newest first (the backend's order). */
export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: INBOX_KEY,
    queryFn: ({ signal }) => apiClient.get<NotificationEntry[]>(NOTIFICATIONS_PATH, { signal }),
    enabled,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  })
}

function useRefreshAfter() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  const refresh = useRefreshAfter()
  return useMutation({
    mutationFn: (id: string) => apiClient.post<void>(`${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}/read`),
    onSuccess: (_, id) => {
      // shown read at once; the refetch confirms
      queryClient.setQueryData<NotificationEntry[]>(INBOX_KEY, (entries) =>
        entries?.map((entry) => (entry.id === id ? { ...entry, read: true } : entry)),
      )
    },
    onSettled: refresh,
  })
}

export function useMarkAllRead() {
  const refresh = useRefreshAfter()
  return useMutation({
    mutationFn: () => apiClient.post<{ marked: number }>(`${NOTIFICATIONS_PATH}/read`),
    onSettled: refresh,
  })
}
