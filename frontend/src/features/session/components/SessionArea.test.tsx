import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CSRF_PARAMETER } from '@/lib/csrf'
import {
  citizen,
  json,
  mockBackend,
  problem,
  renderApp,
  signedInAs,
  signedOut,
  unauthorized,
} from '@/testing/test-utils'

describe('the header session area', () => {
  it('offers sign-in, as a real page load of /login, when /api/v1/me answers 401', async () => {
    const fetchMock = signedOut()
    renderApp()

    const login = await screen.findByTestId('login-button')
    expect(login).toHaveTextContent('登录')
    expect(login).toHaveAttribute('href', '/login')
    expect(screen.queryByTestId('user-name')).not.toBeInTheDocument()
    // Not being signed in is normal, not an error.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/me',
      expect.objectContaining({ credentials: 'same-origin' }),
    )
  })

  it('shows the name and the translated roles of the signed-in person', async () => {
    signedInAs({ ...citizen, roles: ['business', 'citizen', 'offline_access'] })
    renderApp()

    expect(await screen.findByTestId('user-name')).toHaveTextContent('张三')
    const roles = screen.getByRole('list', { name: '角色' })
    expect(within(roles).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '群众',
      '企业',
    ])
    expect(screen.getByTestId('logout-button')).toHaveTextContent('退出')
    expect(screen.queryByTestId('login-button')).not.toBeInTheDocument()
  })

  it('translates every role the portal knows', async () => {
    signedInAs({ ...citizen, roles: ['admin', 'business', 'citizen', 'clerk', 'dept-admin'] })
    renderApp()

    const roles = await screen.findByRole('list', { name: '角色' })
    expect(within(roles).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '群众',
      '企业',
      '窗口人员',
      '部门管理员',
      '平台管理员',
    ])
  })

  it('explains an unexpected failure in its own words and recovers on retry', async () => {
    let answer: () => Response = () => problem(500, 'java.lang.IllegalStateException: boom')
    mockBackend(() => answer())
    const { user } = renderApp()

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('暂时无法获取您的登录状态，请稍后重试。')
    expect(document.body).not.toHaveTextContent('IllegalStateException')
    expect(screen.queryByTestId('login-button')).not.toBeInTheDocument()

    answer = unauthorized
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    expect(await screen.findByTestId('login-button')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('signs out by posting a form to /logout carrying the XSRF-TOKEN as _csrf', async () => {
    document.cookie = 'XSRF-TOKEN=5b0e5b8e-1f2d-4c3b-9a7e-1234567890ab; path=/'
    const submitted: HTMLFormElement[] = []
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (
      this: HTMLFormElement,
    ) {
      submitted.push(this)
    })
    signedInAs(citizen)
    const { user } = renderApp()

    await user.click(await screen.findByTestId('logout-button'))

    expect(submitted).toHaveLength(1)
    const form = submitted[0]!
    expect(form.method).toBe('post')
    expect(new URL(form.action).pathname).toBe('/logout')
    const csrf = form.elements.namedItem(CSRF_PARAMETER) as HTMLInputElement
    expect(csrf.type).toBe('hidden')
    expect(csrf.value).toBe('5b0e5b8e-1f2d-4c3b-9a7e-1234567890ab')
    expect(form.isConnected).toBe(true)
  })

  it('fetches a fresh XSRF-TOKEN cookie before signing out when it is missing', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined)
    let calls = 0
    mockBackend(() => {
      calls += 1
      // The backend sets the cookie on a GET; the first answer here did not carry it.
      if (calls > 1) document.cookie = 'XSRF-TOKEN=fresh-token; path=/'
      return json(citizen)
    })
    const { user } = renderApp()

    await user.click(await screen.findByTestId('logout-button'))

    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1))
    const csrf = submit.mock.contexts[0] as HTMLFormElement
    expect((csrf.elements.namedItem(CSRF_PARAMETER) as HTMLInputElement).value).toBe(
      'fresh-token',
    )
  })

  it('says so when sign-out cannot proceed without a CSRF token', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => undefined)
    signedInAs(citizen)
    const { user } = renderApp()

    await user.click(await screen.findByTestId('logout-button'))

    expect(await screen.findByText('退出未能完成，请刷新页面后重试。')).toBeInTheDocument()
    expect(submit).not.toHaveBeenCalled()
    expect(screen.getByTestId('logout-button')).toBeEnabled()
  })
})
