import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  APPLICATION_ID,
  NUMBER,
  applicationBackend,
  completeAnswers,
  inCorrection,
} from '@/testing/application-fixtures'
import { citizen, renderApp, requestUrl, signedInAs, enterText } from '@/testing/test-utils'
// The page loads the correction form on demand: imported here, its code loads with this file
// instead of inside the first test's time.
import './CorrectionPanel'

const PAGE = `/my/applications/${APPLICATION_ID}`

type FetchMock = ReturnType<typeof signedInAs>

function posted(fetchMock: FetchMock, path: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => requestUrl(input).pathname === path && init?.method === 'POST')
    .map(([, init]) => JSON.parse(init?.body as string) as unknown)
}

async function openDetail() {
  const view = renderApp(PAGE)
  await screen.findByRole('heading', { level: 1, name: '小学入学登记' })
  return view
}

describe('an application’s page (办件详情)', () => {
  it('shows the status, who handles it now and until when, and the expected completion', async () => {
    signedInAs(citizen, applicationBackend({ application: inCorrection() }).handlers)
    await openDetail()

    const facts = screen.getByTestId('application-facts')
    expect(facts).toHaveTextContent(`办件编号${NUMBER}`)
    expect(within(facts).getByTestId('status-tag')).toHaveTextContent('待补正')
    expect(screen.getByTestId('expected-completion')).toHaveTextContent('2026年12月18日')

    const steps = within(screen.getByRole('list', { name: '当前办理环节' })).getAllByRole('listitem')
    expect(steps[0]).toHaveTextContent('预防接种证查验')
    expect(steps[0]).toHaveTextContent('办理部门：卫生健康委员会')
    expect(steps[0]).toHaveTextContent('已暂停计时，等待您补正')
    expect(steps[1]).toHaveTextContent('报名受理')
    expect(steps[1]).toHaveTextContent('办理部门：教育局')
    expect(steps[1]).toHaveTextContent('按时办理中')
    expect(steps[1]).toHaveTextContent('办理期限：2026年12月1日')
  })

  it('lists the history: each decision with its department, time and reason', async () => {
    signedInAs(citizen, applicationBackend({ application: inCorrection() }).handlers)
    await openDetail()

    const entries = within(screen.getByRole('list', { name: '办理记录' })).getAllByRole('listitem')
    expect(entries).toHaveLength(2)
    expect(entries[0]).toHaveTextContent('提交申请')
    expect(entries[0]).toHaveTextContent('2026年11月27日 10:00')
    expect(entries[1]).toHaveTextContent('要求补正 · 预防接种证查验')
    expect(entries[1]).toHaveTextContent('卫生健康委员会')
    expect(entries[1]).toHaveTextContent('理由：预防接种证编号与系统记录不一致，请核对后重新填写。')
    expect(screen.getByTestId('attachments')).toHaveTextContent('户口簿.png')
    expect(screen.getByRole('link', { name: '下载 户口簿.png' })).toHaveAttribute(
      'href',
      `/api/v1/applications/${APPLICATION_ID}/attachments/att-household-register`,
    )
  })

  it('names the automatic steps in plain words, in both languages', async () => {
    const application = inCorrection({
      status: 'approved',
      currentSteps: [],
      correction: null,
      timeline: [
        { at: '2026-11-27T02:00:00Z', step: null, action: 'start', department: null, reason: null },
        { at: '2026-11-27T03:00:00Z', step: 'issue-enrolment-notice', action: 'auto:issue-certificate', department: null, reason: null },
        { at: '2026-11-27T03:00:00Z', step: 'notify-guardian', action: 'auto:notify', department: null, reason: null },
      ],
    })
    signedInAs(citizen, applicationBackend({ application }).handlers)
    const { user } = await openDetail()

    const entries = within(screen.getByRole('list', { name: '办理记录' })).getAllByRole('listitem')
    expect(entries[1]).toHaveTextContent('出具电子证照')
    expect(entries[1]).not.toHaveTextContent('issue-certificate')
    expect(entries[2]).toHaveTextContent('发送办理结果通知')

    await user.click(screen.getByTestId('lang-switch'))
    const english = within(await screen.findByRole('list', { name: 'History' })).getAllByRole('listitem')
    expect(english[1]).not.toHaveTextContent('issue-certificate')
    expect(english[1]).not.toHaveTextContent('出具')
  })

  it('tells the applicant that the application moved to a new version of the workflow, in both languages', async () => {
    const application = inCorrection({
      timeline: [
        { at: '2026-11-27T02:00:00Z', step: null, action: 'start', department: null, reason: null },
        {
          at: '2026-11-28T02:00:00Z',
          step: null,
          action: 'migrate',
          department: null,
          reason: null,
          fromVersion: 1,
          toVersion: 2,
        },
      ],
    })
    signedInAs(citizen, applicationBackend({ application }).handlers)
    const { user } = await openDetail()

    const entries = within(screen.getByRole('list', { name: '办理记录' })).getAllByRole('listitem')
    expect(entries[1]).toHaveTextContent('调整为新版本流程')
    expect(entries[1]).toHaveTextContent('由第 1 版调整为第 2 版，此后按新版本办理')
    expect(entries[1]).not.toHaveTextContent('办理 ·')

    await user.click(screen.getByTestId('lang-switch'))
    const english = within(await screen.findByRole('list', { name: 'History' })).getAllByRole('listitem')
    expect(english[1]).toHaveTextContent('Moved to a new version of the workflow')
    expect(english[1]).toHaveTextContent('From version 1 to version 2; it continues on the new version')
  })

  it('lets the person correct exactly the flagged items, the others read-only, and resubmit', async () => {
    const { handlers, state } = applicationBackend({ application: inCorrection() })
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = await openDetail()

    const panel = await screen.findByTestId('correction-panel')
    expect(within(panel).getByRole('heading', { name: '需要您补正' })).toBeInTheDocument()
    expect(panel).toHaveTextContent('卫生健康委员会在“预防接种证查验”环节请您修改以下内容：')
    expect(within(screen.getByTestId('correction-items')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '儿童公民身份号码',
      '户口簿',
    ])
    expect(screen.getByTestId('correction-reason')).toHaveTextContent(
      '原因：预防接种证编号与系统记录不一致，请核对后重新填写。',
    )

    // the flagged answer is the only question that can be changed
    const inputs = within(panel).getAllByRole('textbox')
    expect(inputs).toHaveLength(1)
    const id = within(panel).getByRole('textbox', { name: '儿童公民身份号码' })
    expect(id).toHaveValue('110105201905010013')
    expect(id).not.toHaveAttribute('readonly')
    expect(within(panel).queryByRole('textbox', { name: '儿童姓名' })).not.toBeInTheDocument()
    expect(within(panel).queryByRole('radio')).not.toBeInTheDocument()
    // … the others are shown as they are
    expect(within(panel).getByTestId('answer-childName')).toHaveTextContent('儿童姓名张小明')
    // … and the flagged document can be uploaded again
    expect(within(panel).getByTestId('file-input-household-register')).toBeEnabled()

    await user.clear(id)
    await user.type(id, '110105201905010')
    await user.click(within(panel).getByRole('button', { name: '提交补正' }))
    expect(await within(panel).findByTestId('error-summary')).toHaveTextContent(
      '儿童公民身份号码须为 18 位，最后一位可以是数字或大写字母 X',
    )
    expect(posted(fetchMock, `/api/v1/applications/${APPLICATION_ID}/correction`)).toHaveLength(0)

    await user.type(id, '021')
    await user.click(within(panel).getByRole('button', { name: '提交补正' }))

    await waitFor(() =>
      expect(posted(fetchMock, `/api/v1/applications/${APPLICATION_ID}/correction`)).toEqual([
        {
          step: 'vaccination-record-check',
          formData: { ...completeAnswers, childIdNumber: '110105201905010021' },
        },
      ]),
    )
    expect(await screen.findByTestId('detail-notice')).toHaveTextContent('补正已提交，办理将继续进行。')
    expect(screen.queryByTestId('correction-panel')).not.toBeInTheDocument()
    expect(state.application.status).toBe('in-progress')
  })

  it('asks for the correction in English on an English page: the flagged items, the question, the answers', async () => {
    signedInAs(citizen, applicationBackend({ application: inCorrection() }).handlers)
    const { user } = await openDetail()
    const panel = await screen.findByTestId('correction-panel')

    await user.click(screen.getByTestId('lang-switch'))

    expect(within(screen.getByTestId('correction-items')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      "Child's resident ID number",
      'Household register',
    ])
    expect(within(panel).getByRole('textbox', { name: "Child's resident ID number" })).toHaveValue('110105201905010013')
    expect(within(panel).getByTestId('answer-childName')).toHaveTextContent("Child's full name张小明")
    expect(within(panel).getByTestId('answer-childGender')).toHaveTextContent("Child's sexMale")
    expect(panel).not.toHaveTextContent(/儿童|监护人/)
  })

  it('withdraws after confirming, with the reason the person gives', async () => {
    const { handlers } = applicationBackend({
      application: inCorrection({ status: 'in-progress', correction: null }),
    })
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = await openDetail()

    await user.click(screen.getByRole('button', { name: '撤回申请' }))
    const dialog = await screen.findByRole('dialog', { name: '撤回申请' })
    expect(dialog).toHaveTextContent('撤回后，这份申请将停止办理且不能恢复。')

    await user.click(within(dialog).getByRole('button', { name: '确认撤回' }))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('请填写撤回原因')
    const reason = within(dialog).getByRole('textbox', { name: '撤回原因' })
    expect(reason).toHaveFocus()
    expect(posted(fetchMock, `/api/v1/applications/${APPLICATION_ID}/withdrawal`)).toHaveLength(0)

    await enterText(user, reason, '孩子将随父母迁往外地就读')
    await user.click(within(dialog).getByRole('button', { name: '确认撤回' }))

    await waitFor(() =>
      expect(posted(fetchMock, `/api/v1/applications/${APPLICATION_ID}/withdrawal`)).toEqual([
        { reason: '孩子将随父母迁往外地就读' },
      ]),
    )
    expect(await screen.findByTestId('detail-notice')).toHaveTextContent('申请已撤回')
    await waitFor(() =>
      expect(within(screen.getByTestId('application-facts')).getByTestId('status-tag')).toHaveTextContent('已撤回'),
    )
    expect(screen.queryByRole('button', { name: '撤回申请' })).not.toBeInTheDocument()
  })

  it('shows what was read from departments instead of asked for, and when, or why not', async () => {
    const shared = {
      name: { zh: '户籍登记', en: 'household register' },
      department: 'public-security',
      kind: 'register',
      purpose: { zh: '核对户籍', en: 'To check the household' },
      of: null,
      many: false,
      fields: ['householdRegistrationAddress'],
      materials: ['household-register'],
      records: [],
    }
    const application = inCorrection({
      sources: [
        {
          ...shared,
          dataset: 'household-register',
          decision: 'granted',
          recordKey: '110105-00001',
          reason: null,
          read: {
            department: 'public-security',
            recordKey: '110105-00001',
            label: '户号 110105-00001',
            recordedAt: '2026-01-02T00:00:00Z',
            readAt: '2026-11-27T02:00:00Z',
            origin: null,
          },
        },
        {
          ...shared,
          dataset: 'vaccination-record',
          name: { zh: '预防接种记录', en: 'vaccination record' },
          department: 'health',
          decision: 'disputed',
          recordKey: null,
          reason: '缺少加强针',
          read: null,
        },
      ],
    })
    signedInAs(citizen, applicationBackend({ application }).handlers)
    await openDetail()

    const used = screen.getByTestId('sources-used')
    expect(within(used).getByTestId('source-used-household-register')).toHaveTextContent(
      /户籍登记.*已调取：户号 110105-00001（2026年11月27日 10:00）/,
    )
    expect(within(used).getByTestId('source-used-vaccination-record')).toHaveTextContent(
      '您说明记录有误，自己提供：缺少加强针',
    )
    await waitFor(() => expect(within(used).getByTestId('source-used-household-register')).toHaveTextContent('公安局'))
    expect(screen.getByRole('link', { name: '查看我的数据使用记录' })).toHaveAttribute('href', '/my/data-uses')
  })
})
