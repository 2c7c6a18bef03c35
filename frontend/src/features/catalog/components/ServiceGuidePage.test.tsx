import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { catalogHandlers, diagrams, foodLicenceDetail } from '@/testing/catalog-fixtures'
import {
  citizen,
  json,
  problem,
  renderApp,
  requestUrl,
  signedInAs,
  signedOut,
} from '@/testing/test-utils'

// jsdom cannot lay out an SVG, so Mermaid itself is replaced: this one "draws" the text it gets,
// which lets the tests see which diagram (and in which language) reached the page.
const drawn = vi.hoisted(() => ({ texts: [] as string[], fail: false }))
vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: async (id: string, text: string) => {
      if (drawn.fail) throw new Error('Parse error on line 2')
      drawn.texts.push(text)
      const label = /state "([^"]+)"/.exec(text)?.[1] ?? ''
      return { svg: `<svg id="${id}" role="graphics-document document"><text>${label}</text></svg>` }
    },
  },
}))

const PAGE = `/services/${foodLicenceDetail.code}`

type FetchMock = ReturnType<typeof signedOut>

function diagramRequests(fetchMock: FetchMock): RequestInit[] {
  return fetchMock.mock.calls
    .filter(([input]) => requestUrl(input).pathname === foodLicenceDetail.diagramUrl)
    .map(([, init]) => init ?? {})
}

async function openGuide(path = PAGE) {
  const view = renderApp(path)
  await screen.findByRole('heading', { level: 1, name: '食品经营许可' })
  return view
}

