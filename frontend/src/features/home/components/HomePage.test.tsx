import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizen, clerk, renderApp, signedInAs, signedOut } from '@/testing/test-utils'

describe('the home page', () => {
  it('explains the portal and lists the service categories', async () => {
    signedOut()
    renderApp()

    expect(
      await screen.findByRole('heading', { level: 1, name: '一网通办，让数据多跑路，群众少跑腿' }),
    ).toBeInTheDocument()
    for (const category of ['教育', '医疗卫生', '企业开办与经营', '一件事']) {
      expect(screen.getByRole('heading', { level: 3, name: category })).toBeInTheDocument()
    }
    expect(screen.getByRole('searchbox', { name: '搜索服务事项' })).toBeInTheDocument()
    expect(await screen.findByText('登录后即可在线申请，并随时查看您的办件。')).toBeInTheDocument()
    expect(screen.queryByTestId('greeting')).not.toBeInTheDocument()
  })

  it('greets the signed-in person by name', async () => {
    signedInAs(citizen)
    renderApp()

    expect(await screen.findByTestId('greeting')).toHaveTextContent('您好，张三')
  })

  it('names a clerk department in the current language', async () => {
    signedInAs(clerk)
    const { user } = renderApp()

    expect(await screen.findByTestId('greeting')).toHaveTextContent('所属部门：教育局')
    await user.click(screen.getByTestId('lang-switch'))
    expect(screen.getByTestId('greeting')).toHaveTextContent('Hello, 李四')
    expect(screen.getByTestId('greeting')).toHaveTextContent('Department: Education Bureau')
  })

  it('takes a search to the services page', async () => {
    signedOut()
    const { user, router } = renderApp()

    await user.type(await screen.findByRole('searchbox', { name: '搜索服务事项' }), '入学登记{Enter}')

    expect(router.state.location.pathname).toBe('/services')
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('入学登记')
  })

  it('has a skip link to the main content and the page landmarks', async () => {
    signedOut()
    const { user } = renderApp()
    await screen.findByTestId('login-button')

    await user.tab()
    const skip = screen.getByRole('link', { name: '跳到主要内容' })
    expect(skip).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('main')).toHaveFocus()

    expect(screen.getByRole('banner')).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument()
    expect(screen.getByRole('contentinfo')).toHaveTextContent('演示系统 · 示范账号仅用于演示')
  })

  it('answers an unknown address with a translated not-found page', async () => {
    signedOut()
    renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument()
  })
})
