import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import i18n from '@/i18n'
import {
  citizen,
  json,
  marketAdmin,
  mockBackend,
  problemDetail,
  renderApp,
  requestUrl,
  type Handlers,
} from '@/testing/test-utils'
import { catalogHandlers } from '@/testing/catalog-fixtures'
import { adminServices, dryRunReport, mappedDryRunReport, migrationReport } from '../testing/fixtures'
import type { MigrationRequest } from '../types'
// The route loads the page on demand: imported here, its code loads with this file instead of
// inside the first test's time.
import './MigrationPage'
import './WorkflowAdminPage'

const BASE = '/api/v1/workflow-admin/services/food-business-licence/migrations'
const PAGE = '/admin/workflows/food-business-licence/migrations'

function serve(handlers: Handlers = {}) {
  const fetchMock = mockBackend(() => json(marketAdmin), {
    ...catalogHandlers(),
    '/api/v1/workflow-admin/services': () => json(adminServices),
    [`${BASE}/dry-run`]: (_, init) => {
      const request = JSON.parse(String(init?.body)) as MigrationRequest
      return json(request.stepMapping.review === 'decision' ? mappedDryRunReport : dryRunReport)
    },
    [BASE]: () => json(migrationReport),
    ...handlers,
  })
  return fetchMock
}

function posted(fetchMock: ReturnType<typeof mockBackend>, path: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => requestUrl(input).pathname === path && init?.method === 'POST')
    .map(([, init]) => JSON.parse(String(init?.body)))
}

function servicesRequests(fetchMock: ReturnType<typeof mockBackend>): number {
  return fetchMock.mock.calls.filter(([input]) => requestUrl(input).pathname === '/api/v1/workflow-admin/services')
    .length
}

function rows() {
  return within(screen.getByTestId('migration-table')).getAllByTestId('migration-row')
}