describe('the guidance page (办事指南)', () => {
  it('says what the service is, who may apply, the promised time, the fee and the legal basis', async () => {
    drawn.fail = false
    signedOut(catalogHandlers())
    await openGuide()

    expect(document.title).toBe('办事指南 · 通办 · 一网通办')
    const breadcrumb = screen.getByRole('navigation', { name: '当前位置' })
    expect(within(breadcrumb).getByRole('link', { name: '办事服务' })).toHaveAttribute('href', '/services')
    expect(within(breadcrumb).getByRole('link', { name: '企业开办与经营' })).toHaveAttribute(
      'href',
      '/services?category=enterprise',
    )
    expect(screen.getByRole('region', { name: '事项简介' })).toHaveTextContent(
      '在本市从事食品销售、餐饮服务或开办单位食堂，应当先取得食品经营许可证。',
    )

    const facts = screen.getByTestId('service-facts')
    const fact = (term: string) => within(facts).getByText(term).nextElementSibling
    expect(fact('服务对象')).toHaveTextContent('法人办事')
    expect(fact('服务分类')).toHaveTextContent('企业开办与经营')
    expect(fact('承诺时限')).toHaveTextContent('10 个工作日')
    expect(fact('收费标准')).toHaveTextContent('不收费')
    expect(fact('实施部门')).toHaveTextContent('市场监督管理局')
    expect(fact('办理部门')).toHaveTextContent('市场监督管理局')
    expect(fact('办理结果')).toHaveTextContent('电子证照：食品经营许可证')
    expect(fact('法定依据')).toHaveTextContent('《中华人民共和国食品安全法》第三十五条')
  })

  it('lists the materials in a table: name, required or optional, formats and size limit', async () => {
    signedOut(catalogHandlers())
    await openGuide()

    const table = screen.getByRole('table', { name: '申请材料' })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['材料名称', '是否必需', '文件格式', '大小上限'])
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent,
        ...within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ])
    expect(rows).toEqual([
      ['营业执照 免提交 同意后由市场监督管理局的企业登记信息代替', '必需', 'PDF、JPG', '不超过 10 MB'],
      ['经营场所平面图及设备布局图', '必需', 'PDF、JPG、PNG', '不超过 10 MB'],
      ['授权委托书及受托人身份证件', '可选', 'PDF', '不超过 5 MB'],
    ])

    // what departments provide instead (免提交), who holds it and why it is read
    const shared = screen.getByRole('table', { name: '由政府部门提供的数据' })
    expect(within(shared).getByRole('row', { name: /企业登记信息 市场监督管理局 核对经营者主体资格/ })).toBeInTheDocument()
  })

  it('lists the steps in order, with their department and time limit', async () => {
    signedOut(catalogHandlers())
    await openGuide()

    const steps = within(screen.getByRole('list', { name: '办理流程' })).getAllByRole('listitem')
    expect(steps).toHaveLength(4)
    expect(steps[0]).toHaveTextContent('受理')
    expect(steps[0]).toHaveTextContent('审核环节')
    expect(steps[0]).toHaveTextContent('办理部门：市场监督管理局')
    expect(steps[0]).toHaveTextContent('办理时限：1 个工作日')
    expect(steps[1]).toHaveTextContent('是否需要现场核查')
    expect(steps[1]).toHaveTextContent('条件判断')
    expect(steps[1]).not.toHaveTextContent('办理部门')
    expect(steps[2]).toHaveTextContent('办理时限：5 个工作日')
    expect(steps[3]).toHaveTextContent('核发电子许可证')
    expect(steps[3]).toHaveTextContent('系统自动办理')
  })

  it('draws the state diagram as one labelled image, in the interface language', async () => {
    drawn.fail = false
    drawn.texts = []
    const fetchMock = signedInAs(citizen, catalogHandlers())
    const { user } = await openGuide()

    const diagram = await screen.findByRole('img', { name: '食品经营许可办理流程图' })
    expect(diagram).toHaveAttribute('data-testid', 'service-diagram')
    expect(diagram.querySelector('svg')).toHaveTextContent('受理')
    expect(diagram).toHaveAccessibleDescription('流程图的文字说明即上方“办理流程”列表。')
    expect(drawn.texts).toEqual([diagrams['zh-CN']])
    expect(diagramRequests(fetchMock).map((init) => init.headers)).toEqual([
      expect.objectContaining({ 'Accept-Language': 'zh-CN', Accept: 'text/plain, application/problem+json' }),
    ])

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByRole('heading', { level: 1, name: 'Food business licence' })).toBeInTheDocument()
    const english = await screen.findByRole('img', { name: 'Process diagram of Food business licence' })
    await waitFor(() => expect(english.querySelector('svg')).toHaveTextContent('Acceptance'))
    expect(diagramRequests(fetchMock).at(-1)?.headers).toMatchObject({ 'Accept-Language': 'en-US' })
  })

  it('keeps the steps as the explanation when the diagram cannot be drawn', async () => {
    drawn.fail = true
    signedOut(catalogHandlers())
    await openGuide()

    expect(await screen.findByTestId('diagram-error')).toHaveTextContent(
      '流程图暂时无法显示，请参阅上方的办理流程。',
    )
    expect(document.body).not.toHaveTextContent('Parse error')
    expect(screen.queryByTestId('service-diagram')).not.toBeInTheDocument()
    expect(screen.getByRole('list', { name: '办理流程' })).toBeInTheDocument()
    drawn.fail = false
  })

  it('shows the whole guidance in English after switching language', async () => {
    signedOut(catalogHandlers())
    const { user } = await openGuide()

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByRole('heading', { level: 1, name: 'Food business licence' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Documents required' })
    expect(table).toHaveTextContent('Floor plan of the premises with the equipment layout')
    expect(table).toHaveTextContent('PDF, JPG, PNG')
    expect(table).toHaveTextContent('Up to 10 MB')
    expect(screen.getByTestId('service-facts')).toHaveTextContent('Free of charge')
    expect(screen.getByTestId('service-facts')).toHaveTextContent('10 working days')
    expect(screen.getByRole('list', { name: 'How it is handled' })).toHaveTextContent(
      'Department: Market Regulation Administration',
    )
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Apply online')
    expect(document.title).toBe('Service guidance · Tongban · One-stop Government Services')
  })

  it('sends a visitor who is not signed in to sign in (a real page load of /login) to apply', async () => {
    signedOut(catalogHandlers())
    await openGuide()

    const apply = await screen.findByRole('link', { name: '在线办理' })
    expect(apply).toHaveAttribute('href', '/login')
    expect(apply).toHaveAttribute('data-testid', 'apply-button')
    expect(apply).toHaveAccessibleDescription('在线办理需要先登录，登录后请重新打开本事项。')
  })

  it('takes a signed-in person to the online application', async () => {
    signedInAs(citizen, catalogHandlers())
    const { user, router } = await openGuide()

    const apply = await screen.findByRole('link', { name: '在线办理' })
    expect(apply).toHaveAttribute('href', '/services/food-business-licence/apply')
    await user.click(apply)

    expect(router.state.location.pathname).toBe('/services/food-business-licence/apply')
    expect(
      await screen.findByRole('heading', { level: 1, name: '在线办理：食品经营许可' }),
    ).toBeInTheDocument()
    // the fixture carries no form schema: the application page says so and leads back
    expect(screen.getByTestId('no-form')).toHaveTextContent('该事项暂不支持在线填写申请表')
    expect(screen.getByRole('link', { name: '返回办事指南' })).toHaveAttribute('href', PAGE)
  })

  it('answers an unknown service with a friendly, translated not-found page', async () => {
    signedOut(catalogHandlers())
    renderApp('/services/no-such-service')

    expect(
      await screen.findByRole('heading', { level: 1, name: '未找到该服务事项' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '返回办事服务' })).toHaveAttribute('href', '/services')
    expect(document.body).not.toHaveTextContent('Not Found')
  })

  it('explains a failure in its own words, never the raw error', async () => {
    signedOut({
      ...catalogHandlers(),
      [`/api/v1/catalog/services/${foodLicenceDetail.code}`]: () =>
        problem(503, 'org.springframework.dao.DataAccessResourceFailureException'),
    })
    renderApp(PAGE)

    expect(await screen.findByRole('alert')).toHaveTextContent('暂时无法加载办事指南，请稍后重试。')
    expect(document.body).not.toHaveTextContent('DataAccessResourceFailureException')
  })

  it('shows the satisfaction the ratings of the last twelve months give, or that there are none', async () => {
    const satisfaction = `/api/v1/catalog/services/${foodLicenceDetail.code}/satisfaction`
    signedOut({
      ...catalogHandlers(),
      [satisfaction]: () =>
        json({ serviceCode: foodLicenceDetail.code, ratings: 25, good: 24, goodShare: 0.96, score: 4.6, months: 12 }),
    })
    const view = await openGuide()
    expect(await screen.findByTestId('service-satisfaction')).toHaveTextContent('96%（近 12 个月 25 条评价）')
    view.unmount()

    signedOut({
      ...catalogHandlers(),
      [satisfaction]: () =>
        json({ serviceCode: foodLicenceDetail.code, ratings: 0, good: 0, goodShare: null, score: 0, months: 12 }),
    })
    await openGuide()
    expect(await screen.findByTestId('service-satisfaction')).toHaveTextContent('近 12 个月暂无评价')
  })
})
