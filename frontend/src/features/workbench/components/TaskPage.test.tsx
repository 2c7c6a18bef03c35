import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, mockBackend, renderApp, requestUrl, enterText } from '@/testing/test-utils'
import {
  fakeWorkbench,
  marketClerk,
  problemDetail,
  queueItems,
  taskView,
} from '../testing/fixtures'
import type { TaskView } from '../types'
// The route loads the task page on demand: imported here, its code loads with this file instead of
// inside the first test's time.
import './TaskPage'

type Fake = ReturnType<typeof fakeWorkbench>

function serve(fake: Fake) {
  return mockBackend(() => json(marketClerk), fake.handlers)
}

async function openTask(path: string, heading: string) {
  const view = renderApp(path)
  await screen.findByRole('heading', { level: 1, name: heading })
  // The form's titles arrive with the guidance.
  await screen.findByText('企业名称')
  return view
}

function decisions(fake: Fake) {
  return fake.requests.filter((request) => requestUrl(request.url).pathname.endsWith('/decision'))
}

/** Picks an outcome as people do: antd hides the radio itself behind its label. */
async function choose(user: ReturnType<typeof renderApp>['user'], name: string) {
  const group = screen.getByRole('radiogroup', { name: '办理结果' })
  await user.click(within(group).getByRole('radio', { name }).closest('label')!)
}

const RED = '/workbench/inst-red/acceptance'
const GREEN = '/workbench/inst-green/review'

