import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizen, json, renderApp, requestUrl, signedInAs, signedOut } from '@/testing/test-utils'
import type { DataUse } from '../types'

const PATH = '/api/v1/me/data-uses'

function use(overrides: Partial<DataUse> = {}): DataUse {
  return {
    id: 1,
    at: '2026-12-01T02:30:00Z',
    department: 'public-security',
    kind: 'exchange-read',
    purpose: '出生登记：核对父母户籍',
    dataset: 'household-register',
    fields: ['name', 'address'],
    applicationNumber: 'TB-20261201-000001',
    enterprise: false,
    ...overrides,
  }
}

const departments = [
  { code: 'public-security', nameZh: '公安局', nameEn: 'Public Security Bureau' },
  { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health Commission' },
]

const backend = (uses: DataUse[]) => ({
  [PATH]: () => json(uses),
  '/api/v1/departments': () => json(departments),
  '/api/v1/exchange/catalogue': () =>
    json([
      {
        code: 'household-register',
        name: { zh: '户籍信息', en: 'Household register' },
        fields: [
          { code: 'name', title: { zh: '姓名', en: 'Name' } },
          { code: 'address', title: { zh: '户籍地址', en: 'Registered address' } },
        ],
      },
    ]),
  '/api/v1/applications': () =>
    json({ items: [{ id: 'app-1', number: 'TB-20261201-000001' }], page: 0, size: 100, total: 1 }),
})

describe('my data use record (我的数据使用记录)', () => {
  it('lists every use: when, department, what data, purpose and the application, never the official', async () => {
    signedInAs(citizen, backend([use(), use({ id: 2, kind: 'task-opened', department: 'health', dataset: null, fields: [], applicationNumber: null, purpose: null })]))
    renderApp('/my/data-uses')

    const table = await screen.findByRole('table', { name: '我的数据使用记录' })
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '时间',
      '部门',
      '使用方式',
      '使用的数据',
      '用途',
      '相关办件',
    ])
    const [first, second] = within(table).getAllByRole('row').slice(1)
    expect(first).toHaveTextContent('公安局')
    expect(first).toHaveTextContent('从其他部门共享数据')
    expect(await within(first!).findByText('户籍信息：姓名、户籍地址')).toBeInTheDocument()
    expect(first).toHaveTextContent('出生登记：核对父母户籍')
    expect(await within(first!).findByRole('link', { name: '查看办件 TB-20261201-000001' })).toHaveAttribute(
      'href',
      '/my/applications/app-1',
    )
    expect(second).toHaveTextContent('卫生健康委员会')
    expect(second).toHaveTextContent('办件中填写的信息')
  })

  it('filters by period and department, asking the backend with dates', async () => {
    const fetchMock = signedInAs(citizen, backend([]))
    const { user } = renderApp('/my/data-uses')

    expect(await screen.findByTestId('no-data-uses')).toHaveTextContent('还没有部门使用过您的数据')
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-11-01' } })
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-11-30' } })
    await screen.findByRole('option', { name: '公安局' })
    await user.selectOptions(screen.getByLabelText('部门'), 'public-security')
    await user.click(screen.getByRole('button', { name: '筛选' }))

    expect(await screen.findByText('这段时间内没有部门使用过您的数据。')).toBeInTheDocument()
    const asked = fetchMock.mock.calls.map(([input]) => requestUrl(input)).filter((url) => url.pathname === PATH)
    expect(Object.fromEntries(asked.at(-1)!.searchParams)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      department: 'public-security',
    })
  })

  it('refuses a period that ends before it starts', async () => {
    signedInAs(citizen, backend([]))
    const { user } = renderApp('/my/data-uses')
    await screen.findByTestId('no-data-uses')
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-12-01' } })
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2026-11-01' } })
    await user.click(screen.getByRole('button', { name: '筛选' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('开始日期不能晚于结束日期。')
  })

  it('pages through a long record', async () => {
    const many = Array.from({ length: 25 }, (_, index) => use({ id: index + 1, applicationNumber: null }))
    signedInAs(citizen, backend(many))
    const { user } = renderApp('/my/data-uses')

    const table = await screen.findByRole('table', { name: '我的数据使用记录' })
    expect(within(table).getAllByRole('row')).toHaveLength(21)
    const pager = screen.getByRole('navigation', { name: '数据使用记录分页' })
    expect(pager).toHaveTextContent('第 1 / 2 页')
    await user.click(within(pager).getByRole('button', { name: '下一页' }))
    expect(await screen.findByText('第 2 / 2 页')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: '我的数据使用记录' })).getAllByRole('row')).toHaveLength(6)
  })

  it('asks visitors to sign in', async () => {
    signedOut()
    renderApp('/my/data-uses')
    expect(await screen.findByTestId('sign-in-prompt')).toHaveTextContent('登录后即可查看')
  })
})
