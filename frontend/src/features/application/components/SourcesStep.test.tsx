import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  APPLICATION_ID,
  applicationBackend,
  draft,
  enrolmentDetail,
  enrolmentSchema,
} from '@/testing/application-fixtures'
import { citizen, json, renderApp, requestUrl, signedInAs } from '@/testing/test-utils'
import { formPages } from '../lib/schema'
import type { ApplicationView, SharedSource } from '../types'
// loaded with this file rather than inside the first test's time
import './ApplicationWizard'

const BASE = `/api/v1/applications/${APPLICATION_ID}`
const APPLY = `/services/${enrolmentDetail.code}/apply?application=${APPLICATION_ID}`
const ADDRESS = '北京市东城区和平里街道 1 号'
const addressPage = formPages(enrolmentSchema).findIndex((page) => page.fields.includes('householdRegistrationAddress')) + 1

const householdRegister: SharedSource = {
  dataset: 'household-register',
  name: { zh: '户籍登记', en: 'household register' },
  department: 'public-security',
  kind: 'register',
  purpose: { zh: '核对户籍所在学区', en: 'To check the school district of the household' },
  of: null,
  many: false,
  fields: ['householdRegistrationAddress'],
  materials: ['household-register'],
  decision: null,
  recordKey: null,
  reason: null,
  records: [
    { key: '110105-00001', label: '户号 110105-00001', recordedAt: '2026-01-02T00:00:00Z', data: { address: ADDRESS } },
  ],
  read: null,
}

const vaccination: SharedSource = {
  ...householdRegister,
  dataset: 'vaccination-record',
  name: { zh: '预防接种记录', en: 'vaccination record' },
  department: 'health',
  purpose: { zh: '查验入学接种', en: 'To check vaccinations' },
  of: 'household-register',
  fields: ['vaccinationCertificateNumber'],
  materials: [],
  records: [],
}

/** The application endpoints, with PUT …/sources/{dataset} deciding the way the backend does. */
function backend() {
  const { handlers: endpoints, state } = applicationBackend({
    application: draft({ sources: [vaccination, householdRegister], lockedFields: [], satisfiedMaterials: [] }),
  })
  const decisions: Record<string, unknown>[] = []
  const decide = (_url: string, init?: RequestInit) => {
    const input = JSON.parse(String(init?.body)) as { decision: 'granted' | 'declined' | 'disputed'; recordKey?: string; reason?: string }
    decisions.push(input)
    const granted = input.decision === 'granted'
    const application: ApplicationView = {
      ...state.application,
      formData: granted
        ? { ...state.application.formData, householdRegistrationAddress: ADDRESS }
        : { ...state.application.formData, householdRegistrationAddress: undefined },
      lockedFields: granted ? ['householdRegistrationAddress'] : [],
      satisfiedMaterials: granted ? ['household-register'] : [],
      sources: state.application.sources?.map((source) =>
        source.dataset === 'household-register'
          ? { ...source, decision: input.decision, recordKey: granted ? '110105-00001' : null, reason: input.reason ?? null }
          : source,
      ),
    }
    state.application = application
    return json(application)
  }
  const handlers = { ...endpoints, [`${BASE}/sources/household-register`]: decide }
  return { handlers, state, decisions }
}

describe('免提交: what departments hold, used with the applicant\'s consent', () => {
  it('asks first, naming the department and the purpose, and will not go on without a choice', async () => {
    signedInAs(citizen, backend().handlers)
    const { user } = renderApp(APPLY)

    expect(await screen.findByRole('heading', { level: 1, name: '使用政府部门已有的数据' })).toBeInTheDocument()
    const card = screen.getByTestId('source-household-register')
    expect(await within(card).findByText('公安局')).toBeInTheDocument()
    expect(within(card).getByText('核对户籍所在学区')).toBeInTheDocument()
    expect(within(card).getByText('户籍地址')).toBeInTheDocument()
    expect(within(card).getByText('户口簿')).toBeInTheDocument()
    // the dependent source waits for the household to be chosen
    expect(within(screen.getByTestId('source-vaccination-record')).getByText(/请先在上面选择是否使用户籍登记/)).toBeInTheDocument()

    await user.click(screen.getByTestId('continue-button'))
    const summary = await screen.findByRole('alert')
    expect(within(summary).getByRole('link', { name: '请选择是否使用户籍登记' })).toBeInTheDocument()
  })

  it('agreeing fills the answer read-only with its source, and the document needs no upload', async () => {
    const { handlers, decisions } = backend()
    signedInAs(citizen, handlers)
    const first = renderApp(APPLY)

    await first.user.click(await screen.findByRole('radio', { name: /同意使用：户号 110105-00001/ }))
    expect(await screen.findByText('已同意使用户籍登记')).toBeInTheDocument()
    expect(decisions).toEqual([{ decision: 'granted', recordKey: '110105-00001' }])
    await first.user.click(screen.getByTestId('continue-button'))
    await screen.findByRole('heading', { level: 1, name: '填写申请信息' })
    first.unmount()

    renderApp(`${APPLY}&page=${addressPage}`)
    const address = await screen.findByRole('textbox', { name: '户籍地址' })
    expect(address).toHaveValue(ADDRESS)
    expect(address).toHaveAttribute('readonly')
    await waitFor(() => expect(address).toHaveAccessibleDescription(/来自公安局的户籍登记（2026年1月2日记录）/))
  })

  it('on the documents page a record that stands in for a document asks for nothing', async () => {
    const { handlers, state } = backend()
    state.application = {
      ...state.application,
      satisfiedMaterials: ['household-register'],
      sources: state.application.sources?.map((source) =>
        source.dataset === 'household-register' ? { ...source, decision: 'granted', recordKey: '110105-00001' } : source,
      ),
    }
    signedInAs(citizen, handlers)
    renderApp(`${APPLY}&page=materials`)

    const material = await screen.findByTestId('material-household-register')
    expect(within(material).getByText('免提交')).toBeInTheDocument()
    await waitFor(() =>
      expect(within(material).getByTestId('shared-material-note')).toHaveTextContent('来自公安局的户籍登记'),
    )
    expect(within(material).queryByLabelText(/选择文件/)).not.toBeInTheDocument()
    expect(screen.getByTestId('file-input-proof-of-residence')).toBeInTheDocument()
  })

  it('saying the record is wrong needs a reason, which is sent for the clerk', async () => {
    const { handlers, decisions } = backend()
    const fetchMock = signedInAs(citizen, handlers)
    const { user } = renderApp(APPLY)

    await user.click(await screen.findByRole('radio', { name: '这条记录有误，我自己提供' }))
    await user.click(screen.getByTestId('source-household-register-dispute-save'))
    expect(await screen.findByText('请写明记录哪里有误')).toBeInTheDocument()
    expect(decisions).toEqual([])

    await user.type(screen.getByRole('textbox', { name: '记录哪里有误？' }), '地址已变更')
    await user.click(screen.getByTestId('source-household-register-dispute-save'))
    await waitFor(() => expect(decisions).toEqual([{ decision: 'disputed', reason: '地址已变更' }]))
    expect(
      fetchMock.mock.calls.some(([input, init]) => requestUrl(input).pathname === `${BASE}/sources/household-register` && init?.method === 'PUT'),
    ).toBe(true)
  })
})
