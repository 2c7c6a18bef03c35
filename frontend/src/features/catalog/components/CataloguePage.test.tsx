import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  catalogHandlers,
  enterpriseEstablishment,
  foodLicence,
  schoolEnrolment,
} from '@/testing/catalog-fixtures'
import { citizen, problem, renderApp, requestUrl, signedInAs, signedOut } from '@/testing/test-utils'

type FetchMock = ReturnType<typeof signedOut>

/** The query strings of the catalogue searches made so far, in order. */
function catalogueSearches(fetchMock: FetchMock): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([input]) => requestUrl(input))
    .filter((url) => url.pathname === '/api/v1/catalog/services')
    .map((url) => url.searchParams)
}

function lastSearch(fetchMock: FetchMock): Record<string, string> {
  return Object.fromEntries(catalogueSearches(fetchMock).at(-1) ?? [])
}

function query(router: ReturnType<typeof renderApp>['router']): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(router.state.location.search))
}

/** Clicks a choice of a filter as people do: antd hides the radio itself behind its label. */
async function choose(user: ReturnType<typeof renderApp>['user'], group: string, choice: string) {
  const radio = within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', {
    name: choice,
  })
  await user.click(radio.closest('label')!)
}

async function shownServices(): Promise<string[]> {
  const list = await screen.findByTestId('service-list')
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent ?? '')
}

