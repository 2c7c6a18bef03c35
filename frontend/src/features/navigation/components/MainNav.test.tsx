import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Me } from '@/lib/auth'
import { citizen, clerk, renderApp, signedInAs, signedOut } from '@/testing/test-utils'

async function navLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: '主导航' })
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '')
}

async function renderSignedIn(person: Me) {
  signedInAs(person)
  const view = renderApp()
  await screen.findByTestId('user-name')
  return view
}

describe('the main navigation', () => {
  it('shows the workbench to clerks only', async () => {
    await renderSignedIn(clerk)
    expect(await navLinks()).toEqual(['首页', '办事服务', '工作台'])
  })

  it('shows services, my applications, certificates and data use to citizens, and no workbench', async () => {
    await renderSignedIn(citizen)
    const links = await navLinks()
    expect(links).toEqual(['首页', '办事服务', '我的办件', '我的证照', '数据使用记录'])
    expect(links).not.toContain('工作台')
  })

  it('shows each administrator their own section, and department admins their workbench', async () => {
    await renderSignedIn({ ...clerk, roles: ['dept-admin', 'admin'] })
    expect(await navLinks()).toEqual(['首页', '办事服务', '工作台', '流程管理', '证照管理', '差评整改', '平台管理'])
  })

  it('shows platform admins the workflow administration too', async () => {
    await renderSignedIn({ ...clerk, roles: ['admin'] })
    expect(await navLinks()).toEqual(['首页', '办事服务', '流程管理', '差评整改', '平台管理'])
  })

  it('shows visitors who are not signed in the home page and the public catalogue only', async () => {
    signedOut()
    renderApp()
    await screen.findByTestId('login-button')
    expect(await navLinks()).toEqual(['首页', '办事服务'])
  })

  it('marks the current page and opens its section', async () => {
    const { user } = await renderSignedIn(clerk)
    const nav = screen.getByRole('navigation', { name: '主导航' })

    await user.click(within(nav).getByRole('link', { name: '工作台' }))

    // The workbench's code loads on demand.
    expect(await screen.findByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: '工作台' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(document.title).toBe('工作台 · 通办 · 一网通办')
  })
})
