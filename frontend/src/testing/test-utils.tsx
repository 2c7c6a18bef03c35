import { StyleProvider } from '@ant-design/cssinjs'
import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { vi } from 'vitest'
import { AppProvider } from '@/app/provider'
import { routes } from '@/app/routes'
import type { Me } from '@/lib/auth'

/**
 * antd's CSS-in-JS styles stay out of the document in tests. jsdom does not lay out, so they
 * change nothing a test can see, yet they made every render slow, and a busy machine's first
 * render take seconds: jsdom parsed each injected <style> (about 350 kB for the portal's
 * components); every getComputedStyle, which each *ByRole query calls for every element it
 * considers and its ancestors, walked all those rules; and as each test unmounts everything,
 * antd wrote its styles again for the next one. `mock="server"` (cssinjs' switch for tests)
 * leaves component styles unwritten; the theme's CSS variables, written regardless, go to an
 * element outside the document.
 */
const antdStyles = document.createElement('div')

/** Renders the whole portal, as a browser would show it at `path`. */
export function renderApp(path = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const view = render(
    <StyleProvider container={antdStyles} mock="server">
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StyleProvider>,
  )
  return { ...view, user, router, queryClient }
}

export function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

export function problem(status: number, title: string): Response {
  return json({ type: 'about:blank', title, status }, status, 'application/problem+json')
}

export const unauthorized = () => problem(401, 'Unauthorized')

export type Responder = (url: string, init?: RequestInit) => Response | Promise<Response>

/** Fake answers of the backend by path (without the query string). */
export type Handlers = Readonly<Record<string, Responder>>

/** The URL a fetch call was made with, whatever form it was given in. */
export function requestUrl(input: RequestInfo | URL): URL {
  if (input instanceof URL) return input
  return new URL(typeof input === 'string' ? input : input.url, 'http://localhost')
}

/**
 * Replaces fetch with a fake backend. `me` answers GET /api/v1/me, `handlers` the paths they
 * name; anything else is a 404. Returns the mock so tests can inspect the requests made.
 */
export function mockBackend(me: Responder, handlers: Handlers = {}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const path = new URL(url, 'http://localhost').pathname
    if (path === '/api/v1/me') return me(url, init)
    const handler = handlers[path]
    if (handler) return handler(url, init)
    return problem(404, 'Not Found')
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export function signedInAs(person: Me, handlers?: Handlers) {
  return mockBackend(() => json(person), handlers)
}

export function signedOut(handlers?: Handlers) {
  return mockBackend(unauthorized, handlers)
}

export const citizen: Me = {
  subject: '9c1f4c1e-0000-4000-8000-000000000001',
  username: 'zhangsan',
  displayName: '张三',
  email: 'zhangsan@example.org',
  roles: ['citizen'],
  departments: [],
  nationalId: '1101**********1234',
  enterprise: null,
}

export const clerk: Me = {
  subject: '9c1f4c1e-0000-4000-8000-000000000002',
  username: 'lisi',
  displayName: '李四',
  email: 'lisi@example.org',
  roles: ['clerk'],
  departments: [{ code: 'education', nameZh: '教育局', nameEn: 'Education Bureau' }],
  nationalId: null,
  enterprise: null,
}

export const marketRegulation = {
  code: 'market-regulation',
  nameZh: '市场监督管理局',
  nameEn: 'Market Regulation Administration',
}

export const marketClerk: Me = {
  subject: '5b1f0000-0000-4000-8000-00000000c1e1',
  username: 'market-clerk',
  displayName: '孙丽',
  email: 'market-clerk@example.org',
  roles: ['clerk'],
  departments: [marketRegulation],
  nationalId: null,
  enterprise: null,
}

export const marketAdmin: Me = {
  ...marketClerk,
  subject: '5b1f0000-0000-4000-8000-00000000ad01',
  username: 'market-admin',
  displayName: '褚红',
  roles: ['dept-admin'],
}

/** A problem detail as the backend writes it: localized title and detail, maybe field errors. */
export function problemDetail(
  status: number,
  title: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): Response {
  return json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extensions },
    status,
    'application/problem+json',
  )
}

/**
 * Enters a whole text at once, as pasting does: one input event instead of one per character.
 * Typing a sentence key by key re-validates and re-renders an antd form for every character,
 * which costs seconds on a busy machine; tests of key-by-key behaviour use `user.type`.
 */
export async function enterText(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, text: string) {
  await user.click(element)
  await user.paste(text)
}
