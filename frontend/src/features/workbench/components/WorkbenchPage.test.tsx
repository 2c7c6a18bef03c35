import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizen, mockBackend, json, renderApp, requestUrl } from '@/testing/test-utils'
import {
  COLLEAGUE,
  fakeWorkbench,
  marketClerk,
  problemDetail,
  queueItems,
} from '../testing/fixtures'
// The route loads the workbench on demand: imported here, its code loads with this file instead of
// inside the first test's time.
import './WorkbenchPage'

function serveAs(me: typeof marketClerk, fake: ReturnType<typeof fakeWorkbench>) {
  return mockBackend(() => json(me), fake.handlers)
}

/** The application numbers of the rows, top to bottom. */
function shownNumbers(): string[] {
  const table = screen.getByTestId('queue-table')
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '')
}

async function openQueue(path = '/workbench') {
  const view = renderApp(path)
  await screen.findByTestId('queue-table')
  return view
}

function queueRequests(fetchMock: ReturnType<typeof mockBackend>): Record<string, string>[] {
  return fetchMock.mock.calls
    .map(([input]) => requestUrl(input))
    .filter((url) => url.pathname === '/api/v1/workbench/tasks')
    .map((url) => Object.fromEntries(url.searchParams))
}

describe('the workbench (工作台)', () => {
  it('shows the counts per light as chips with words and icons, and the rows in the order the backend sorted them', async () => {
    const fake = fakeWorkbench(marketClerk)
    const fetchMock = serveAs(marketClerk, fake)
    await openQueue()

    expect(screen.getByRole('heading', { level: 1, name: '工作台' })).toBeInTheDocument()
    expect(document.title).toBe('工作台 · 通办 · 一网通办')
    expect(queueRequests(fetchMock)[0]).toEqual({ page: '0', size: '20' })

    const chips = screen.getByRole('radiogroup', { name: '时限状态' })
    expect(
      within(chips)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual(['全部 3', '正常 1', '临期 1', '超期 1'])
    expect(within(chips).getByRole('radio', { name: '全部 3' })).toBeChecked()
    // Not colour alone: every chip carries an icon besides its word.
    expect(screen.getByTestId('light-chip-RED').querySelector('.anticon')).not.toBeNull()

    expect(shownNumbers()).toEqual(['TB-2026-000101', 'TB-2026-000102', 'TB-2026-000103'])
    expect(screen.getByTestId('queue-count')).toHaveTextContent('共 3 件待办')

    const red = screen.getByTestId('task-row-inst-red-acceptance')
    const cells = within(red).getAllByRole('cell').map((cell) => cell.textContent)
    expect(cells[0]).toBe('食品经营许可')
    expect(cells[1]).toBe('受理市场监督管理局')
    expect(cells[2]).toBe('王五餐饮有限公司')
    expect(cells[3]).toContain('超期')
    expect(cells[3]).toContain('已超期 2 天')
    expect(cells[4]).toContain('待认领')
    expect(within(red).getByTestId('light')).toHaveAttribute('data-light', 'RED')

    const yellow = screen.getByTestId('task-row-inst-yellow-acceptance')
    expect(yellow).toHaveTextContent('临期')
    expect(yellow).toHaveTextContent('剩余 5 小时')
    const green = screen.getByTestId('task-row-inst-green-review')
    expect(green).toHaveTextContent('审查决定')
    expect(green).toHaveTextContent('剩余 3 天')
    expect(within(green).getByRole('link', { name: 'TB-2026-000103' })).toHaveAttribute(
      'href',
      '/workbench/inst-green/review',
    )
  })

  it('filters by light, service and "claimed by me" through the URL and the API', async () => {
    const fake = fakeWorkbench(marketClerk)
    const fetchMock = serveAs(marketClerk, fake)
    const { user, router } = await openQueue()

    const overdue = within(screen.getByRole('radiogroup', { name: '时限状态' })).getByRole('radio', {
      name: '超期 1',
    })
    await user.click(overdue.closest('label')!)

    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ light: 'RED' })
    await waitFor(() => expect(queueRequests(fetchMock).at(-1)).toEqual({ light: 'RED', page: '0', size: '20' }))
    await waitFor(() => expect(shownNumbers()).toEqual(['TB-2026-000101']))
    expect(screen.getByTestId('queue-count')).toHaveTextContent('共 1 件待办')
    // The counts stay those of the whole queue.
    expect(screen.getByTestId('light-chip-GREEN')).toHaveTextContent('正常 1')

    await user.click(screen.getByRole('switch', { name: '只看我认领的' }))
    await waitFor(() =>
      expect(queueRequests(fetchMock).at(-1)).toEqual({ light: 'RED', mine: 'true', page: '0', size: '20' }),
    )
    expect(await screen.findByTestId('queue-empty')).toHaveTextContent('没有符合条件的待办')

    await user.click(screen.getByRole('button', { name: '清除筛选条件' }))
    expect(router.state.location.search).toBe('')
    await waitFor(() => expect(shownNumbers()).toHaveLength(3))

    await user.click(screen.getByRole('combobox', { name: '事项' }))
    await user.click(await screen.findByTitle('食品经营许可'))
    await waitFor(() =>
      expect(queueRequests(fetchMock).at(-1)).toEqual({
        service: 'food-business-licence',
        page: '0',
        size: '20',
      }),
    )
  })

  it('finds an application by (part of) its number or the applicant, through the URL and the API', async () => {
    const fake = fakeWorkbench(marketClerk)
    const fetchMock = serveAs(marketClerk, fake)
    const { user, router } = await openQueue()

    const search = screen.getByRole('searchbox', { name: '办件编号或申请人' })
    await user.type(search, ' 000102 ')
    await user.click(screen.getByRole('button', { name: /查找/ }))

    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ q: '000102' })
    await waitFor(() => expect(queueRequests(fetchMock).at(-1)).toEqual({ q: '000102', page: '0', size: '20' }))
    await waitFor(() => expect(shownNumbers()).toEqual(['TB-2026-000102']))

    // nothing found: the filters can be cleared, the box too
    await user.clear(screen.getByRole('searchbox', { name: '办件编号或申请人' }))
    await user.type(screen.getByRole('searchbox', { name: '办件编号或申请人' }), '赵六{Enter}')
    expect(await screen.findByTestId('queue-empty')).toHaveTextContent('没有符合条件的待办')
    await user.click(screen.getByRole('button', { name: '清除筛选条件' }))
    expect(router.state.location.search).toBe('')
    await waitFor(() => expect(shownNumbers()).toHaveLength(3))
    expect(screen.getByRole('searchbox', { name: '办件编号或申请人' })).toHaveValue('')
  })

  it('claims a task: posts to its claim endpoint with the CSRF token, then shows it as mine with a release button', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/'
    const fake = fakeWorkbench(marketClerk)
    const fetchMock = serveAs(marketClerk, fake)
    const { user } = await openQueue()

    const row = screen.getByTestId('task-row-inst-yellow-acceptance')
    await user.click(within(row).getByRole('button', { name: '认领办件 TB-2026-000102' }))

    await waitFor(() => expect(within(row).getByTestId('claim-status')).toHaveTextContent('我已认领'))
    const claim = fetchMock.mock.calls.find(
      ([input]) => requestUrl(input).pathname === '/api/v1/workbench/tasks/inst-yellow/acceptance/claim',
    )
    expect(claim?.[1]).toMatchObject({ method: 'POST', headers: expect.objectContaining({ 'X-XSRF-TOKEN': 'token-123' }) })
    expect(within(row).getByRole('button', { name: '释放办件 TB-2026-000102' })).toBeInTheDocument()
    expect(within(row).queryByRole('button', { name: /^认领/ })).not.toBeInTheDocument()
    expect(screen.getByTestId('claim-notice')).toHaveTextContent('已认领办件 TB-2026-000102')
    // The other rows are untouched.
    expect(within(screen.getByTestId('task-row-inst-red-acceptance')).getByTestId('claim-status')).toHaveTextContent(
      '待认领',
    )

    await user.click(within(row).getByRole('button', { name: '释放办件 TB-2026-000102' }))
    await waitFor(() => expect(within(row).getByTestId('claim-status')).toHaveTextContent('待认领'))
    expect(fake.requests.map((request) => `${request.method} ${requestUrl(request.url).pathname}`)).toContain(
      'POST /api/v1/workbench/tasks/inst-yellow/acceptance/release',
    )
  })

  it("shows the server's own words when a colleague claimed the task first", async () => {
    const items = queueItems()
    const fake = fakeWorkbench(marketClerk, {
      items,
      override: {
        '/api/v1/workbench/tasks/inst-red/acceptance/claim': () =>
          problemDetail(409, '已由其他工作人员认领', '这个环节已被同事认领，只有认领人可以办理。'),
      },
    })
    serveAs(marketClerk, fake)
    const { user } = await openQueue()

    // Meanwhile a colleague claims it; the queue, asked again after the failure, says so.
    items[0]!.claimedBy = COLLEAGUE
    await user.click(screen.getByRole('button', { name: '认领办件 TB-2026-000101' }))

    const alert = await screen.findByTestId('claim-error')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(alert).toHaveTextContent('已由其他工作人员认领')
    expect(alert).toHaveTextContent('这个环节已被同事认领，只有认领人可以办理。')
    const row = screen.getByTestId('task-row-inst-red-acceptance')
    await waitFor(() => expect(within(row).getByTestId('claim-status')).toHaveTextContent('同事已认领'))
    expect(within(row).queryByRole('button')).not.toBeInTheDocument()
  })

  it('opens the task when a row is clicked', async () => {
    const fake = fakeWorkbench(marketClerk)
    serveAs(marketClerk, fake)
    const { user, router } = await openQueue()

    await user.click(within(screen.getByTestId('task-row-inst-red-acceptance')).getByText('王五餐饮有限公司'))

    expect(router.state.location.pathname).toBe('/workbench/inst-red/acceptance')
    expect(await screen.findByRole('heading', { level: 1, name: '食品经营许可 · 受理' })).toBeInTheDocument()
  })

  it('speaks English after switching language', async () => {
    const fake = fakeWorkbench(marketClerk)
    serveAs(marketClerk, fake)
    const { user } = await openQueue()

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByRole('heading', { level: 1, name: 'Workbench' })).toBeInTheDocument()
    expect(screen.getByRole('radiogroup', { name: 'Deadline' })).toHaveTextContent('Overdue 1')
    const red = screen.getByTestId('task-row-inst-red-acceptance')
    expect(red).toHaveTextContent('Food business licence')
    expect(red).toHaveTextContent('Acceptance')
    expect(red).toHaveTextContent('Overdue by 2 days')
    expect(red).toHaveTextContent('Not claimed')
    expect(screen.getByTestId('queue-count')).toHaveTextContent('3 tasks')
  })

  it('tells a citizen the page is not for them, without asking for the queue', async () => {
    const fetchMock = mockBackend(() => json(citizen))
    renderApp('/workbench')

    expect(await screen.findByTestId('staff-forbidden')).toHaveTextContent('此页面仅供窗口人员或部门管理员使用')
    expect(queueRequests(fetchMock)).toEqual([])
  })
})
