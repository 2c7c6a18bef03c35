import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APPLICATION_ID,
  NUMBER,
  applicationBackend,
  attachment,
  completeAnswers,
  draft,
  enrolmentDetail,
} from '@/testing/application-fixtures'
import { citizen, renderApp, requestUrl, signedInAs, signedOut } from '@/testing/test-utils'
import { AUTOSAVE_DELAY_MS } from '../api/save-draft'
// The page loads the form on demand: imported here, its code loads with this file instead of inside
// the first test's time.
import './ApplicationWizard'

const APPLY = `/services/${enrolmentDetail.code}/apply`
const RESUME = `${APPLY}?application=${APPLICATION_ID}`

type FetchMock = ReturnType<typeof signedInAs>

function calls(fetchMock: FetchMock, path: string, method = 'GET') {
  return fetchMock.mock.calls.filter(
    ([input, init]) => requestUrl(input).pathname === path && (init?.method ?? 'GET') === method,
  )
}

function header(init: RequestInit | undefined, name: string): string | undefined {
  return (init?.headers as Record<string, string> | undefined)?.[name]
}

/**
 * The draft is saved a moment after typing stops: the clock is moved on instead of waited for.
 * Only timeouts are faked, and they still run as real time passes, so everything else goes on.
 */
function fakeTypingPause() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
  return () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
}

async function openForm(path = RESUME) {
  const view = renderApp(path)
  await screen.findByTestId('application-wizard')
  return view
}

