import { describe, expect, it, vi } from 'vitest'
import i18n from '@/i18n'
import { apiClient, ApiError } from './api-client'

describe('the API client', () => {
  it('echoes the XSRF-TOKEN cookie as a header on state-changing requests only', async () => {
    document.cookie = 'XSRF-TOKEN=t0ken; path=/'
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)

    await apiClient.post('/api/v1/things', { a: 1 })
    await apiClient.get('/api/v1/things')

    const [, post] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    const [, get] = fetchMock.mock.calls[1] as unknown as [string, RequestInit]
    expect(post.headers).toMatchObject({ 'X-XSRF-TOKEN': 't0ken', 'Content-Type': 'application/json' })
    expect(post.body).toBe('{"a":1}')
    expect(post.credentials).toBe('same-origin')
    expect(get.headers).not.toHaveProperty('X-XSRF-TOKEN')
    expect(get.headers).toMatchObject({ 'X-Requested-With': 'XMLHttpRequest' })
  })

  it('turns a problem detail into an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ type: 'urn:tongban:not-found', title: 'Not found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    )

    const error = await apiClient.get('/api/v1/nothing').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, problem: { type: 'urn:tongban:not-found' } })
  })

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(apiClient.get('/api/v1/me')).rejects.toMatchObject({ status: 0 })
  })

  it('reads a text answer, asking for it in the interface language', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response('stateDiagram-v2\n    [*] --> acceptance\n', {
          status: 200,
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    await i18n.changeLanguage('en-US')

    await expect(apiClient.getText('/api/v1/diagram')).resolves.toBe(
      'stateDiagram-v2\n    [*] --> acceptance\n',
    )
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.headers).toMatchObject({
      Accept: 'text/plain, application/problem+json',
      'Accept-Language': 'en-US',
    })
  })

  it('turns a problem detail answering a text request into an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ title: 'Not Found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    )
    await expect(apiClient.getText('/api/v1/nothing')).rejects.toMatchObject({
      status: 404,
      problem: { title: 'Not Found' },
    })
  })

  it('adds the headers a call brings, e.g. an Idempotency-Key, to a JSON body', async () => {
    document.cookie = 'XSRF-TOKEN=t0ken; path=/'
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'a1' }), {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    }))
    vi.stubGlobal('fetch', fetchMock)

    await expect(
      apiClient.post('/api/v1/applications', { serviceCode: 's' }, { headers: { 'Idempotency-Key': 'k-123' } }),
    ).resolves.toEqual({ id: 'a1' })
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.headers).toMatchObject({
      'Idempotency-Key': 'k-123',
      'Content-Type': 'application/json',
      'X-XSRF-TOKEN': 't0ken',
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json, application/problem+json',
    })
    expect(init.body).toBe('{"serviceCode":"s"}')
  })

  it('posts a text document as it is, with its content type, and reads the JSON answer', async () => {
    document.cookie = 'XSRF-TOKEN=t0ken; path=/'
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ valid: true, problems: [] }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }))
    vi.stubGlobal('fetch', fetchMock)
    await i18n.changeLanguage('en-US')
    const yaml = 'code: food-business-licence\nsteps: []\n'

    await expect(apiClient.postText('/api/v1/check', yaml, 'application/yaml')).resolves.toEqual({
      valid: true,
      problems: [],
    })
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.method).toBe('POST')
    expect(init.body).toBe(yaml)
    expect(init.credentials).toBe('same-origin')
    expect(init.headers).toMatchObject({
      'Content-Type': 'application/yaml',
      'X-XSRF-TOKEN': 't0ken',
      'Accept-Language': 'en-US',
    })
  })

  it('sends a multipart form as it is and leaves its Content-Type (with the boundary) to the browser', async () => {
    document.cookie = 'XSRF-TOKEN=t0ken; path=/'
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'att-1' }), {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    }))
    vi.stubGlobal('fetch', fetchMock)
    const form = new FormData()
    form.append('file', new File(['%PDF-1.7'], 'licence.pdf', { type: 'application/pdf' }))

    await expect(apiClient.postForm('/api/v1/files', form)).resolves.toEqual({ id: 'att-1' })
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.body).toBe(form)
    expect(init.headers).not.toHaveProperty('Content-Type')
    expect(init.headers).toMatchObject({ 'X-XSRF-TOKEN': 't0ken', 'X-Requested-With': 'XMLHttpRequest' })
  })

  it('answers undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 204 })))
    await expect(apiClient.delete('/api/v1/things/1')).resolves.toBeUndefined()
    await expect(apiClient.postText('/api/v1/things', 'x', 'text/plain')).resolves.toBeUndefined()
  })

  it('turns a refused upload into an ApiError, and a dead network into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ type: 'urn:tongban:unsupported-file', title: 'Unsupported', status: 415 }), {
          status: 415,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    )
    await expect(apiClient.postForm('/api/v1/files', new FormData())).rejects.toMatchObject({
      status: 415,
      problem: { type: 'urn:tongban:unsupported-file' },
    })

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(apiClient.postText('/api/v1/check', 'a: 1', 'application/yaml')).rejects.toMatchObject({
      status: 0,
    })
  })

  it('passes the abort signal on and lets a cancelled call fail as an abort, not as a network error', async () => {
    const controller = new AbortController()
    const fetchMock = vi.fn(async (_path: string, init?: RequestInit) => {
      controller.abort()
      expect(init?.signal).toBe(controller.signal)
      throw new DOMException('The operation was aborted.', 'AbortError')
    })
    vi.stubGlobal('fetch', fetchMock)

    const error = await apiClient
      .postText('/api/v1/check', 'a: 1', 'application/yaml', { signal: controller.signal })
      .catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ name: 'AbortError' })
  })
})
