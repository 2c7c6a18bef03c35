/**
 * Who is using the portal, what they may see, and the ways in and out: GET /api/v1/me, the
 * platform's roles, single sign-on and sign-out. Role checks here only decide what to show; the
 * backend enforces every permission itself.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient, isApiError } from '@/lib/api-client'
import { CSRF_PARAMETER, readCsrfToken } from '@/lib/csrf'
import type { Department } from '@/lib/catalog/types'

/** The platform's roles, as the backend names them in /api/v1/me. */
export const ROLES = ['citizen', 'business', 'clerk', 'dept-admin', 'admin'] as const
export type Role = (typeof ROLES)[number]

export type { Department }

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

/** Single sign-on starts here, on the backend: reach it with a real page load. */
export const SIGN_IN_PATH = '/login'

export class MissingCsrfTokenError extends Error {
  constructor() {
    super('XSRF-TOKEN cookie is missing')
    this.name = 'MissingCsrfTokenError'
  }
}

/**
 * Signs out by posting a real HTML form to /logout, so that the browser follows the
 * backend's redirects to the identity provider's logout and back to the portal; a
 * fetch() could not end the identity provider's session.
 */
export async function signOut(): Promise<void> {
  let token = readCsrfToken()
  if (!token) {
    // The backend sets the cookie on any GET; ask once more in case it has expired.
    await apiClient.get(ME_PATH).catch(() => undefined)
    token = readCsrfToken()
  }
  if (!token) throw new MissingCsrfTokenError()

  const form = document.createElement('form')
  form.method = 'post'
  form.action = '/logout'
  form.hidden = true
  const csrf = document.createElement('input')
  csrf.type = 'hidden'
  csrf.name = CSRF_PARAMETER
  csrf.value = token
  form.append(csrf)
  document.body.append(form)
  form.submit()
}
