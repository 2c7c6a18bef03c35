import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
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
import { adminServices, brokenResult, brokenYaml } from '../testing/fixtures'
// The route loads the page on demand: imported here, its code loads with this file instead of
// inside the first test's time.
import './WorkflowAdminPage'

// jsdom cannot lay out an SVG: this Mermaid "draws" the text it gets.
vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: async (id: string, text: string) => ({
      svg: `<svg id="${id}"><text>${text.length}</text></svg>`,
    }),
  },
}))

const DIAGRAM = '/api/v1/workflow-definitions/food-business-licence/versions/1/diagram'

function serve(handlers: Handlers = {}) {
  let services = adminServices
  const fetchMock = mockBackend(() => json(marketAdmin), {
    ...catalogHandlers(),
    '/api/v1/workflow-admin/services': () => json(services),
    [DIAGRAM]: () =>
      new Response('stateDiagram-v2\n  [*] --> acceptance\n', {
        headers: { 'Content-Type': 'text/plain' },
      }),
    ...handlers,
  })
  return {
    fetchMock,
    publishVersion3: () => {
      services = [
        {
          ...adminServices[0]!,
          latestVersion: 3,
          versions: [
            { version: 3, publishedAt: '2026-03-09T02:00:00Z', publishedBy: 'market-admin', running: 0 },
            ...adminServices[0]!.versions,
          ],
        },
        adminServices[1]!,
      ]
      return services[0]!
    },
  }
}

function posts(fetchMock: ReturnType<typeof mockBackend>, path: string) {
  return fetchMock.mock.calls.filter(
    ([input, init]) => requestUrl(input).pathname === path && init?.method === 'POST',
  )
}

async function openAdmin() {
  const view = renderApp('/admin/workflows')
  await screen.findByTestId('admin-services')
  return view
}

async function paste(user: ReturnType<typeof renderApp>['user'], text: string) {
  await user.click(screen.getByRole('textbox', { name: '定义内容（YAML）' }))
  await user.paste(text)
}

