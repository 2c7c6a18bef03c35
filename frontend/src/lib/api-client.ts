import i18n from '@/i18n'
import { CSRF_HEADER, readCsrfToken } from './csrf'

/** An RFC 9457 problem detail, as every /api error of the backend is. */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  [extension: string]: unknown
}

/**
 * A failed API call. `status` is 0 when no answer arrived at all (network down).
 * The problem detail is for code to act on; people see translated messages instead.
 */
export class ApiError extends Error {
  readonly status: number
  readonly problem?: ProblemDetail

  constructor(status: number, problem?: ProblemDetail, options?: { cause?: unknown }) {
    super(problem?.title ?? `HTTP ${status}`, options)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status)
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What every call may add: headers of its own (e.g. Idempotency-Key) and a way to cancel it. */
export interface RequestOptions {
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** What the caller expects in a successful answer's body. */
type AnswerType = 'json' | 'text'

/** A body as it goes on the wire, with its Content-Type (none for FormData: see below). */
interface Payload {
  body: BodyInit
  contentType?: string
}

const ACCEPT: Record<AnswerType, string> = {
  json: 'application/json, application/problem+json',
  // Errors still come back as problem details.
  text: 'text/plain, application/problem+json',
}

function jsonPayload(body: unknown): Payload | undefined {
  return body === undefined
    ? undefined
    : { body: JSON.stringify(body), contentType: 'application/json' }
}

async function readProblem(response: Response): Promise<ProblemDetail | undefined> {
  const contentType = response.headers.get('Content-Type') ?? ''
  if (!contentType.includes('json')) return undefined
  try {
    return (await response.json()) as ProblemDetail
  } catch {
    return undefined
  }
}

async function request<T>(
  method: Method,
  path: string,
  payload: Payload | undefined,
  options: RequestOptions = {},
  answerType: AnswerType = 'json',
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: ACCEPT[answerType],
    // Marks the call as script-made, so Spring Security answers an unauthenticated one
    // with 401 instead of redirecting it into the single sign-on pages.
    'X-Requested-With': 'XMLHttpRequest',
    // Problem details (and texts such as diagrams) come back in the language the person
    // chose in the portal.
    'Accept-Language': i18n.language || 'zh-CN',
    ...options.headers,
  }
  if (method !== 'GET') {
    const token = readCsrfToken()
    if (token) headers[CSRF_HEADER] = token
  }
  // A multipart body has none: the browser writes the type with the boundary it chose.
  if (payload?.contentType) headers['Content-Type'] = payload.contentType

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload?.body,
      // The browser session is an HttpOnly cookie; the browser never holds a token.
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    throw new ApiError(0, undefined, { cause })
  }

  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response))
  }
  if (answerType === 'text') return (await response.text()) as T
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T
  }
  return (await response.json()) as T
}

/**
 * The one client every feature uses to talk to the backend's /api. Bodies are JSON unless the
 * method says otherwise; answers are JSON (204: undefined) unless the method says text.
 */
export const apiClient = {
  get: <T>(path: string, options?: RequestOptions) =>
    request<T>('GET', path, undefined, options),
  /** A GET whose answer is plain text (e.g. a Mermaid diagram), in the interface's language. */
  getText: (path: string, options?: RequestOptions) =>
    request<string>('GET', path, undefined, options, 'text'),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, jsonPayload(body), options),
  /** POSTs a text document as it is, e.g. YAML with `application/yaml`; the answer is JSON. */
  postText: <T>(path: string, text: string, contentType: string, options?: RequestOptions) =>
    request<T>('POST', path, { body: text, contentType }, options),
  /** POSTs a multipart form (e.g. an uploaded file); the answer is JSON. */
  postForm: <T>(path: string, form: FormData, options?: RequestOptions) =>
    request<T>('POST', path, { body: form }, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, jsonPayload(body), options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, jsonPayload(body), options),
  delete: <T>(path: string, options?: RequestOptions) =>
    request<T>('DELETE', path, undefined, options),
}
