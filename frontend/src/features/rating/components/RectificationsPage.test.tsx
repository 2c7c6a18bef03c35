import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { citizen, json, marketAdmin, marketRegulation, renderApp, signedInAs, type Handlers } from '@/testing/test-utils'
import type { Rectification } from '../api/rectifications'

const overdue: Rectification = {
  id: 'rect-1',
  applicationId: 'app-1',
  applicationNumber: 'TB-20261201-000042',
  service: { code: 'food-business-licence', nameZh: '食品经营许可', nameEn: 'Food business licence' },
  department: marketRegulation,
  step: null,
  level: 1,
  reasons: ['unexplained-decision'],
  comment: '驳回理由没有说明依据',
  openedAt: '2026-11-02T02:00:00Z',
  dueAt: '2026-11-23T16:00:00Z',
  light: 'red',
  status: 'open',
  answerKind: null,
  answer: null,
  answeredByName: null,
  answeredAt: null,
  disputeDecision: null,
  disputeNote: null,
  decidedAt: null,
  currentLevel: 1,
  ratedAgain: false,
  mayAnswer: true,
  mayDecide: false,
}

function backend(items: Rectification[]) {
  const answers: unknown[] = []
  let current = items
  const handlers: Handlers = {
    '/api/v1/rectifications': () => json({ items: current, total: current.length, page: 0, size: 20 }),
    '/api/v1/rectifications/rect-1/answer': (_url, init) => {
      const body = JSON.parse(init?.body as string) as { kind: string; answer: string }
      answers.push(body)
      const answered: Rectification = {
        ...overdue,
        status: 'answered',
        light: null,
        answerKind: 'rectified',
        answer: body.answer,
        answeredByName: '褚红',
        answeredAt: '2026-12-01T02:00:00Z',
        mayAnswer: false,
      }
      current = [answered]
      return json(answered)
    },
  }
  return { handlers, answers }
}

describe('差评整改', () => {
  it('shows an overdue rectification in red and sends the department admin’s answer', async () => {
    const { handlers, answers } = backend([overdue])
    signedInAs(marketAdmin, handlers)
    const user = userEvent.setup()
    renderApp('/admin/rectifications')

    const item = await screen.findByTestId('rectification')
    expect(within(item).getByTestId('rectification-light')).toHaveTextContent('已超期')
    expect(within(item).getByTestId('rectification-level')).toHaveTextContent('非常不满意')
    expect(item).toHaveTextContent('驳回理由没有说明依据')
    expect(item).toHaveTextContent('办理结果未说明理由')

    const form = within(item).getByTestId('rectification-answer-form')
    await user.click(within(form).getByTestId('rectification-answer-submit'))
    expect(await within(form).findByRole('alert')).toHaveTextContent('请填写答复内容')
    expect(answers).toEqual([])
    await user.type(within(form).getByRole('textbox', { name: '答复内容' }), '已补充告知依据')
    await user.click(within(form).getByTestId('rectification-answer-submit'))

    await waitFor(() => expect(screen.getByTestId('rectification-status')).toHaveTextContent('已答复'))
    expect(answers).toEqual([{ kind: 'rectified', answer: '已补充告知依据' }])
    expect(screen.getByTestId('rectification-answer')).toHaveTextContent('已补充告知依据')
    expect(screen.queryByTestId('rectification-answer-form')).toBeNull()
  })

  it('is for department admins and the platform admin only', async () => {
    signedInAs(citizen, backend([overdue]).handlers)
    renderApp('/admin/rectifications')
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('差评整改')
    expect(screen.queryByTestId('rectification')).toBeNull()
  })
})