describe('a task (办件办理)', () => {
  it('shows the header, only the data this step may see under the form titles, and the translated history', async () => {
    const items = queueItems()
    const view: TaskView = {
      ...taskView(items[0]!),
      parallelProgress: [
        {
          step: 'inspection',
          branch: null,
          department: 'market-regulation',
          status: 'correction',
          dueAt: null,
          light: 'PAUSED',
        },
      ],
    }
    // Whatever the backend might add, the page shows the step's visible fields only.
    view.visibleData = { ...view.visibleData, uscc: '91110000MA00000000' }
    const fake = fakeWorkbench(marketClerk, { items, views: { 'inst-red': view } })
    serve(fake)
    await openTask(RED, '食品经营许可 · 受理')

    expect(document.title).toBe('办件办理 · 通办 · 一网通办')
    const facts = screen.getByTestId('task-facts')
    const fact = (term: string) => within(facts).getByText(term).nextElementSibling
    expect(fact('申请编号')).toHaveTextContent('TB-2026-000101')
    expect(fact('申请人')).toHaveTextContent('王五餐饮有限公司')
    expect(fact('办理部门')).toHaveTextContent('市场监督管理局')
    expect(fact('办理时限')).toHaveTextContent('超期')
    expect(fact('办理时限')).toHaveTextContent('已超期 2 天')
    expect(fact('认领状态')).toHaveTextContent('待认领')

    const data = screen.getByTestId('applicant-data')
    const rows = within(data)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent])
    expect(rows).toEqual([
      ['企业名称', '王五餐饮有限公司'],
      ['经营场所地址', '北京市东城区示范路 1 号'],
      ['经营场所面积（平方米）', '620'],
      ['主体业态', '餐饮服务经营者'],
      ['经营项目', '热食类食品制售、自制饮品制售'],
      ['是否通过网络经营', '否'],
    ])
    expect(data).not.toHaveTextContent('统一社会信用代码')
    expect(document.body).not.toHaveTextContent('91110000MA00000000')

    const parallel = screen.getByTestId('parallel-progress')
    expect(within(parallel).getByRole('rowheader')).toHaveTextContent('现场核查')
    expect(parallel).toHaveTextContent('等待申请人补正')
    expect(parallel).toHaveTextContent('已暂停')

    const history = within(screen.getByTestId('task-history')).getAllByRole('listitem')
    expect(history).toHaveLength(4)
    expect(history[0]).toHaveTextContent('提交申请')
    expect(history[0]).toHaveTextContent('办理方：申请人')
    expect(history[1]).toHaveTextContent('要求补正')
    expect(history[1]).toHaveTextContent('环节：受理')
    expect(history[1]).toHaveTextContent('办理方：市场监督管理局')
    expect(history[1]).toHaveTextContent('理由：平面图不清晰')
    expect(history[1]).toHaveTextContent('需补正：经营场所地址、经营场所面积（平方米）')
    expect(history[2]).toHaveTextContent('补正后重新提交')
    expect(history[3]).toHaveTextContent('退回')
    expect(history[3]).toHaveTextContent('环节：审查决定')
    expect(history[3]).toHaveTextContent('退回至：受理')
    expect(within(history[3]!).getByText(/2026/, { selector: 'time' })).toHaveAttribute(
      'dateTime',
      '2026-03-04T02:00:00Z',
    )

    // Correction is allowed at acceptance; returning is not (no earlier step).
    const outcomes = within(screen.getByRole('radiogroup', { name: '办理结果' }))
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent)
    expect(outcomes).toEqual(['通过', '驳回', '要求补正'])
  })

  it('requires items and a reason for a correction, then posts exactly those', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user, router } = await openTask(RED, '食品经营许可 · 受理')

    await choose(user, '要求补正')
    const items = screen.getByRole('group', { name: '需要补正的内容' })
    expect(
      within(items)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['企业名称', '经营场所地址', '经营场所面积（平方米）', '主体业态', '经营项目', '是否通过网络经营'])
    expect(screen.getByTestId('decision-submit')).toHaveTextContent('发送补正要求')

    await user.click(screen.getByTestId('decision-submit'))

    expect(await screen.findByText('请至少选择一项需要补正的内容')).toBeInTheDocument()
    expect(screen.getByText('请填写理由')).toBeInTheDocument()
    expect(decisions(fake)).toEqual([])

    // A reason of blanks is no reason.
    await user.type(screen.getByRole('textbox', { name: '理由' }), '   ')
    await user.click(within(items).getByRole('checkbox', { name: '经营场所地址' }))
    await user.click(screen.getByTestId('decision-submit'))
    await waitFor(() => expect(screen.queryByText('请至少选择一项需要补正的内容')).not.toBeInTheDocument())
    expect(screen.getByText('请填写理由')).toBeInTheDocument()
    expect(decisions(fake)).toEqual([])

    await user.click(within(items).getByRole('checkbox', { name: '经营场所面积（平方米）' }))
    await user.clear(screen.getByRole('textbox', { name: '理由' }))
    await enterText(user, screen.getByRole('textbox', { name: '理由' }), '请补充房产证明中的面积')
    await user.click(screen.getByTestId('decision-submit'))

    await waitFor(() => expect(decisions(fake)).toHaveLength(1))
    expect(decisions(fake)[0]).toMatchObject({
      method: 'POST',
      body: {
        action: 'correction',
        items: ['premisesAddress', 'businessArea'],
        reason: '请补充房产证明中的面积',
      },
    })
    await waitFor(() => expect(router.state.location.pathname).toBe('/workbench'))
    expect(await screen.findByTestId('decision-success')).toHaveTextContent(
      '已要求办件 TB-2026-000101 补正，申请人将收到通知。',
    )
  })

  it('returns to an earlier step chosen by its name, with a reason', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user, router } = await openTask(GREEN, '食品经营许可 · 审查决定')

    await choose(user, '退回')
    await user.click(screen.getByTestId('decision-submit'))
    expect(await screen.findByText('请选择退回的环节')).toBeInTheDocument()

    const targets = screen.getByRole('radiogroup', { name: '退回到' })
    expect(within(targets).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      '受理',
    ])
    await user.click(within(targets).getByRole('radio', { name: '受理' }).closest('label')!)
    await enterText(user, screen.getByRole('textbox', { name: '理由' }), '经营项目与面积不符')
    await user.click(screen.getByTestId('decision-submit'))

    await waitFor(() => expect(decisions(fake)).toHaveLength(1))
    expect(decisions(fake)[0]?.body).toEqual({
      action: 'return',
      target: 'acceptance',
      reason: '经营项目与面积不符',
    })
    expect(requestUrl(decisions(fake)[0]!.url).pathname).toBe(
      '/api/v1/workbench/tasks/inst-green/review/decision',
    )
    await waitFor(() => expect(router.state.location.pathname).toBe('/workbench'))
    expect(await screen.findByTestId('decision-success')).toHaveTextContent('已退回办件 TB-2026-000103。')
    // The decided task is gone from the queue, asked for again.
    await waitFor(() =>
      expect(screen.queryByTestId('task-row-inst-green-review')).not.toBeInTheDocument(),
    )
    expect(screen.getByTestId('task-row-inst-red-acceptance')).toBeInTheDocument()
  })

  it('approves with nothing but the action, and rejects only with a reason', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user } = await openTask(RED, '食品经营许可 · 受理')

    await choose(user, '驳回')
    await user.click(screen.getByTestId('decision-submit'))
    expect(await screen.findByText('请填写理由')).toBeInTheDocument()
    expect(decisions(fake)).toEqual([])

    await choose(user, '通过')
    expect(screen.getByRole('textbox', { name: '办理意见（可选）' })).toBeInTheDocument()
    await user.click(screen.getByTestId('decision-submit'))

    await waitFor(() => expect(decisions(fake)).toHaveLength(1))
    expect(decisions(fake)[0]?.body).toEqual({ action: 'approve' })
  })

  it("shows the server's title and detail when someone else acted first, and stays on the task", async () => {
    const fake = fakeWorkbench(marketClerk, {
      override: {
        '/api/v1/workbench/tasks/inst-red/acceptance/decision': () =>
          problemDetail(
            409,
            '办件已被他人处理',
            '在您操作的同时，其他人已经处理了这件办件。请刷新查看最新状态后再决定。',
          ),
      },
    })
    serve(fake)
    const { user, router } = await openTask(RED, '食品经营许可 · 受理')

    await choose(user, '驳回')
    await enterText(user, screen.getByRole('textbox', { name: '理由' }), '材料不全')
    await user.click(screen.getByTestId('decision-submit'))

    const alert = await screen.findByTestId('decision-error')
    expect(alert).toHaveAttribute('role', 'alert')
    expect(alert).toHaveTextContent('办件已被他人处理')
    expect(alert).toHaveTextContent('在您操作的同时，其他人已经处理了这件办件。')
    expect(decisions(fake)[0]?.body).toEqual({ action: 'reject', reason: '材料不全' })
    expect(router.state.location.pathname).toBe(RED)

    const opened = fake.requests.filter((request) => requestUrl(request.url).pathname === '/api/v1/workbench/tasks/inst-red/acceptance').length
    await user.click(within(alert).getByRole('button', { name: '刷新办件' }))
    await waitFor(() =>
      expect(
        fake.requests.filter((request) => requestUrl(request.url).pathname === '/api/v1/workbench/tasks/inst-red/acceptance'),
      ).toHaveLength(opened + 1),
    )
  })

  it("shows a 400's field messages from the server", async () => {
    const fake = fakeWorkbench(marketClerk, {
      override: {
        '/api/v1/workbench/tasks/inst-red/acceptance/decision': () =>
          problemDetail(400, '填写内容有误', '有些内容需要修改，请按照下列提示逐项更正后重新提交。', {
            errors: [{ field: 'reason', message: '理由不能超过 2000 个字' }],
          }),
      },
    })
    serve(fake)
    const { user } = await openTask(RED, '食品经营许可 · 受理')

    await choose(user, '驳回')
    await enterText(user, screen.getByRole('textbox', { name: '理由' }), '材料不全')
    await user.click(screen.getByTestId('decision-submit'))

    const alert = await screen.findByTestId('decision-error')
    expect(alert).toHaveTextContent('填写内容有误')
    expect(within(alert).getByRole('listitem')).toHaveTextContent('理由不能超过 2000 个字')
  })

  it("explains another department's task (403) in the server's words", async () => {
    const fake = fakeWorkbench(marketClerk, {
      override: {
        '/api/v1/workbench/tasks/inst-red/acceptance': () =>
          problemDetail(403, '不是您部门的环节', '这个环节由其他部门或其他角色办理，您不能对它进行操作。'),
      },
    })
    serve(fake)
    renderApp(RED)

    const alert = await screen.findByTestId('task-error')
    expect(alert).toHaveTextContent('不是您部门的环节')
    expect(alert).toHaveTextContent('这个环节由其他部门或其他角色办理')
    expect(screen.queryByTestId('decision-panel')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: '返回工作台' })).toHaveAttribute('href', '/workbench')
  })

  it('says so when the step is no longer waiting (404)', async () => {
    const fake = fakeWorkbench(marketClerk, {
      override: {
        '/api/v1/workbench/tasks/inst-red/acceptance': () => problemDetail(404, 'Not Found'),
      },
    })
    serve(fake)
    renderApp(RED)

    expect(await screen.findByRole('heading', { level: 1, name: '该环节已不在待办中' })).toBeInTheDocument()
    expect(document.body).not.toHaveTextContent('Not Found')
  })

  it('can be claimed from the task itself', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user } = await openTask(RED, '食品经营许可 · 受理')

    await user.click(screen.getByRole('button', { name: '认领办件 TB-2026-000101' }))

    const facts = screen.getByTestId('task-facts')
    await waitFor(() => expect(within(facts).getByTestId('claim-status')).toHaveTextContent('我已认领'))
    expect(within(facts).getByRole('button', { name: '释放办件 TB-2026-000101' })).toBeInTheDocument()
  })

  it('names the applicant’s answers and the correction items by the form’s English titles', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user } = await openTask(RED, '食品经营许可 · 受理')

    await user.click(screen.getByTestId('lang-switch'))

    const data = screen.getByTestId('applicant-data')
    const rows = within(data)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent])
    expect(rows).toEqual([
      ['Business name', '王五餐饮有限公司'],
      ['Address of the premises', '北京市东城区示范路 1 号'],
      ['Floor area of the premises (square metres)', '620'],
      ['Type of food business', 'Restaurant or catering business'],
      ['Business activities', 'Preparing and selling hot food, Making and selling freshly made drinks'],
      ['Do you sell online?', 'No'],
    ])
    const history = within(screen.getByTestId('task-history')).getAllByRole('listitem')
    expect(history[1]).toHaveTextContent(
      'To correct: Address of the premises, Floor area of the premises (square metres)',
    )

    const outcome = screen.getByRole('radiogroup', { name: 'Outcome' })
    await user.click(within(outcome).getByRole('radio', { name: 'Request a correction' }).closest('label')!)
    const items = screen.getByRole('group', { name: 'What needs correcting' })
    expect(
      within(items)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual([
      'Business name',
      'Address of the premises',
      'Floor area of the premises (square metres)',
      'Type of food business',
      'Business activities',
      'Do you sell online?',
    ])
    // the items are still the fields' names, whatever the language
    await user.click(within(items).getByRole('checkbox', { name: 'Address of the premises' }))
    await enterText(user, screen.getByRole('textbox', { name: 'Reason' }), 'The address is incomplete')
    await user.click(screen.getByTestId('decision-submit'))
    await waitFor(() => expect(decisions(fake)).toHaveLength(1))
    expect(decisions(fake)[0]?.body).toMatchObject({ action: 'correction', items: ['premisesAddress'] })
  })

  it('shows a move to a new version of the workflow (迁移) in the history, in both languages', async () => {
    const items = queueItems()
    const base = taskView(items[0]!)
    const view: TaskView = {
      ...base,
      history: [
        ...base.history,
        {
          sequence: 5,
          step: null,
          action: 'migrate',
          actor: '5b1f0000-0000-4000-8000-00000000ad01',
          actorName: '褚红',
          actorDepartment: 'market-regulation',
          reason: null,
          fromVersion: 1,
          toVersion: 2,
          at: '2026-03-05T02:00:00Z',
        },
      ],
    }
    const fake = fakeWorkbench(marketClerk, { items, views: { 'inst-red': view } })
    serve(fake)
    const { user } = await openTask(RED, '食品经营许可 · 受理')

    const moved = within(screen.getByTestId('task-history')).getAllByRole('listitem')[4]!
    expect(moved).toHaveTextContent('迁移到新版本流程')
    expect(moved).toHaveTextContent('流程版本：第 1 版 → 第 2 版')
    expect(moved).toHaveTextContent('办理方：褚红（市场监督管理局）')
    expect(moved).not.toHaveTextContent('环节：')

    await user.click(screen.getByTestId('lang-switch'))
    const english = within(screen.getByTestId('task-history')).getAllByRole('listitem')[4]!
    expect(english).toHaveTextContent('Moved to a new workflow version')
    expect(english).toHaveTextContent('Workflow version: 1 → 2')
  })

  it('speaks English after switching language', async () => {
    const fake = fakeWorkbench(marketClerk)
    serve(fake)
    const { user } = await openTask(GREEN, '食品经营许可 · 审查决定')

    await user.click(screen.getByTestId('lang-switch'))

    expect(
      screen.getByRole('heading', { level: 1, name: 'Food business licence · Review and decision' }),
    ).toBeInTheDocument()
    const history = within(screen.getByTestId('task-history')).getAllByRole('listitem')
    expect(history[1]).toHaveTextContent('Correction requested')
    expect(history[1]).toHaveTextContent('By: Market Regulation Administration')
    expect(history[3]).toHaveTextContent('Returned to: Acceptance')
    expect(screen.getByRole('radiogroup', { name: 'Outcome' })).toHaveTextContent('Return')
    expect(screen.getByTestId('applicant-data')).toHaveTextContent('No')
  })

  it('shows the shared records with their provenance, the documents to open, and offers documents for correction', async () => {
    const items = queueItems()
    const view = taskView(items[0]!, {
      fieldSources: { enterpriseName: 'business-registration' },
      shared: [
        {
          dataset: 'business-registration',
          name: { zh: '企业登记信息', en: 'Business registration' },
          holder: 'market-regulation',
          origin: 'shared',
          recordKey: '91330106MA2GL5XK00',
          label: '王五餐饮有限公司',
          data: { name: '王五餐饮有限公司', legalRepresentative: '王五' },
          recordedAt: '2025-03-01T00:00:00Z',
          readAt: '2026-11-27T02:00:00Z',
          readFor: 'market-regulation',
          materials: ['business-licence'],
          disputed: null,
        },
        {
          dataset: 'household-register',
          name: { zh: '户籍信息', en: 'Household register' },
          holder: 'public-security',
          origin: 'disputed',
          recordKey: null,
          label: null,
          data: {},
          recordedAt: null,
          readAt: null,
          readFor: null,
          materials: [],
          disputed: '地址已变更',
        },
      ],
      materials: [
        { code: 'business-licence', name: { zh: '营业执照', en: 'Business licence' }, required: true, documents: [] },
        {
          code: 'floor-plan',
          name: { zh: '经营场所平面图', en: 'Floor plan' },
          required: true,
          documents: [
            {
              id: 'doc-1',
              materialCode: 'floor-plan',
              fileName: '平面图.pdf',
              mediaType: 'application/pdf',
              sizeBytes: 204800,
              uploadedAt: '2026-11-27T01:00:00Z',
            },
          ],
        },
      ],
    })
    const fake = fakeWorkbench(marketClerk, {
      views: { 'inst-red': view },
      override: {
        '/api/v1/exchange/catalogue': () =>
          json([
            {
              code: 'business-registration',
              department: 'market-regulation',
              name: { zh: '企业登记信息', en: 'Business registration' },
              fields: [
                { code: 'name', type: 'string', title: { zh: '企业名称', en: 'Name' } },
                { code: 'legalRepresentative', type: 'string', title: { zh: '法定代表人', en: 'Legal representative' } },
              ],
            },
          ]),
      },
    })
    serve(fake)
    const { user } = renderApp(RED)
    await screen.findByRole('heading', { level: 1, name: '食品经营许可 · 受理' })
    await within(screen.getByTestId('applicant-data')).findByText('企业名称')

    expect(within(screen.getByTestId('field-enterpriseName')).getByTestId('field-source')).toHaveTextContent(
      '来自企业登记信息',
    )
    const record = screen.getByTestId('shared-record-business-registration')
    expect(within(record).getByTestId('shared-record-provenance')).toHaveTextContent(
      /来自市场监督管理局：王五餐饮有限公司（.*记录，.*为市场监督管理局调取）/,
    )
    expect(await within(record).findByText('法定代表人')).toBeInTheDocument()
    expect(within(record).getByText('王五')).toBeInTheDocument()
    expect(within(screen.getByTestId('shared-record-household-register')).getByTestId('shared-record-disputed')).toHaveTextContent(
      '申请人的说明：地址已变更',
    )

    expect(within(screen.getByTestId('task-material-business-licence')).getByTestId('material-from-record')).toHaveTextContent(
      '免提交 由市场监督管理局的企业登记信息代替',
    )
    expect(screen.getByRole('link', { name: '平面图.pdf' })).toHaveAttribute(
      'href',
      '/api/v1/workbench/tasks/inst-red/acceptance/documents/doc-1',
    )

    await choose(user, '要求补正')
    const correction = screen.getByRole('group', { name: '需要补正的内容' })
    expect(within(correction).getByRole('checkbox', { name: '材料：经营场所平面图' })).toHaveAttribute(
      'value',
      'materials.floor-plan',
    )
  })
})
