import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'
import { api } from './support/api.ts'
import { decideTask, signIn, signOut } from './support/people.ts'

// Journey 5. A city hotline's grievance process, written by the government services administration with its own
// roles (backend/src/test/resources/grievance/citizen-complaint.yaml). Its admin uploads the definition, is told
// the dispatcher role does not exist yet, defines it and publishes; a citizen complains; the dispatcher names the
// field officer who will resolve it; the officer resolves; the citizen is not satisfied and reopens the case.
// Then the test (SignInBrowserIT) lets the officer's 24 hours pass, as the clock would, and the timers hand the
// overdue case to the supervisor; in the second part the supervisor resolves it and the citizen confirms.
//
//   E2E_PHASE   before-deadline (the first part) or after-deadline (the second)
//   E2E_STATE   a file the first part writes the application's id and number to, for the second
const phase = process.env.E2E_PHASE ?? 'before-deadline'
const stateFile = process.env.E2E_STATE ?? 'target/e2e/grievance-state.json'
const citizen = process.env.E2E_USERNAME ?? 'zhangsan'
const SERVICE = 'citizen-complaint'
const FILE = 'complaints/citizen-complaint.yaml'
const definition = readFileSync(new URL('../../backend/src/test/resources/grievance/citizen-complaint.yaml', import.meta.url), 'utf8')

interface State {
  id: string
  number: string
}

async function openApplication(page: Page, state: State) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click()
  await page.getByTestId(`application-${state.id}`).getByRole('link', { name: /查看详情/ }).click()
  await expect(page.getByTestId('application-detail')).toBeVisible()
}