describe('applying online (在线办理)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('offers sign-in to a visitor who is not signed in', async () => {
    signedOut(applicationBackend().handlers)
    renderApp(APPLY)

    expect(
      await screen.findByRole('heading', { level: 1, name: '在线办理：小学入学登记' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '登录后办理' })).toHaveAttribute('href', '/login')
  })

  it('starts a draft with an Idempotency-Key kept for the visit, so a reload finds the same draft', async () => {
    const { handlers, state } = applicationBackend()
    const fetchMock = signedInAs(citizen, handlers)
    const first = renderApp(APPLY)

    await screen.findByTestId('application-wizard')
    const [created] = calls(fetchMock, '/api/v1/applications', 'POST')
    expect(created).toBeDefined()
    expect(JSON.parse(created?.[1]?.body as string)).toEqual({ serviceCode: enrolmentDetail.code })
    const key = header(created?.[1], 'Idempotency-Key')
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/)
    expect(window.sessionStorage.getItem(`tongban.apply.${enrolmentDetail.code}`)).toBe(key)
    expect(header(created?.[1], 'X-Requested-With')).toBe('XMLHttpRequest')
    expect(first.router.state.location.search).toBe(`?application=${APPLICATION_ID}`)
    first.unmount()

    // a reload of the page without the id asks again with the same key
    renderApp(APPLY)
    await screen.findByTestId('application-wizard')
    const again = calls(fetchMock, '/api/v1/applications', 'POST')
    expect(again).toHaveLength(2)
    expect(header(again[1]?.[1], 'Idempotency-Key')).toBe(key)
    expect(state.created).toBe(2)
  })

  it('renders the questions from the JSON Schema: texts, a choice, a date, the prefilled answer read-only', async () => {
    signedInAs(citizen, applicationBackend().handlers)
    await openForm()

    expect(screen.getByRole('heading', { level: 1, name: '填写申请信息' })).toBeInTheDocument()
    expect(screen.getByText(/第 1 步，共 5 步/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: '儿童姓名' })).toBeEnabled()
    const id = screen.getByRole('textbox', { name: '儿童公民身份号码' })
    expect(id).toHaveAccessibleDescription(/18 位，最后一位可能是大写字母 X/)

    const gender = screen.getByRole('group', { name: '儿童性别' })
    expect(within(gender).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      '男',
      '女',
    ])
    const birthDate = screen.getByLabelText('儿童出生日期')
    expect(birthDate).toHaveAttribute('type', 'date')

    const guardian = screen.getByRole('textbox', { name: '监护人姓名' })
    expect(guardian).toHaveValue('张三')
    expect(guardian).toHaveAttribute('readonly')
    expect(guardian).toHaveAccessibleDescription(/来自您的实名认证信息/)

    // the questions of later pages are not on this one
    expect(screen.queryByRole('textbox', { name: '实际居住地址' })).not.toBeInTheDocument()
  })

  it('checks the page before going on: an error summary whose links focus the fields', async () => {
    const { handlers } = applicationBackend()
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = await openForm()

    await user.type(screen.getByRole('textbox', { name: '儿童公民身份号码' }), '1234')
    await user.click(screen.getByRole('button', { name: '保存并继续' }))

    const summary = await screen.findByTestId('error-summary')
    expect(summary).toHaveFocus()
    expect(within(summary).getByRole('heading', { name: '请先处理以下问题' })).toBeInTheDocument()
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '请填写儿童姓名',
      '儿童公民身份号码须为 18 位，最后一位可以是数字或大写字母 X',
      '请选择儿童性别',
      '请填写儿童出生日期',
    ])
    // the same message next to the field, which points at it
    const id = screen.getByRole('textbox', { name: '儿童公民身份号码' })
    expect(id).toHaveAccessibleDescription(/儿童公民身份号码须为 18 位/)

    await user.click(within(summary).getByRole('link', { name: '请填写儿童姓名' }))
    expect(screen.getByRole('textbox', { name: '儿童姓名' })).toHaveFocus()
    // still on the first page: nothing wrong was sent as "done"
    expect(screen.getByTestId('application-wizard')).toHaveAttribute('data-page', '1')
    expect(calls(fetchMock, `/api/v1/applications/${APPLICATION_ID}/draft`, 'PUT')).toHaveLength(0)
  })

  it('asks for the residence permit number as soon as the guardian says they hold one', async () => {
    const { handlers } = applicationBackend({ application: draft({ formData: completeAnswers }) })
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = await openForm(`${RESUME}&page=3`)

    // optional for a family registered in this city
    expect(screen.getByRole('textbox', { name: '监护人居住证号码（选填）' })).toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: '非本市户籍，监护人持本市居住证（随迁子女）' }))
    expect(await screen.findByRole('textbox', { name: '监护人居住证号码' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '保存并继续' }))

    const summary = await screen.findByTestId('error-summary')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual(['请填写监护人居住证号码'])
    expect(screen.getByTestId('application-wizard')).toHaveAttribute('data-page', '3')
    expect(calls(fetchMock, `/api/v1/applications/${APPLICATION_ID}/draft`, 'PUT')).toHaveLength(0)
  })

  it('shows the backend’s validation problems in the summary and next to the field', async () => {
    const { handlers } = applicationBackend({
      application: draft({ formData: completeAnswers }),
      draftErrors: [
        { field: 'childName', message: '姓名中不能含有数字' },
        { field: 'childName', message: '第二条同一字段的消息不再重复' },
      ],
    })
    signedInAs(citizen, handlers)
    const { user } = await openForm()

    await user.type(screen.getByRole('textbox', { name: '儿童姓名' }), '2')
    await user.click(screen.getByRole('button', { name: '保存并继续' }))

    const summary = await screen.findByTestId('error-summary')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '儿童姓名：姓名中不能含有数字',
    ])
    expect(screen.getByRole('textbox', { name: '儿童姓名' })).toHaveAccessibleDescription(
      /姓名中不能含有数字/,
    )
    expect(screen.getByTestId('application-wizard')).toHaveAttribute('data-page', '1')
  })

  it('saves the draft as the person types and says so', async () => {
    const { handlers, state } = applicationBackend()
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = await openForm()
    const pause = fakeTypingPause()

    await user.type(screen.getByRole('textbox', { name: '儿童姓名' }), '张小明')
    await user.click(screen.getByRole('radio', { name: '女' }))
    fireEvent.change(screen.getByLabelText('儿童出生日期'), { target: { value: '2019-05-01' } })
    await pause()

    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/已保存/))
    const saves = calls(fetchMock, `/api/v1/applications/${APPLICATION_ID}/draft`, 'PUT')
    expect(saves.length).toBeGreaterThanOrEqual(1)
    expect(state.application.formData).toMatchObject({
      childName: '张小明',
      childGender: 'female',
      childBirthDate: '2019-05-01',
      guardianName: '张三',
    })
    expect(header(saves.at(-1)?.[1], 'Content-Type')).toBe('application/json')
  })

  it('leaves out an answer still being typed wrongly instead of failing the whole save', async () => {
    const { handlers, state } = applicationBackend()
    signedInAs(citizen, handlers)
    const { user } = await openForm()
    const pause = fakeTypingPause()

    await user.type(screen.getByRole('textbox', { name: '儿童姓名' }), '张小明')
    await user.type(screen.getByRole('textbox', { name: '儿童公民身份号码' }), '1101')
    await pause()

    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('有答案需要修改'))
    expect(state.application.formData).toMatchObject({ childName: '张小明' })
    expect(state.application.formData).not.toHaveProperty('childIdNumber')
  })

  it('asks for the required documents before checking the answers', async () => {
    signedInAs(citizen, applicationBackend({ application: draft({ formData: completeAnswers }) }).handlers)
    const { user } = await openForm(`${RESUME}&page=materials`)

    expect(screen.getByRole('heading', { level: 1, name: '上传申请材料' })).toBeInTheDocument()
    expect(screen.getByTestId('material-household-register')).toHaveTextContent(
      '支持 PDF、JPG、PNG 格式，单个文件不超过 10 MB',
    )
    await user.click(screen.getByRole('button', { name: '继续' }))

    const summary = await screen.findByTestId('error-summary')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      '请上传户口簿',
      '请上传实际居住证明',
    ])
    await user.click(within(summary).getByRole('link', { name: '请上传户口簿' }))
    expect(screen.getByTestId('file-input-household-register')).toHaveFocus()
  })

  it('uploads the documents, shows every answer to check, submits and gives the number', async () => {
    const { handlers, state } = applicationBackend({ application: draft({ formData: completeAnswers }) })
    const fetchMock = signedInAs(citizen, handlers)
    const { user, router } = await openForm(`${RESUME}&page=materials`)

    const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' })
    await user.upload(screen.getByTestId('file-input-household-register'), png('户口簿.png'))
    expect(await screen.findByText('已上传 户口簿.png')).toBeInTheDocument()
    await user.upload(screen.getByTestId('file-input-proof-of-residence'), png('房产证.png'))
    await screen.findByText('已上传 房产证.png')
    const upload = calls(fetchMock, `/api/v1/applications/${APPLICATION_ID}/attachments`, 'POST')[0]
    expect(requestUrl(upload?.[0] as string).search).toBe('?material=household-register')
    expect(upload?.[1]?.body).toBeInstanceOf(FormData)
    expect(header(upload?.[1], 'Content-Type')).toBeUndefined()

    // a file of the wrong type is refused before it is sent
    fireEvent.change(screen.getByTestId('file-input-residence-permit'), {
      target: { files: [new File(['x'], 'permit.docx', { type: 'application/msword' })] },
    })
    expect(screen.getByTestId('material-residence-permit')).toHaveTextContent(
      '“permit.docx”的格式不符合要求，请上传 PDF 格式的文件',
    )

    await user.click(screen.getByRole('button', { name: '继续' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: '提交前请检查您的答案' }),
    ).toBeInTheDocument()
    expect(screen.getByTestId('answer-childGender')).toHaveTextContent('儿童性别男')
    expect(screen.getByTestId('answer-childBirthDate')).toHaveTextContent('2019年5月1日')
    expect(screen.getByTestId('answer-needsSpecialEducationSupport')).toHaveTextContent('否')
    expect(screen.getByTestId('answer-residencePermitNumber')).toHaveTextContent('未填写')
    expect(screen.getByTestId('answer-guardianName')).toHaveTextContent('来自实名认证')
    const change = within(screen.getByTestId('answer-childName')).getByRole('link', { name: '修改儿童姓名' })
    expect(change).toHaveAttribute('href', expect.stringContaining('page=1'))
    expect(screen.getByTestId('materials-answers')).toHaveTextContent('户口簿户口簿.png')

    await user.click(screen.getByRole('button', { name: '确认并提交' }))

    expect(await screen.findByRole('heading', { level: 1, name: '申请已提交' })).toBeInTheDocument()
    expect(screen.getByTestId('application-number')).toHaveTextContent(NUMBER)
    expect(screen.getByTestId('expected-completion')).toHaveTextContent('2026年12月18日')
    expect(screen.getByRole('link', { name: '前往我的办件' })).toHaveAttribute('href', '/my/applications')
    expect(router.state.location.search).toContain('page=receipt')
    expect(state.application.status).toBe('submitted')
    // the next visit starts a new application
    expect(window.sessionStorage.getItem(`tongban.apply.${enrolmentDetail.code}`)).toBeNull()
  })

  it('asks the questions in English after switching language, and explains problems in English', async () => {
    signedInAs(citizen, applicationBackend().handlers)
    const { user } = await openForm()
    expect(screen.getByRole('textbox', { name: '儿童姓名' })).toBeInTheDocument()

    await user.click(screen.getByTestId('lang-switch'))

    expect(screen.getByRole('textbox', { name: "Child's full name" })).toBeEnabled()
    const gender = screen.getByRole('group', { name: "Child's sex" })
    expect(within(gender).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Male',
      'Female',
    ])
    expect(screen.getByLabelText("Child's date of birth")).toHaveAttribute('type', 'date')
    expect(screen.getByRole('textbox', { name: "Guardian's full name" })).toHaveAttribute('readonly')
    expect(screen.getByTestId('application-wizard')).not.toHaveTextContent(/儿童|监护人/)

    await user.type(screen.getByRole('textbox', { name: "Child's resident ID number" }), '1234')
    await user.click(screen.getByRole('button', { name: 'Save and continue' }))

    const summary = await screen.findByTestId('error-summary')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      "Enter Child's full name",
      "Child's resident ID number must be 18 characters; the last one may be a digit or a capital X",
      "Select Child's sex",
      "Enter Child's date of birth",
    ])

    // and back: the labels follow the language both ways
    await user.click(screen.getByTestId('lang-switch'))
    expect(screen.getByRole('textbox', { name: '儿童姓名' })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '儿童性别' })).toHaveTextContent('男')
  })

  it('labels the server’s problems by the English title on an English page', async () => {
    const { handlers } = applicationBackend({
      application: draft({ formData: completeAnswers }),
      draftErrors: [{ field: 'childName', message: 'No digits, please' }],
    })
    signedInAs(citizen, handlers)
    const { user } = await openForm()
    await user.click(screen.getByTestId('lang-switch'))

    await user.type(screen.getByRole('textbox', { name: "Child's full name" }), '2')
    await user.click(screen.getByRole('button', { name: 'Save and continue' }))

    const summary = await screen.findByTestId('error-summary')
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      "Child's full name: No digits, please",
    ])
  })

  it('shows the answers to check with English questions and choices', async () => {
    const { handlers } = applicationBackend({
      application: draft({
        formData: completeAnswers,
        attachments: [
          attachment('household-register', 'register.png'),
          attachment('proof-of-residence', 'deeds.png'),
        ],
      }),
    })
    signedInAs(citizen, handlers)
    const { user } = await openForm(`${RESUME}&page=check`)
    await user.click(screen.getByTestId('lang-switch'))

    expect(
      screen.getByRole('heading', { level: 1, name: 'Check your answers before you apply' }),
    ).toBeInTheDocument()
    expect(screen.getByTestId('answer-childGender')).toHaveTextContent("Child's sexMale")
    expect(screen.getByTestId('answer-guardianRelationship')).toHaveTextContent('Relationship to the childFather')
    expect(screen.getByTestId('answer-residenceBasis')).toHaveTextContent(
      'Basis for admissionHousehold registered in this city, living in a home the family owns',
    )
    expect(screen.getByTestId('answer-needsSpecialEducationSupport')).toHaveTextContent(
      /Does the child need special educational support.*\?No/,
    )
    expect(
      within(screen.getByTestId('answer-childName')).getByRole('link', { name: "Change Child's full name" }),
    ).toBeInTheDocument()
  })

  it('sends the person to the documents when the backend says some are missing', async () => {
    const { handlers } = applicationBackend({
      application: draft({
        formData: completeAnswers,
        attachments: [attachment('household-register', '户口簿.png')],
      }),
    })
    signedInAs(citizen, handlers)
    const { user } = await openForm(`${RESUME}&page=check`)

    await user.click(screen.getByRole('button', { name: '确认并提交' }))

    const summary = await screen.findByTestId('error-summary')
    const link = within(summary).getByRole('link', { name: '请上传实际居住证明' })
    await user.click(link)
    expect(await screen.findByRole('heading', { level: 1, name: '上传申请材料' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('file-input-proof-of-residence')).toHaveFocus())
  })
})
