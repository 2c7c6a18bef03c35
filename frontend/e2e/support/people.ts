import { expect, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'

/** The demo realm's password (demo only; see the README). */
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? 'Demo@2026'

/** Signs in through the identity provider's own login page (embedded or Keycloak). */
export async function signIn(page: Page, username: string, displayName?: string) {
  await page.goto('/')
  await page.getByTestId('login-button').click()
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('input[name="password"]').press('Enter')
  if (displayName) {
    await expect(page.getByTestId('user-name')).toContainText(displayName)
  } else {
    await expect(page.getByTestId('user-name')).toBeVisible()
  }
}

/** Signs out of the portal and the identity provider, so that the next person can sign in. */
export async function signOut(page: Page) {
  await page.getByTestId('logout-button').click()
  await expect(page.getByTestId('login-button')).toBeVisible()
}

export type ClerkDecision =
  | { action: 'approve'; comment?: string }
  | { action: 'correction'; items: string[]; reason: string }

/**
 * A clerk finds the application in their department's queue by its number, opens the task at
 * the named step, claims it and decides. Returns with the workbench showing the decision.
 */
export async function decideTask(
  page: Page,
  number: string,
  stepName: string,
  decision: ClerkDecision,
  check?: (page: Page) => Promise<void>,
) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()
  await page.getByRole('searchbox', { name: '办件编号或申请人' }).fill(number)
  await page.getByRole('searchbox', { name: '办件编号或申请人' }).press('Enter')
  await expect(page).toHaveURL(new RegExp(`[?&]q=${number}`))
  const row = page.getByTestId('queue-table').getByRole('row').filter({ hasText: stepName })
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('task-link')).toHaveText(number)
  await row.getByTestId('task-link').click()

  const task = page.getByTestId('task-page')
  await expect(task).toBeVisible()
  await expect(task.getByRole('heading', { level: 1 })).toContainText(stepName)
  // a task that comes back after a correction is still claimed by the clerk who asked
  await expect(page.getByTestId('claim-button').or(page.getByTestId('release-button'))).toBeVisible()
  if (await page.getByTestId('claim-button').isVisible()) await page.getByTestId('claim-button').click()
  await expect(page.getByTestId('release-button')).toBeVisible()
  if (check) await check(page)

  const panel = page.getByTestId('decision-panel')
  if (decision.action === 'approve') {
    await panel.getByRole('radio', { name: '通过' }).check()
    if (decision.comment) await page.getByTestId('decision-reason').fill(decision.comment)
  } else {
    await panel.getByRole('radio', { name: '要求补正' }).check()
    const items = page.getByTestId('correction-items')
    for (const item of decision.items) await items.getByRole('checkbox', { name: item }).check()
    await page.getByTestId('decision-reason').fill(decision.reason)
  }
  await expectNoSeriousViolations(page, `task page, ${stepName}, before deciding`)
  await page.getByTestId('decision-submit').click()
  await expect(page.getByTestId('decision-success')).toContainText(number)
}
