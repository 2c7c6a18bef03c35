import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, applicationBackend, inCorrection } from '@/testing/application-fixtures'
import { citizen, renderApp, requestUrl, signedInAs, type Handlers } from '@/testing/test-utils'
import type { ApplicationView } from '../types'

const PAGE = `/my/applications/${APPLICATION_ID}`
const ANSWER = `/api/v1/applications/${APPLICATION_ID}/steps/citizen-confirms/answer`

/** An application whose workflow waits for the applicant to confirm the result. */
function awaitingConfirmation(): ApplicationView {
  return inCorrection({
    status: 'in-progress',
    correction: null,
    corrections: [],
    currentSteps: [
      {
        step: 'citizen-confirms',
        branch: null,
        department: 'education',
        role: '~applicant',
        status: 'active',
        activatedAt: '2026-11-30T02:00:00Z',
        dueAt: '2026-12-09T16:00:00Z',
        light: 'GREEN',
      },
    ],
    awaiting: {
      step: 'citizen-confirms',
      name: { zh: '市民确认', en: 'Citizen confirms' },
      description: { zh: '请确认诉求是否已解决。', en: 'Please confirm whether it has been resolved.' },
      actions: ['confirm', 'reopen'],
      dueAt: '2026-12-09T16:00:00Z',
    },
  })
}

function withAnswers(application: ApplicationView) {
  const backend = applicationBackend({ application })
  const answers: unknown[] = []
  const answer: Handlers[string] = (_url, init) => {
    const given = JSON.parse(init?.body as string) as { action: string; text: string | null }
    answers.push(given)
    const after: ApplicationView =
      given.action === 'confirm'
        ? { ...application, status: 'approved', awaiting: null, currentSteps: [], endState: { zh: '已解决', en: 'Resolved' } }
        : { ...application, awaiting: null, currentSteps: [] }
    return new Response(JSON.stringify(after), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
  const handlers: Handlers = { ...backend.handlers, [ANSWER]: answer }
  return { handlers, answers }
}

describe('a step that waits for the applicant (申请人确认)', () => {
  it('says what is asked and until when, and needs a reason to reopen', async () => {
    const { handlers, answers } = withAnswers(awaitingConfirmation())
    const fetchMock = signedInAs(citizen, handlers)
    const user = userEvent.setup()
    renderApp(PAGE)

    const panel = await screen.findByTestId('awaiting-panel')
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('需要您确认：市民确认')
    expect(panel).toHaveTextContent('请确认诉求是否已解决。')
    expect(screen.getByTestId('awaiting-due')).toHaveTextContent('2026年12月9日')
    expect(within(screen.getByTestId('current-steps')).getByText('等待您答复')).toBeInTheDocument()
    expect(within(panel).queryByTestId('awaiting-supply')).toBeNull()

    await user.click(within(panel).getByTestId('awaiting-reopen'))
    expect(await within(panel).findByRole('alert')).toHaveTextContent('请写明申请重新办理的原因')
    expect(within(panel).getByRole('textbox', { name: '您的意见' })).toHaveFocus()
    expect(fetchMock.mock.calls.some(([input]) => requestUrl(input).pathname === ANSWER)).toBe(false)

    await user.type(within(panel).getByRole('textbox', { name: '您的意见' }), '仍然很吵')
    await user.click(within(panel).getByTestId('awaiting-reopen'))
    expect(await screen.findByTestId('detail-notice')).toHaveTextContent('已申请重新办理')
    expect(answers).toEqual([{ action: 'reopen', text: '仍然很吵' }])
    await waitFor(() => expect(screen.queryByTestId('awaiting-panel')).toBeNull())
  })

  it('confirms without a comment and shows the named end state', async () => {
    const { handlers, answers } = withAnswers(awaitingConfirmation())
    signedInAs(citizen, handlers)
    const user = userEvent.setup()
    renderApp(PAGE)

    await user.click(await screen.findByTestId('awaiting-confirm'))
    expect(await screen.findByTestId('detail-notice')).toHaveTextContent('已确认，办件办结。')
    expect(answers).toEqual([{ action: 'confirm', text: null }])
    expect(await screen.findByTestId('end-state')).toHaveTextContent('已解决')
  })
})
