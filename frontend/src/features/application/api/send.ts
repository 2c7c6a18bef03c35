import i18n from '@/i18n'
import { ApiError, type ProblemDetail } from '@/lib/api-client'
import { CSRF_HEADER, readCsrfToken } from '@/lib/csrf'

/**
 * A state-changing call the shared client cannot make: one with extra headers (Idempotency-Key)
 * or a multipart body (an attachment). Same conventions as `apiClient`: session cookie, CSRF
 * header, script-made marker, the interface language, problem details as ApiError.
 */
export async function send<T>(
  path: string,
  { body, headers = {} }: { body: BodyInit | object; headers?: Record<string, string> },
): Promise<T> {
  const all: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': i18n.language || 'zh-CN',
    ...headers,
  }
  const token = readCsrfToken()
  if (token) all[CSRF_HEADER] = token
  const multipart = body instanceof FormData
  if (!multipart) all['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: all,
      // The browser sets the multipart boundary itself.
      body: multipart ? body : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new ApiError(0, undefined, { cause })
  }
  if (!response.ok) {
    let problem: ProblemDetail | undefined
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
      problem = (await response.json().catch(() => undefined)) as ProblemDetail | undefined
    }
    throw new ApiError(response.status, problem)
  }
  return (await response.json()) as T
}