describe('the catalogue (办事服务)', () => {
  it('lists the services the API answers, with department, audience, promised time and joint departments', async () => {
    const fetchMock = signedOut(catalogHandlers())
    renderApp('/services')

    expect(await screen.findByRole('heading', { level: 1, name: '办事服务' })).toBeInTheDocument()
    expect(await shownServices()).toEqual(['食品经营许可', '企业开办', '小学入学登记'])
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('共 3 项服务')
    expect(screen.getByTestId('catalog-count')).toHaveAttribute('role', 'status')
    expect(lastSearch(fetchMock)).toEqual({})
    expect(document.title).toBe('办事服务 · 通办 · 一网通办')

    const food = screen.getByTestId(`service-card-${foodLicence.code}`)
    expect(within(food).getByRole('link', { name: '食品经营许可' })).toHaveAttribute(
      'href',
      '/services/food-business-licence',
    )
    expect(food).toHaveTextContent('法人办事')
    expect(food).toHaveTextContent('实施部门：市场监督管理局')
    expect(food).toHaveTextContent('承诺时限 10 个工作日')
    expect(food).not.toHaveTextContent('部门联办')

    const establishment = screen.getByTestId(`service-card-${enterpriseEstablishment.code}`)
    expect(establishment).toHaveTextContent('3 个部门联办')
    expect(establishment).toHaveTextContent('联办部门：市场监督管理局、公安局、税务局')

    const school = screen.getByTestId(`service-card-${schoolEnrolment.code}`)
    expect(school).toHaveTextContent('个人办事')
    expect(school).toHaveTextContent('承诺时限 1 个工作日')
  })

  it('searches by keyword: the keyword goes into the URL and to the API', async () => {
    const fetchMock = signedOut(catalogHandlers())
    const { user, router } = renderApp('/services')
    await shownServices()

    await user.type(screen.getByRole('searchbox', { name: '搜索服务事项' }), '食品{Enter}')

    expect(query(router)).toEqual({ q: '食品' })
    await waitFor(() => expect(lastSearch(fetchMock)).toEqual({ q: '食品' }))
    await waitFor(async () => expect(await shownServices()).toEqual(['食品经营许可']))
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('共 1 项服务')
  })

  it('starts from the keyword and the filters in the URL, as the home page search sends them', async () => {
    const fetchMock = signedOut(catalogHandlers())
    renderApp('/services?q=%E5%85%A5%E5%AD%A6&category=education&audience=citizen&unknown=1')

    expect(await screen.findByRole('searchbox', { name: '搜索服务事项' })).toHaveValue('入学')
    expect(screen.getByRole('radio', { name: '教育' })).toBeChecked()
    expect(screen.getByRole('radio', { name: '个人办事' })).toBeChecked()
    expect(await shownServices()).toEqual(['小学入学登记'])
    expect(lastSearch(fetchMock)).toEqual({ q: '入学', category: 'education', audience: 'citizen' })
  })

  it('ignores a category the catalogue does not know instead of sending it', async () => {
    const fetchMock = signedOut(catalogHandlers())
    renderApp('/services?category=nonsense')

    expect(await shownServices()).toHaveLength(3)
    const categories = screen.getByRole('radiogroup', { name: '服务分类' })
    expect(within(categories).getByRole('radio', { name: '全部' })).toBeChecked()
    expect(lastSearch(fetchMock)).toEqual({})
  })

  it('filters by category, keeping the keyword, through the URL and the API', async () => {
    const fetchMock = signedOut(catalogHandlers())
    const { user, router } = renderApp('/services?q=%E4%BC%81%E4%B8%9A')
    await shownServices()

    const categories = screen.getByRole('radiogroup', { name: '服务分类' })
    expect(within(categories).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(
      ['全部', '教育', '医疗卫生', '企业开办与经营', '一件事', '社会保障', '投诉建议'],
    )
    await choose(user, '服务分类', '企业开办与经营')

    expect(query(router)).toEqual({ q: '企业', category: 'enterprise' })
    await waitFor(() => expect(lastSearch(fetchMock)).toEqual({ q: '企业', category: 'enterprise' }))

    await choose(user, '服务分类', '全部')
    expect(query(router)).toEqual({ q: '企业' })
  })

  it('filters by audience', async () => {
    const fetchMock = signedOut(catalogHandlers())
    const { user, router } = renderApp('/services')
    await shownServices()

    await choose(user, '服务对象', '法人办事')

    expect(query(router)).toEqual({ audience: 'business' })
    await waitFor(async () => expect(await shownServices()).toEqual(['食品经营许可', '企业开办']))
    expect(lastSearch(fetchMock)).toEqual({ audience: 'business' })
  })

  it('filters by department, offering the departments by their names in the current language', async () => {
    const fetchMock = signedOut(catalogHandlers())
    const { user, router } = renderApp('/services')
    await shownServices()

    await user.click(screen.getByRole('combobox', { name: '实施部门' }))
    await user.click(await screen.findByTitle('公安局'))

    expect(query(router)).toEqual({ department: 'public-security' })
    await waitFor(async () => expect(await shownServices()).toEqual(['企业开办']))
    expect(lastSearch(fetchMock)).toEqual({ department: 'public-security' })
  })

  it('says so when nothing matches, and clears every filter on request', async () => {
    signedOut(catalogHandlers())
    const { user, router } = renderApp('/services?q=%E6%B2%A1%E6%9C%89&category=health')

    const empty = await screen.findByTestId('catalog-empty')
    expect(empty).toHaveTextContent('没有找到符合条件的服务事项')
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('共 0 项服务')

    await user.click(within(empty).getByRole('button', { name: '清除全部筛选条件' }))
    expect(query(router)).toEqual({})
    expect(await shownServices()).toHaveLength(3)
    expect(screen.getByRole('searchbox', { name: '搜索服务事项' })).toHaveValue('')
  })

  it('explains a failure in its own words, never the raw error, and recovers on retry', async () => {
    let failing = true
    const handlers = catalogHandlers()
    signedOut({
      ...handlers,
      '/api/v1/catalog/services': (url, init) =>
        failing ? problem(500, 'java.sql.SQLException: boom') : handlers['/api/v1/catalog/services']!(url, init),
    })
    const { user } = renderApp('/services')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('暂时无法加载服务事项，请稍后重试。')
    expect(document.body).not.toHaveTextContent('SQLException')

    failing = false
    await user.click(within(alert).getByRole('button', { name: '重试' }))
    expect(await shownServices()).toHaveLength(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows English names, departments and labels after switching to English', async () => {
    signedInAs(citizen, catalogHandlers())
    const { user } = renderApp('/services')
    await shownServices()

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByRole('heading', { level: 1, name: 'Services' })).toBeInTheDocument()
    expect(await shownServices()).toEqual([
      'Food business licence',
      'Starting a business',
      'Primary school enrolment',
    ])
    const food = screen.getByTestId(`service-card-${foodLicence.code}`)
    expect(food).toHaveTextContent('Department: Market Regulation Administration')
    expect(food).toHaveTextContent('Done within 10 working days')
    expect(screen.getByTestId(`service-card-${schoolEnrolment.code}`)).toHaveTextContent(
      'Done within 1 working day',
    )
    expect(screen.getByTestId(`service-card-${enterpriseEstablishment.code}`)).toHaveTextContent(
      'Handled jointly by 3 departments',
    )
    expect(screen.getByRole('radiogroup', { name: 'Category' })).toHaveTextContent('Social security')
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('3 services found')
  })

  it('opens the guidance page of a service', async () => {
    signedOut(catalogHandlers())
    const { user, router } = renderApp('/services')
    await shownServices()

    await user.click(screen.getByRole('link', { name: '食品经营许可' }))

    expect(router.state.location.pathname).toBe('/services/food-business-licence')
    expect(await screen.findByRole('heading', { level: 1, name: '食品经营许可' })).toBeInTheDocument()
  })

  it('is reachable from the home page category cards, filtered by the category', async () => {
    const fetchMock = signedOut(catalogHandlers())
    const { user, router } = renderApp('/')

    await user.click(await screen.findByTestId('category-life-event'))

    expect(router.state.location.pathname).toBe('/services')
    expect(query(router)).toEqual({ category: 'life-event' })
    expect(await screen.findByRole('radio', { name: '一件事' })).toBeChecked()
    await waitFor(() => expect(lastSearch(fetchMock)).toEqual({ category: 'life-event' }))
  })
})
