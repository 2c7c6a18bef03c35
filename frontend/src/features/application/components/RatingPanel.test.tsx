import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, applicationBackend, inCorrection, NUMBER } from '@/testing/application-fixtures'
import { citizen, json, renderApp, signedInAs, type Handlers } from '@/testing/test-utils'
import type { ApplicantRatings, RatingView } from '../api/ratings'

const PAGE = `/my/applications/${APPLICATION_ID}`
const RATING = `/api/v1/applications/${APPLICATION_ID}/rating`
const RATINGS = `/api/v1/applications/${APPLICATION_ID}/ratings`
const education = { code: 'education', nameZh: '教育局', nameEn: 'Education Bureau' }

const rejected = inCorrection({
  status: 'rejected',
  number: NUMBER,
  correction: null,
  corrections: [],
  currentSteps: [],
})

function ratings(overrides: Partial<ApplicantRatings> = {}): ApplicantRatings {
  return {
    mayRateApplication: true,
    steps: [],
    ratings: [],
    goodReasons: ['clear-guidance', 'quick', 'courteous', 'few-trips', 'easy-online', 'other'],
    badReasons: ['unclear-guidance', 'slow', 'materials-repeated', 'poor-attitude', 'unexplained-decision', 'hard-online', 'other'],
    commentLimit: 500,
    changeDays: 15,
    ...overrides,
  }
}

function badRating(overrides: Partial<RatingView> = {}): RatingView {
  return {
    id: 'r1',
    scope: 'application',
    step: null,
    department: education,
    level: 1,
    firstLevel: 1,
    reasons: ['unexplained-decision'],
    comment: '没有说明理由',
    firstRatedAt: '2026-12-01T02:00:00Z',
    ratedAt: '2026-12-01T02:00:00Z',
    changeableUntil: '2026-12-16T02:00:00Z',
    mayChange: true,
    ratedAgain: false,
    excluded: false,
    rectification: {
      status: 'open',
      department: education,
      dueAt: '2026-12-22T16:00:00Z',
      light: 'green',
      answerKind: null,
      answer: null,
      answeredAt: null,
      disputeDecision: null,
      disputeNote: null,
    },
    ...overrides,
  }
}

/** The backend with the rating endpoints: what was posted, and the view after it. */
function backend(initial: ApplicantRatings, after: ApplicantRatings) {
  const sent: { method: string; url: string; body: unknown }[] = []
  let current = initial
  const rate: Handlers[string] = (url, init) => {
    sent.push({ method: init?.method ?? 'GET', url, body: JSON.parse(init?.body as string) })
    current = after
    return json(after.ratings[after.ratings.length - 1], init?.method === 'POST' ? 201 : 200)
  }
  const handlers: Handlers = {
    ...applicationBackend({ application: rejected }).handlers,
    [RATING]: () => json(current),
    [RATINGS]: rate,
    [`${RATINGS}/r1`]: rate,
  }
  return { handlers, sent }
}

describe('好差评 on the application’s page', () => {
  it('asks for a level and, for a bad one, a reason before it sends the rating', async () => {
    const { handlers, sent } = backend(ratings(), ratings({ mayRateApplication: false, ratings: [badRating()] }))
    signedInAs(citizen, handlers)
    const user = userEvent.setup()
    renderApp(PAGE)

    const form = await screen.findByTestId('rating-form')
    expect(within(form).getByRole('heading', { level: 3 })).toHaveTextContent('评价本次办理')
    await user.click(within(form).getByTestId('rating-submit'))
    expect(await within(form).findByRole('alert')).toHaveTextContent('请选择评价等级')

    await user.click(within(form).getByRole('radio', { name: '非常不满意' }))
    expect(within(form).queryByRole('checkbox', { name: '办理快捷' })).toBeNull()
    await user.click(within(form).getByTestId('rating-submit'))
    expect(await within(form).findByRole('alert')).toHaveTextContent('请至少选择一项评价理由')
    expect(sent).toEqual([])

    await user.click(within(form).getByRole('checkbox', { name: '办理结果未说明理由' }))
    await user.type(within(form).getByRole('textbox', { name: '评价内容（可选）' }), '没有说明理由')
    await user.click(within(form).getByTestId('rating-submit'))

    expect(await screen.findByTestId('rating-done')).toHaveTextContent('感谢您的评价')
    expect(sent).toEqual([
      {
        method: 'POST',
        url: RATINGS,
        body: { level: 1, reasons: ['unexplained-decision'], comment: '没有说明理由' },
      },
    ])
    const entry = await screen.findByTestId('rating-entry')
    expect(within(entry).getByTestId('rating-level')).toHaveTextContent('非常不满意')
    expect(within(entry).getByTestId('rectification-status')).toHaveTextContent(
      '教育局正在核实整改，应于 2026年12月22日 前答复您。',
    )
    expect(screen.queryByTestId('rating-form')).toBeNull()
  })

  it('shows the department’s answer and lets the applicant rate once more', async () => {
    const answered = badRating({
      rectification: {
        ...badRating().rectification!,
        status: 'answered',
        light: null,
        answerKind: 'rectified',
        answer: '已补充告知驳回依据，并对窗口人员进行培训。',
        answeredAt: '2026-12-03T02:00:00Z',
      },
    })
    const again = { ...answered, level: 4 as const, reasons: ['courteous'], ratedAgain: true, mayChange: false }
    const { handlers, sent } = backend(
      ratings({ mayRateApplication: false, ratings: [answered] }),
      ratings({ mayRateApplication: false, ratings: [again] }),
    )
    signedInAs(citizen, handlers)
    const user = userEvent.setup()
    renderApp(PAGE)

    const answer = await screen.findByTestId('rectification-answer')
    expect(answer).toHaveTextContent('已核实整改')
    expect(answer).toHaveTextContent('已补充告知驳回依据')
    await user.click(screen.getByRole('button', { name: '查看答复后再次评价' }))
    const form = await screen.findByTestId('rating-form-change')
    expect(within(form).getByRole('heading', { level: 3 })).toHaveTextContent('再次评价')
    await user.click(within(form).getByRole('radio', { name: '满意' }))
    expect(within(form).queryByRole('checkbox', { name: '办理结果未说明理由' })).toBeNull()
    await user.click(within(form).getByRole('checkbox', { name: '服务热情' }))
    await user.click(within(form).getByTestId('rating-submit'))

    await waitFor(() => expect(screen.getByTestId('rating-level')).toHaveTextContent('满意'))
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: `${RATINGS}/r1`,
        body: { level: 4, reasons: ['courteous'], comment: '没有说明理由' },
      },
    ])
    expect(screen.getByTestId('rating-entry')).toHaveTextContent('首次评价：非常不满意')
    expect(screen.queryByRole('button', { name: '查看答复后再次评价' })).toBeNull()
  })
})
