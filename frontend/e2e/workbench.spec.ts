import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'

// The staff pages against the demo realm: a clerk's workbench (工作台) and a department admin's
// workflow management (流程管理). The queue may be empty; the counts and the page must be there.
const password = process.env.E2E_STAFF_PASSWORD ?? process.env.E2E_PASSWORD ?? 'Demo@2026'
const clerk = process.env.E2E_CLERK_USERNAME ?? 'health-clerk'
const deptAdmin = process.env.E2E_DEPT_ADMIN_USERNAME ?? 'market-admin'

async function signIn(page: Page, username: string) {
  await page.goto('/')
  await page.getByTestId('login-button').click()
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="password"]').press('Enter')
  await expect(page.getByTestId('user-name')).toBeVisible()
}

// A definition with a YAML syntax error: the flow mapping of `name` is never closed.
const brokenDefinition = `formatVersion: 1
service:
  code: food-business-licence
  category: enterprise
  department: market-regulation
  name: { zh-CN: 食品经营许可, en-US: Food business licence
workflow:
  start: acceptance
`

test('a clerk sees the workbench with the counts per light', async ({ page }) => {
  await signIn(page, clerk)

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click()
  await expect(page).toHaveURL(/\/workbench$/)
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible()

  const lights = page.getByRole('radiogroup', { name: '时限状态' })
  await expect(lights).toBeVisible()
  for (const [testId, label] of [
    ['light-chip-all', '全部'],
    ['light-chip-GREEN', '正常'],
    ['light-chip-YELLOW', '临期'],
    ['light-chip-RED', '超期'],
  ] as const) {
    await expect(page.getByTestId(testId)).toHaveText(new RegExp(`^\\s*${label}\\s*\\d+\\s*$`))
  }
  await expect(page.getByTestId('queue-count')).toHaveText(/共 \d+ 件待办/)
  await expect(page.getByTestId('queue-table').or(page.getByTestId('queue-empty'))).toBeVisible()
  await expectNoSeriousViolations(page, 'workbench, zh-CN')

  // The light filter goes into the address, so a filtered queue can be shared.
  await lights.getByText('超期').click()
  await expect(page).toHaveURL(/[?&]light=RED(&|$)/)
  await expect(page.getByTestId('queue-count')).toHaveText(/共 \d+ 件待办/)

  await page.getByTestId('lang-switch').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workbench' })).toBeVisible()
  await expect(page.getByTestId('light-chip-RED')).toContainText('Overdue')
  await expectNoSeriousViolations(page, 'workbench, en-US')
})

test('a department admin checks a broken definition and sees its problem with a line number', async ({
  page,
}) => {
  await signIn(page, deptAdmin)

  await page.goto('/admin/workflows')
  await expect(page.getByRole('heading', { level: 1, name: '流程管理' })).toBeVisible()
  const services = page.getByTestId('admin-services')
  await expect(services).toBeVisible()
  await expect(services.getByTestId('versions-table').first()).toBeVisible()
  await expect(services.getByTestId('running').first()).toHaveText(/\d+ 件/)
  await expectNoSeriousViolations(page, 'workflow management, zh-CN')

  await page.getByRole('textbox', { name: '定义内容（YAML）' }).fill(brokenDefinition)
  await expect(page.getByRole('textbox', { name: '定义文件路径' })).toHaveValue(
    'enterprise/food-business-licence.yaml',
  )
  await page.getByRole('button', { name: '校验' }).click()

  await expect(page.getByTestId('validation-invalid')).toBeVisible()
  const problem = page.getByTestId('definition-problem').first()
  await expect(problem.getByRole('rowheader')).toHaveText(/第 \d+ 行/)
  await expect(problem).toContainText('错误')
  await expectNoSeriousViolations(page, 'workflow management, validation problems, zh-CN')
})