describe('workflow management (流程管理)', () => {
  it("lists the department's services with every version, when and by whom it was published and its running applications", async () => {
    serve()
    await openAdmin()

    expect(screen.getByRole('heading', { level: 1, name: '流程管理' })).toBeInTheDocument()
    expect(document.title).toBe('流程管理 · 通办 · 一网通办')

    const food = screen.getByRole('article', { name: '食品经营许可' })
    expect(food).toHaveTextContent('事项编码：food-business-licence')
    expect(food).toHaveTextContent('主管部门：市场监督管理局')
    expect(food).toHaveTextContent('当前版本：第 2 版')
    const table = within(food).getByRole('table', { name: '食品经营许可的版本' })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [
        within(row).getByRole('rowheader').textContent,
        ...within(row)
          .getAllByRole('cell')
          .slice(1, 3)
          .map((cell) => cell.textContent),
      ])
    expect(rows).toEqual([
      ['第 2 版 当前', '褚红', '3 件'],
      ['第 1 版', '系统（随程序发布）', '1 件'],
    ])
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('2026')

    const establishment = screen.getByRole('article', { name: '企业开办' })
    expect(within(establishment).getByTestId('running')).toHaveTextContent('0 件')
  })

  it('draws the diagram of a chosen version', async () => {
    const { fetchMock } = serve()
    const { user } = await openAdmin()

    const food = screen.getByRole('article', { name: '食品经营许可' })
    const show = within(food).getByRole('button', { name: '查看第 1 版流程图' })
    expect(show).toHaveAttribute('aria-expanded', 'false')
    await user.click(show)

    expect(await within(food).findByRole('img', { name: '食品经营许可 第 1 版流程图' })).toBeInTheDocument()
    expect(fetchMock.mock.calls.some(([input]) => requestUrl(input).pathname === DIAGRAM)).toBe(true)
    expect(within(food).getByRole('button', { name: '收起第 1 版流程图' })).toHaveAttribute('aria-expanded', 'true')
  })

  it('validates a pasted definition and lists its problems with line, place, message and hint', async () => {
    document.cookie = 'XSRF-TOKEN=token-456; path=/'
    const { fetchMock } = serve({
      '/api/v1/workflow-definitions/validation': () => json(brokenResult),
    })
    const { user } = await openAdmin()

    await paste(user, brokenYaml)
    // The file's place is read from the definition.
    expect(screen.getByRole('textbox', { name: '定义文件路径' })).toHaveValue(
      'enterprise/food-business-licence.yaml',
    )
    await user.click(screen.getByRole('button', { name: '校验' }))

    const problems = await screen.findByTestId('definition-problems')
    const [request] = posts(fetchMock, '/api/v1/workflow-definitions/validation')
    expect(requestUrl(request![0]).searchParams.get('file')).toBe('enterprise/food-business-licence.yaml')
    expect(request![1]).toMatchObject({
      body: brokenYaml,
      headers: expect.objectContaining({
        'Content-Type': 'application/yaml',
        'X-XSRF-TOKEN': 'token-456',
        'Accept-Language': 'zh-CN',
      }),
    })

    expect(screen.getByTestId('validation-invalid')).toHaveTextContent('校验未通过：发现 1 个问题')
    const rows = within(problems).getAllByTestId('definition-problem')
    expect(rows).toHaveLength(2)
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('第 11 行')
    expect(rows[0]).toHaveTextContent('错误')
    expect(rows[0]).toHaveTextContent('/workflow/steps/acceptance/next')
    expect(rows[0]).toHaveTextContent('步骤“nowhere”不存在')
    expect(rows[0]).toHaveTextContent('请检查 next 指向的步骤编号是否拼写正确。')
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('—')
    expect(rows[1]).toHaveTextContent('提醒')

    // The line button takes the cursor to the line in the editor.
    await user.click(within(rows[0]!).getByRole('button', { name: '定位到第 11 行' }))
    const editor = screen.getByRole('textbox', { name: '定义内容（YAML）' }) as HTMLTextAreaElement
    expect(editor).toHaveFocus()
    expect(editor.value.slice(editor.selectionStart, editor.selectionEnd)).toBe('      next: nowhere')
  })

  it('says when a definition is valid', async () => {
    serve({
      '/api/v1/workflow-definitions/validation': () => json({ valid: true, problems: [] }),
    })
    const { user } = await openAdmin()

    await paste(user, brokenYaml.replace('nowhere', 'approved'))
    await user.click(screen.getByRole('button', { name: '校验' }))

    expect(await screen.findByTestId('validation-valid')).toHaveTextContent('校验通过，可以发布。')
    expect(screen.queryByTestId('definition-problems')).not.toBeInTheDocument()
  })

  it('asks for the content and a well-formed file path before calling the backend', async () => {
    const { fetchMock } = serve()
    const { user } = await openAdmin()

    await user.click(screen.getByRole('button', { name: '校验' }))
    expect(await screen.findByText('请粘贴或选择流程定义的内容')).toBeInTheDocument()
    expect(screen.getByText('请填写定义文件路径')).toBeInTheDocument()

    await paste(user, 'formatVersion: 1\n')
    await user.type(screen.getByRole('textbox', { name: '定义文件路径' }), 'food.yaml')
    await user.click(screen.getByRole('button', { name: '校验' }))
    expect(screen.getByText('路径格式应为“分类/事项编码.yaml”')).toBeInTheDocument()
    expect(posts(fetchMock, '/api/v1/workflow-definitions/validation')).toEqual([])
  })

  it('publishes after confirmation and shows the new version', async () => {
    const published: { body?: unknown } = {}
    const fake = serve({
      '/api/v1/workflow-admin/definitions': (url, init) => {
        published.body = init?.body
        expect(requestUrl(url).searchParams.get('file')).toBe('enterprise/food-business-licence.yaml')
        return json(fake.publishVersion3(), 201)
      },
    })
    const { user } = await openAdmin()

    await paste(user, brokenYaml.replace('nowhere', 'approved'))
    await user.click(screen.getByRole('button', { name: '发布' }))
    await user.click(await screen.findByRole('button', { name: '确认发布' }))

    expect(await screen.findByTestId('publish-success')).toHaveTextContent('已发布：食品经营许可 第 3 版。')
    expect(published.body).toBe(brokenYaml.replace('nowhere', 'approved'))
    // The list is asked for again and shows the new version.
    const food = screen.getByRole('article', { name: '食品经营许可' })
    await waitFor(() => expect(food).toHaveTextContent('当前版本：第 3 版'))
    expect(within(food).getByTestId('version-3')).toHaveTextContent('0 件')
  })

  it('shows the problems a refused publication carries, with their lines', async () => {
    serve({
      '/api/v1/workflow-admin/definitions': () =>
        problemDetail(400, '填写内容有误', '有些内容需要修改。', { errors: brokenResult.problems }),
    })
    const { user } = await openAdmin()

    await paste(user, brokenYaml)
    await user.click(screen.getByRole('button', { name: '发布' }))
    await user.click(await screen.findByRole('button', { name: '确认发布' }))

    expect(await screen.findByTestId('publish-invalid')).toHaveTextContent('填写内容有误')
    const rows = within(screen.getByTestId('definition-problems')).getAllByTestId('definition-problem')
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('第 11 行')
    expect(rows[0]).toHaveTextContent('步骤“nowhere”不存在')
  })

  it("explains publishing another department's service (403) in the server's words", async () => {
    serve({
      '/api/v1/workflow-admin/definitions': () =>
        problemDetail(403, '没有权限', '您的账号没有执行此操作的权限。'),
    })
    const { user } = await openAdmin()

    await paste(user, brokenYaml.replace('market-regulation', 'education'))
    await user.click(screen.getByRole('button', { name: '发布' }))
    await user.click(await screen.findByRole('button', { name: '确认发布' }))

    const alert = await screen.findByTestId('definition-error')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(alert).toHaveTextContent('没有权限')
    expect(alert).toHaveTextContent('您的账号没有执行此操作的权限。')
  })

  it('is not for citizens', async () => {
    const fetchMock = mockBackend(() => json(citizen))
    renderApp('/admin/workflows')

    expect(await screen.findByTestId('staff-forbidden')).toHaveTextContent('此页面仅供部门管理员或平台管理员使用')
    expect(fetchMock.mock.calls.some(([input]) => requestUrl(input).pathname.startsWith('/api/v1/workflow-admin'))).toBe(false)
  })
})
