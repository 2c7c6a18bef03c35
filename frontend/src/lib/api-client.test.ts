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
})