describe('moving running applications to a new version (迁移在办件)', () => {
  it('is reached from workflow management and lists, after a dry run, where each application lands and what blocks it', async () => {
    const fetchMock = serve()
    const { user } = renderApp('/admin/workflows')
    const food = await screen.findByRole('article', { name: '食品经营许可' })
    // a service with one version has nothing to move to
    expect(within(screen.getByRole('article', { name: '企业开办' })).queryByText('迁移在办件')).not.toBeInTheDocument()
    await user.click(within(food).getByRole('link', { name: '迁移“食品经营许可”的在办件' }))

    expect(await screen.findByRole('heading', { level: 1, name: '迁移在办件' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('迁移在办件 · 通办 · 一网通办'))
    expect(screen.getByTestId('migration-service')).toHaveTextContent('事项：食品经营许可（food-business-licence）')
    // the oldest version with running applications, to the next one
    const from = await screen.findByRole('combobox', { name: '从版本' })
    expect(from).toHaveValue('1')
    expect(within(from).getByRole('option', { name: '第 1 版（1 件在办）' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: '迁移到' })).toHaveValue('2')

    await user.click(screen.getByRole('button', { name: '试运行' }))

    expect(await screen.findByTestId('migration-summary')).toHaveTextContent(
      '第 1 版 → 第 2 版：1 件可以迁移，2 件受阻。试运行没有改变任何办件。',
    )
    expect(posted(fetchMock, `${BASE}/dry-run`)).toEqual([{ fromVersion: 1, toVersion: 2, stepMapping: {} }])
    expect(screen.getByRole('heading', { level: 2, name: '试运行结果' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: '各办件的迁移情况' })
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '办件编号',
      '当前环节',
      '迁移后环节',
      '结果',
      '原因',
    ])
    const [ready, removed, refused] = rows()
    expect(within(ready!).getByRole('rowheader')).toHaveTextContent('20260301-AAAAAA')
    expect(ready).toHaveTextContent('受理 (acceptance)')
    expect(ready).toHaveTextContent('可以迁移')
    expect(within(removed!).getByRole('rowheader')).toHaveTextContent('20260301-BBBBBB')
    expect(removed).toHaveTextContent('审查决定 (review)')
    expect(removed).toHaveTextContent('受阻')
    expect(removed).toHaveTextContent('办理环节“审查决定”（review）在第 2 版中已不存在')
    expect(refused).toHaveTextContent('受理 (acceptance) · 补正中')
    expect(refused).toHaveTextContent('请填写“联系电话”')

    // the mapping: steps with the same id correspond, the others go nowhere until chosen
    const mapping = screen.getByRole('table', { name: '第 1 版到第 2 版的环节映射' })
    expect(within(mapping).getByRole('combobox', { name: '“受理 (acceptance)”在第 2 版中的对应环节' })).toHaveValue(
      'acceptance',
    )
    expect(within(mapping).getByRole('combobox', { name: '“审查决定 (review)”在第 2 版中的对应环节' })).toHaveValue('')
    expect(screen.getByRole('button', { name: '迁移 1 件办件' })).toBeEnabled()
  })

  it('maps a renamed step, runs the dry run again and migrates after confirmation', async () => {
    const fetchMock = serve()
    const { user } = renderApp(PAGE)
    await user.click(await screen.findByRole('button', { name: '试运行' }))
    await screen.findByTestId('migration-table')

    await user.selectOptions(
      screen.getByRole('combobox', { name: '“审查决定 (review)”在第 2 版中的对应环节' }),
      'decision',
    )
    // what the table shows no longer answers the mapping: migrate only after looking again
    expect(screen.getByTestId('mapping-changed')).toHaveTextContent('映射已修改：请重新试运行，确认结果后再迁移。')
    expect(screen.getByTestId('migrate-button')).toBeDisabled()
    await user.click(screen.getByRole('button', { name: '按此映射重新试运行' }))
    await waitFor(() =>
      expect(screen.getByTestId('migration-summary')).toHaveTextContent('2 件可以迁移，1 件受阻'),
    )
    expect(posted(fetchMock, `${BASE}/dry-run`).at(-1)).toEqual({
      fromVersion: 1,
      toVersion: 2,
      stepMapping: { review: 'decision' },
    })
    expect(rows()[1]).toHaveTextContent('审查决定 (decision)')
    expect(screen.queryByTestId('mapping-changed')).not.toBeInTheDocument()

    const before = servicesRequests(fetchMock)
    await user.click(screen.getByRole('button', { name: '迁移 2 件办件' }))
    expect(await screen.findByText('确认把 2 件办件迁移到第 2 版？')).toBeInTheDocument()
    expect(posted(fetchMock, BASE)).toEqual([])
    await user.click(screen.getByRole('button', { name: '确认迁移' }))

    await waitFor(() =>
      expect(screen.getByTestId('migration-summary')).toHaveTextContent(
        '已把 2 件办件迁移到第 2 版；1 件没有迁移，保持原状，原因见下表。',
      ),
    )
    expect(posted(fetchMock, BASE)).toEqual([{ fromVersion: 1, toVersion: 2, stepMapping: { review: 'decision' } }])
    expect(screen.getByRole('heading', { level: 2, name: '迁移结果' })).toBeInTheDocument()
    expect(rows().map((row) => within(row).getAllByRole('cell')[2]!.textContent)).toEqual([
      '已迁移',
      '已迁移',
      '受阻',
    ])
    expect(screen.queryByTestId('migrate-button')).not.toBeInTheDocument()
    // the running counts per version are asked for again
    await waitFor(() => expect(servicesRequests(fetchMock)).toBeGreaterThan(before))
  })

  it('explains a refused request in the server’s words and changes nothing on the page', async () => {
    serve({
      [`${BASE}/dry-run`]: () =>
        problemDetail(400, '迁移请求有误', '请按下列提示修改版本或环节映射后再试，在办件没有任何改变。', {
          errors: [{ field: 'toVersion', message: '没有第 3 版：这项服务已发布第 1 至第 2 版。' }],
        }),
    })
    const { user } = renderApp(PAGE)
    await user.click(await screen.findByRole('button', { name: '试运行' }))

    const alert = await screen.findByTestId('migration-error')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(alert).toHaveTextContent('迁移请求有误')
    expect(alert).toHaveTextContent('没有第 3 版：这项服务已发布第 1 至第 2 版。')
    expect(screen.queryByTestId('migration-result')).not.toBeInTheDocument()
  })

  it('speaks English', async () => {
    await i18n.changeLanguage('en-US')
    serve()
    const { user } = renderApp(PAGE)

    expect(await screen.findByRole('heading', { level: 1, name: 'Move running applications' })).toBeInTheDocument()
    expect(await screen.findByRole('combobox', { name: 'From version' })).toHaveValue('1')
    expect(screen.getByRole('option', { name: 'Version 1 (1 running)' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Dry run' }))

    expect(await screen.findByTestId('migration-summary')).toHaveTextContent(
      'Version 1 → version 2: 1 can move, 2 blocked. The dry run changed nothing.',
    )
    expect(rows()[0]).toHaveTextContent('Acceptance (acceptance)')
    expect(rows()[0]).toHaveTextContent('Can move')
    expect(rows()[2]).toHaveTextContent('being corrected')
    expect(screen.getByRole('combobox', { name: 'What "Review and decision (review)" becomes in version 2' }))
      .toHaveValue('')
    expect(screen.getByRole('button', { name: 'Move 1 application' })).toBeEnabled()
  })

  it('is not for citizens', async () => {
    const fetchMock = mockBackend(() => json(citizen))
    renderApp(PAGE)

    expect(await screen.findByTestId('staff-forbidden')).toHaveTextContent('此页面仅供部门管理员或平台管理员使用')
    expect(
      fetchMock.mock.calls.some(([input]) => requestUrl(input).pathname.startsWith('/api/v1/workflow-admin')),
    ).toBe(false)
  })
})
