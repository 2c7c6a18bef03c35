import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  APPLICATION_ID,
  NUMBER,
  applicationBackend,
  draft,
} from '@/testing/application-fixtures'
import { citizen, json, renderApp, requestUrl, signedInAs, signedOut } from '@/testing/test-utils'

const summary = (overrides: Parameters<typeof draft>[0]) =>
  draft({ formData: null, prefilledFields: null, timeline: null, currentSteps: null, attachments: null, ...overrides })

describe('my applications (我的办件)', () => {
  it('lists each application with its number, service, translated status and dates; drafts continue', async () => {
    const list = [
      summary({ id: 'draft-1', updatedAt: '2026-11-27T01:00:00Z' }),
      summary({
        id: APPLICATION_ID,
        number: NUMBER,
        status: 'in-progress',
        submittedAt: '2026-11-27T02:00:00Z',
        expectedCompletion: '2026-12-18',
      }),
      summary({ id: 'done-1', number: 'TB-20261001-000007', status: 'approved', submittedAt: '2026-10-01T02:00:00Z', expectedCompletion: '2026-10-22' }),
      summary({ id: 'corr-1', number: 'TB-20261120-000042', status: 'correction', submittedAt: '2026-11-20T02:00:00Z' }),
      summary({ id: 'wd-1', number: 'TB-20261110-000031', status: 'withdrawn', submittedAt: '2026-11-10T02:00:00Z' }),
    ]
    signedInAs(citizen, applicationBackend({ list }).handlers)
    renderApp('/my/applications')

    const table = await screen.findByRole('table', { name: '我的办件' })
    expect(document.title).toBe('我的办件 · 通办 · 一网通办')
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '办件编号',
      '事项名称',
      '状态',
      '提交时间',
      '预计办结',
      '操作',
    ])
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByTestId('status-tag').textContent)).toEqual([
      '草稿',
      '办理中',
      '已办结',
      '待补正',
      '已撤回',
    ])

    const [draftRow, running] = rows
    expect(draftRow).toHaveTextContent('尚未提交')
    expect(draftRow).toHaveTextContent('小学入学登记')
    expect(within(draftRow!).getByRole('link', { name: '继续填写：小学入学登记' })).toHaveAttribute(
      'href',
      '/services/primary-school-enrolment/apply?application=draft-1',
    )
    expect(within(running!).getByRole('rowheader')).toHaveTextContent(NUMBER)
    expect(running).toHaveTextContent('2026年11月27日')
    expect(running).toHaveTextContent('2026年12月18日')
    expect(within(running!).getByRole('link', { name: `查看详情：${NUMBER}` })).toHaveAttribute(
      'href',
      `/my/applications/${APPLICATION_ID}`,
    )
  })

  it('says so when there is nothing yet, and where to start', async () => {
    signedInAs(citizen, applicationBackend({ list: [] }).handlers)
    renderApp('/my/applications')

    expect(await screen.findByTestId('no-applications')).toHaveTextContent('您还没有办件。')
    expect(screen.getByRole('link', { name: '去办事服务查找事项' })).toHaveAttribute('href', '/services')
  })

  it('shows the statuses in English too', async () => {
    signedInAs(citizen, applicationBackend({ list: [summary({ status: 'correction', number: NUMBER })] }).handlers)
    const { user } = renderApp('/my/applications')
    await screen.findByRole('table', { name: '我的办件' })

    await user.click(screen.getByTestId('lang-switch'))

    const table = screen.getByRole('table', { name: 'My applications' })
    expect(within(table).getByTestId('status-tag')).toHaveTextContent('Correction needed')
    expect(within(table).getByRole('link', { name: `View ${NUMBER}` })).toBeInTheDocument()
  })

  it('pages through many applications and filters by status, the backend doing both', async () => {
    const asked: URLSearchParams[] = []
    const handlers = {
      ...applicationBackend().handlers,
      '/api/v1/applications': (url: string) => {
        const query = requestUrl(url).searchParams
        asked.push(query)
        const page = Number(query.get('page'))
        const items = Array.from({ length: page === 2 ? 5 : 20 }, (_, index) =>
          summary({ id: `app-${page}-${index}`, number: `TB-20261101-${String(page * 20 + index).padStart(6, '0')}`, status: 'approved' }),
        )
        return json({ items, page, size: 20, total: 45 })
      },
    }
    signedInAs(citizen, handlers)
    const { user, router } = renderApp('/my/applications?status=approved')

    const table = await screen.findByRole('table', { name: '我的办件' })
    expect(within(table).getAllByRole('row')).toHaveLength(21)
    expect(asked[0]?.get('status')).toBe('approved')
    expect(asked[0]?.get('page')).toBe('0')
    expect(asked[0]?.get('size')).toBe('20')
    expect(screen.getByText('共 45 件')).toBeInTheDocument()

    await user.click(screen.getByRole('listitem', { name: '3' }))
    expect(await screen.findByText('TB-20261101-000040')).toBeInTheDocument()
    expect(asked.at(-1)?.get('page')).toBe('2')
    expect(asked.at(-1)?.get('status')).toBe('approved')
    expect(router.state.location.search).toBe('?status=approved&page=3')
  })

  it('asks a visitor to sign in first', async () => {
    signedOut(applicationBackend().handlers)
    renderApp('/my/applications')

    const prompt = await screen.findByTestId('sign-in-prompt')
    expect(prompt).toHaveTextContent('登录后即可查看您的办件。')
    expect(within(prompt).getByRole('link', { name: '登录' })).toHaveAttribute('href', '/login')
  })
})