test.describe('a hotline complaint', () => {
  test.skip(phase !== 'before-deadline', 'the first part')

  test('the admin publishes the grievance workflow with the dispatcher role, the dispatcher names the officer, the officer resolves, the citizen reopens', async ({
    page,
  }) => {
    test.setTimeout(240_000)

    // the department admin: the definition names a role the department has not defined yet
    await signIn(page, 'gov-admin')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '流程管理' }).click()
    const roles = page.getByTestId('department-roles-government-services')
    await expect(roles.getByTestId('role-field-officer')).toBeVisible()
    await page.getByTestId('definition-yaml').fill(definition)
    await page.getByTestId('definition-file').fill(FILE)
    if ((await roles.getByTestId('role-dispatcher').count()) === 0) {
      await page.getByTestId('validate-button').click()
      await expect(page.getByTestId('validation-invalid')).toBeVisible()
      await expect(page.getByTestId('definition-problem').first()).toContainText('dispatcher')
      await expectNoSeriousViolations(page, 'definition with an unknown role')

      await roles.getByTestId('new-role-code').fill('dispatcher')
      await roles.getByTestId('new-role-name-zh').fill('派单员')
      await roles.getByTestId('new-role-name-en').fill('Dispatcher')
      await roles.getByTestId('new-role-submit').click()
      await expect(roles.getByTestId('role-dispatcher')).toContainText('派单员')
    }
    // (the identity provider's dispatchers group grants the role; its members are listed once they signed in)
    await expectNoSeriousViolations(page, 'roles of the department')
    await page.getByTestId('validate-button').click()
    await expect(page.getByTestId('validation-valid')).toBeVisible()
    await page.getByTestId('publish-button').click()
    await page.getByRole('button', { name: '确认发布' }).click()
    await expect(page.getByTestId('publish-success')).toBeVisible()
    await expect(page.getByTestId(`admin-service-${SERVICE}`)).toBeVisible()
    await signOut(page)

    // the officers have signed in once, so the portal knows them
    for (const officer of ['gov-officer', 'gov-officer-2']) {
      await signIn(page, officer)
      await signOut(page)
    }

    // a citizen complains (filed through the API as an integration would; the form is the ordinary one)
    await signIn(page, citizen)
    const created = await api(page, 'POST', '/api/v1/applications', { serviceCode: SERVICE })
    const id = created.id as string
    await api(page, 'PUT', `/api/v1/applications/${id}/draft`, {
      formData: { category: 'noise', location: '幸福路 12 号楼下', details: '楼下商铺每晚十一点后仍大声播放音乐' },
    })
    const receipt = await api(page, 'POST', `/api/v1/applications/${id}/submission`)
    const state: State = { id, number: receipt.number as string }
    writeFileSync(stateFile, JSON.stringify(state))
    await signOut(page)

    // the dispatcher names the officer who will resolve it
    await signIn(page, 'gov-dispatcher')
    await decideTask(page, state.number, '派单', { action: 'approve', comment: '噪声扰民，请现场核查' }, async (task) => {
      await task.getByTestId('decision-panel').getByRole('radio', { name: '通过' }).check()
      // choose as a keyboard user does: type into the combobox, pick with Enter
      await task.getByRole('combobox', { name: '派给承办人' }).click()
      await task.getByRole('combobox', { name: '派给承办人' }).fill('周强')
      await task.getByRole('combobox', { name: '派给承办人' }).press('Enter')
      await expect(task.getByTestId('decision-assignee')).toContainText('周强')
    })
    await signOut(page)

    // the named officer finds it under their own tasks and resolves it
    await signIn(page, 'gov-officer')
    await page.goto('/workbench?mine=true')
    await expect(page.getByTestId('queue-table').getByRole('row').filter({ hasText: state.number })).toHaveCount(1)
    await decideTask(page, state.number, '承办处理', { action: 'approve', comment: '已约谈商铺，承诺晚十点后停止播放' })
    await signOut(page)

    // the citizen is asked to confirm, and is not satisfied
    await signIn(page, citizen)
    await openApplication(page, state)
    const awaiting = page.getByTestId('awaiting-panel')
    await expect(awaiting.getByRole('heading', { level: 2 })).toContainText('市民确认')
    await expect(page.getByTestId('awaiting-due')).toBeVisible()
    await expectNoSeriousViolations(page, 'the citizen is asked to confirm')
    await awaiting.getByTestId('awaiting-reopen').click()
    await expect(awaiting.getByRole('alert')).toContainText('请写明申请重新办理的原因')
    await awaiting.getByTestId('awaiting-text').fill('昨晚十一点半仍在播放音乐')
    await awaiting.getByTestId('awaiting-reopen').click()
    await expect(page.getByTestId('detail-notice')).toContainText('已申请重新办理')
    await expect(page.getByTestId('awaiting-panel')).toHaveCount(0)
    await expect(page.getByTestId('timeline')).toContainText('昨晚十一点半仍在播放音乐')
    await signOut(page)
  })
})

test.describe('the overdue complaint', () => {
  test.skip(phase !== 'after-deadline', 'the second part')

  test('the escalation handed the overdue case to the supervisor, who resolves it; the citizen confirms', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State

    // the officer who let it lapse no longer has it
    await signIn(page, 'gov-officer')
    await page.goto(`/workbench?q=${state.number}`)
    await expect(page.getByTestId('queue-table').getByRole('row').filter({ hasText: state.number })).toHaveCount(0)
    await signOut(page)

    await signIn(page, 'gov-supervisor')
    await decideTask(page, state.number, '承办处理', { action: 'approve', comment: '督办：商铺已安装隔音设施' }, async (task) => {
      await expect(task.getByTestId('task-history')).toContainText('督办负责人')
    })
    await signOut(page)

    await signIn(page, citizen)
    await openApplication(page, state)
    const awaiting = page.getByTestId('awaiting-panel')
    await awaiting.getByTestId('awaiting-text').fill('已经安静了，谢谢')
    await awaiting.getByTestId('awaiting-confirm').click()
    await expect(page.getByTestId('detail-notice')).toContainText('已确认')
    await expect(page.getByTestId('application-facts')).toContainText('已解决')
    await expect(page.getByTestId('timeline')).toContainText('超时升级转办')
    await expectNoSeriousViolations(page, 'the confirmed complaint')
  })
})
