import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, mockBackend, renderApp, requestUrl, enterText } from '@/testing/test-utils'
import {
  COLLEAGUE,
  fakeWorkbench,
  history,
  marketAdmin,
  marketClerk,
  problemDetail,
  queueItems,
  taskView,
} from '../testing/fixtures'
import type { Candidate, TaskItem } from '../types'
// The route loads the task page on demand: imported here, its code loads with this file instead of
// inside the first test's time.
import './TaskPage'

const RED = '/workbench/inst-red/acceptance'
const BASE = '/api/v1/workbench/tasks/inst-red/acceptance'
const OTHER = '5b1f0000-0000-4000-8000-00000000c1e3'

const candidates: Candidate[] = [
  { subject: COLLEAGUE, username: 'market-clerk', displayName: '孙丽', holdsTask: true },
  { subject: OTHER, username: 'market-clerk-2', displayName: '刘洋', holdsTask: false },
]

/** The red task, claimed by a colleague, as its department admin or a clerk sees it. */
function claimedTask(me = marketAdmin, reassignment?: (body: unknown) => Response) {
  const items = queueItems()
  const red = items[0]!
  red.claimedBy = COLLEAGUE
  red.claimedByName = '孙丽'
  const named = history.map((entry) =>
    entry.actorDepartment ? { ...entry, actorName: '孙丽' } : { ...entry, actorName: null },
  )
  const fake = fakeWorkbench(me, {
    items,
    views: { 'inst-red': taskView(red, { history: named, mayReassign: me === marketAdmin }) },
    override: {
      [`${BASE}/candidates`]: () => json(candidates),
      [`${BASE}/reassignment`]: (_url, init) => {
        const body = JSON.parse(String(init?.body)) as { clerk: string | null }
        if (reassignment) return reassignment(body)
        const moved: TaskItem = { ...red, claimedBy: body.clerk, claimedByName: '刘洋', claimedByMe: false }
        return json(moved)
      },
    },
  })
  mockBackend(() => json(me), fake.handlers)
  return fake
}

async function openDialog() {
  const view = renderApp(RED)
  await screen.findByRole('heading', { level: 1, name: '食品经营许可 · 受理' })
  await view.user.click(screen.getByRole('button', { name: '改派办件 TB-2026-000101 的这个环节' }))
  const dialog = await screen.findByRole('dialog', { name: '改派任务' })
  await within(dialog).findByRole('radiogroup', { name: '改派给' })
  return { ...view, dialog }
}

describe('reassignment (改派)', () => {
  it("names the holder and the history's officials instead of their subjects", async () => {
    claimedTask(marketClerk)
    renderApp(RED)
    await screen.findByRole('heading', { level: 1, name: '食品经营许可 · 受理' })
    const facts = screen.getByTestId('task-facts')
    expect(within(facts).getByTestId('claim-status')).toHaveTextContent('孙丽 已认领')
    const entries = within(screen.getByTestId('task-history')).getAllByRole('listitem')
    expect(entries[1]).toHaveTextContent('孙丽（市场监督管理局）')
    expect(entries[0]).toHaveTextContent('申请人')
    expect(document.body).not.toHaveTextContent(COLLEAGUE)
    // a clerk does not reassign
    expect(screen.queryByRole('button', { name: /改派/ })).not.toBeInTheDocument()
  })

  it('lets the department admin choose a clerk who signed in, with a reason, and says it is done', async () => {
    const fake = claimedTask()
    const { user, dialog } = await openDialog()

    expect(dialog).toHaveTextContent('当前认领人：孙丽')
    expect(dialog).toHaveTextContent('至少登录过一次通办')
    expect(dialog).toHaveTextContent('请其先登录一次通办')
    const group = within(dialog).getByRole('radiogroup', { name: '改派给' })
    expect(within(group).getByRole('radio', { name: /孙丽/ })).toBeDisabled()

    // nothing chosen yet: said so, nothing sent
    await user.click(within(dialog).getByRole('button', { name: '确认改派' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请先选择要改派给谁')

    await user.click(within(group).getByRole('radio', { name: /刘洋/ }).closest('label')!)
    await enterText(user, within(dialog).getByRole('textbox', { name: /改派原因/ }), '原认领人休假')
    await user.click(within(dialog).getByRole('button', { name: '确认改派' }))

    await waitFor(() => expect(screen.getByTestId('reassign-notice')).toHaveTextContent('已将办件 TB-2026-000101 改派给 刘洋'))
    const posted = fake.requests.filter((request) => requestUrl(request.url).pathname.endsWith('/reassignment'))
    expect(posted.map((request) => request.body)).toEqual([{ clerk: OTHER, reason: '原认领人休假' }])
    // the task is read again, so the page shows its new holder
    await waitFor(() =>
      expect(fake.requests.filter((request) => requestUrl(request.url).pathname === BASE)).toHaveLength(2),
    )
  })

  it("shows the server's refusal in plain words and keeps the dialog open", async () => {
    claimedTask(marketAdmin, () =>
      problemDetail(
        400,
        '不能改派给这位人员',
        '只能改派给本部门负责这个环节的工作人员，且对方至少登录过一次通办。',
      ),
    )
    const { user, dialog } = await openDialog()
    const group = within(dialog).getByRole('radiogroup', { name: '改派给' })
    await user.click(within(group).getByRole('radio', { name: /刘洋/ }).closest('label')!)
    await user.click(within(dialog).getByRole('button', { name: '确认改派' }))

    const alert = await within(dialog).findByTestId('reassign-error')
    expect(alert).toHaveTextContent('不能改派给这位人员')
    expect(alert).toHaveTextContent('只能改派给本部门负责这个环节的工作人员')
    expect(screen.getByRole('dialog', { name: '改派任务' })).toBeInTheDocument()
  })
})
