import i18n from '@/i18n'
import { ApiError, type ProblemDetail } from '@/lib/api-client'
import { CSRF_HEADER, readCsrfToken } from '@/lib/csrf'

/**
 * POSTs a YAML document as it is (Content-Type application/yaml) and reads a JSON answer. The
 * shared API client only sends JSON bodies; this follows its rules otherwise: session cookie,
 * CSRF header, the interface language, problem details turned into an ApiError.
 */
export async function postYaml<T>(path: string, yaml: string, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Content-Type': 'application/yaml',
    'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': i18n.language || 'zh-CN',
  }
  const token = readCsrfToken()
  if (token) headers[CSRF_HEADER] = token

  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: yaml,
      credentials: 'same-origin',
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError(0, undefined, { cause })
  }
  if (!response.ok) {
    let problem: ProblemDetail | undefined
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
      try {
        problem = (await response.json()) as ProblemDetail
      } catch {
        problem = undefined
      }
    }
    throw new ApiError(response.status, problem)
  }
  return (await response.json()) as T
}
