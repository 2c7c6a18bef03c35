import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient, isApiError } from '@/lib/api-client'
import { ROLES, type Role } from '../roles'

export interface Department {
  code: string
  nameZh: string
  nameEn: string
}

export interface Enterprise {
  name: string
  /** Unified social credit code (统一社会信用代码). */
  uscc: string
}

/** The signed-in person as GET /api/v1/me describes them. */
export interface Me {
  subject: string
  username: string
  displayName: string
  email?: string | null
  roles: string[]
  departments: Department[]
  /** Masked by the backend, e.g. 1101**********1234. */
  nationalId: string | null
  enterprise: Enterprise | null
}

export const ME_PATH = '/api/v1/me'

/** Resolves to null when nobody is signed in: the backend answers 401 then. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiClient.get<Me>(ME_PATH, { signal })
  } catch (error) {
    if (isApiError(error, 401)) return null
    throw error
  }
}

export const meQueryOptions = queryOptions({
  queryKey: ['session', 'me'],
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 5 * 60_000,
})

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error'

export interface Session {
  status: SessionStatus
  me: Me | null
  /** Only the roles this interface knows; unknown ones from the identity provider are ignored. */
  roles: Role[]
  hasAnyRole: (...roles: Role[]) => boolean
  retry: () => void
}

/**
 * Who is using the portal. Role checks here only decide what to show;
 * the backend enforces every permission itself.
 */
export function useSession(): Session {
  const query = useQuery(meQueryOptions)
  const me = query.data ?? null
  // In the platform's own order, whatever order the backend lists them in.
  const roles = me ? ROLES.filter((role) => me.roles.includes(role)) : []
  const status: SessionStatus = query.isPending
    ? 'loading'
    : query.isError
      ? 'error'
      : me
        ? 'signed-in'
        : 'signed-out'
  return {
    status,
    me,
    roles,
    hasAnyRole: (...wanted) => wanted.some((role) => roles.includes(role)),
    retry: () => void query.refetch(),
  }
}
