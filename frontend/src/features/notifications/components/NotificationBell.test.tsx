import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { catalogHandlers } from '@/testing/catalog-fixtures'
import { json, marketClerk, mockBackend, renderApp, requestUrl, unauthorized } from '@/testing/test-utils'
import type { NotificationEntry } from '../types'

const entries: NotificationEntry[] = [
  {
    id: 'n3',
    kind: 'task-reassigned-to-you',
    applicationId: 'app-1',
    instanceId: 'inst-red',
    step: 'acceptance',
    department: null,
    title: '改派给您的任务：TB-2026-000101',
    body: '部门管理员已将办件 TB-2026-000101（食品经营许可）的“受理”环节改派给您，请在工作台办理。 原因：原认领人休假',
    createdAt: '2026-03-05T02:00:00Z',
    read: false,
  },
  {
    id: 'n2',
    kind: 'time-limit-warning',
    applicationId: 'app-2',
    instanceId: 'inst-yellow',
    step: 'acceptance',
    department: 'market-regulation',
    title: '即将超期：TB-2026-000102',
    body: '办件 TB-2026-000102（食品经营许可）的“受理”环节今天到期，请尽快办理。',
    createdAt: '2026-03-04T02:00:00Z',
    read: false,
  },
  {
    id: 'n1',
    kind: 'submitted',
    applicationId: 'app-3',
    title: '办件已提交：TB-2026-000103',
    body: '您申请的“食品经营许可”已提交。',
    createdAt: '2026-03-03T02:00:00Z',
    read: true,
  },
]

/** The notification API over a copy of `entries`, remembering what was marked read. */
function inbox() {
  const state = entries.map((entry) => ({ ...entry }))
  const posts: string[] = []
  const handlers = {
    ...catalogHandlers(),
    '/api/v1/notifications/unread-count': () => json({ unread: state.filter((e) => !e.read).length }),
    '/api/v1/notifications': () => json(state),
    '/api/v1/notifications/read': (url: string) => {
      posts.push(requestUrl(url).pathname)
      const marked = state.filter((e) => !e.read).length
      state.forEach((e) => (e.read = true))
      return json({ marked })
    },
    '/api/v1/notifications/n3/read': (url: string) => {
      posts.push(requestUrl(url).pathname)
      state[0]!.read = true
      return new Response(null, { status: 204 })
    },
  }
  return { state, posts, handlers }
}

describe('the notification bell (通知)', () => {
  it('is not shown to visitors who are not signed in', async () => {
    mockBackend(unauthorized)
    renderApp('/')
    await screen.findByTestId('login-button')
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument()
  })

  it('says how many are unread in its name, lists the newest first with links, and marks read', async () => {
    const fake = inbox()
    mockBackend(() => json(marketClerk), fake.handlers)
    const { user } = renderApp('/')

    const bell = await screen.findByRole('button', { name: '通知，2 条未读' })
    expect(bell).toHaveAttribute('aria-expanded', 'false')
    await user.click(bell)
    expect(bell).toHaveAttribute('aria-expanded', 'true')
    const panel = await screen.findByRole('region', { name: '最新通知' })
    const items = await within(panel).findAllByRole('listitem')
    expect(items.map((item) => within(item).getAllByText(/TB-2026/)[0]!.textContent)).toEqual([
      '改派给您的任务：TB-2026-000101',
      '即将超期：TB-2026-000102',
      '办件已提交：TB-2026-000103',
    ])
    expect(items[0]).toHaveTextContent('未读')
    expect(items[0]).toHaveTextContent('原因：原认领人休假')
    expect(items[1]).toHaveTextContent('部门通知：市场监督管理局')
    expect(items[2]).not.toHaveTextContent('未读')
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/workbench/inst-red/acceptance')
    expect(within(items[2]!).getByRole('link')).toHaveAttribute('href', '/my/applications/app-3')
    expect(within(items[0]!).getByText(/2026/, { selector: 'time' })).toHaveAttribute('dateTime', '2026-03-05T02:00:00Z')

    await user.click(within(items[0]!).getByRole('button', { name: '将“改派给您的任务：TB-2026-000101”标为已读' }))
    await screen.findByRole('button', { name: '通知，1 条未读' })
    expect(fake.posts).toEqual(['/api/v1/notifications/n3/read'])

    await user.click(within(panel).getByRole('button', { name: '全部标为已读' }))
    expect(await within(panel).findByRole('status')).toHaveTextContent('已将 1 条通知标为已读。')
    await screen.findByRole('button', { name: '通知，没有未读' })
    expect(fake.posts).toEqual(['/api/v1/notifications/n3/read', '/api/v1/notifications/read'])

    // Escape closes the panel and gives the focus back to the bell
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('aria-expanded', 'false'))
  })

  it('opens with the keyboard and leads to the full list', async () => {
    const fake = inbox()
    mockBackend(() => json(marketClerk), fake.handlers)
    const { user } = renderApp('/')
    const bell = await screen.findByRole('button', { name: '通知，2 条未读' })
    bell.focus()
    await user.keyboard('{Enter}')
    const panel = await screen.findByRole('region', { name: '最新通知' })
    await user.click(within(panel).getByRole('link', { name: '查看全部通知' }))
    await screen.findByRole('heading', { level: 1, name: '通知' })
    expect(await within(screen.getByTestId('notifications-page')).findAllByRole('listitem')).toHaveLength(3)
    expect(document.title).toContain('通知')
  })

  it('speaks English after switching language', async () => {
    const fake = inbox()
    mockBackend(() => json(marketClerk), fake.handlers)
    const { user } = renderApp('/')
    await screen.findByRole('button', { name: '通知，2 条未读' })
    await user.click(screen.getByRole('button', { name: /English/ }))
    await screen.findByRole('button', { name: 'Notifications, 2 unread' })
  })
})

describe('certificate notifications', () => {
  it('link to the certificate in the holder’s wallet', async () => {
    const certificateEntry: NotificationEntry = {
      id: 'c1',
      kind: 'certificate-issued',
      applicationId: 'app-3',
      certificate: 'TB-20261205-7KQ2M9XA',
      title: '电子证照已签发：出生医学证明',
      body: '证照已放入“我的证照”。',
      createdAt: '2026-12-05T02:00:00Z',
      read: false,
    }
    mockBackend(() => json(marketClerk), {
      ...catalogHandlers(),
      '/api/v1/notifications/unread-count': () => json({ unread: 1 }),
      '/api/v1/notifications': () => json([certificateEntry]),
    })
    renderApp('/notifications')

    expect(await screen.findByRole('link', { name: '电子证照已签发：出生医学证明' })).toHaveAttribute(
      'href',
      '/my/certificates/TB-20261205-7KQ2M9XA',
    )
  })
})
