import { mkdirSync } from 'node:fs'
import { test, expect, type Page } from '@playwright/test'
import { enrolment } from './support/applications.ts'
import { decideTask, signIn, signOut } from './support/people.ts'
import { declineSharedData } from './support/shared-data.ts'

// The screenshots in docs/screenshots: each main page on a desktop (1280 × 900) and a phone
// (390 × 844). Not part of the test run; against a freshly started portal (embedded defaults):
//
//   apt-get install fonts-noto-cjk   # Chinese glyphs for the headless browser
//   SCREENSHOTS_DIR=../docs/screenshots TONGBAN_BASE_URL=http://localhost:8080 npx playwright test e2e/screenshots.spec.ts
const dir = process.env.SCREENSHOTS_DIR
test.skip(!dir, 'set SCREENSHOTS_DIR to take the screenshots')

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const

async function shoot(page: Page, name: string) {
  mkdirSync(dir as string, { recursive: true })
  for (const [device, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size)
    await page.waitForTimeout(300)
    await page.screenshot({ path: `${dir}/${name}-${device}.png`, fullPage: device === 'desktop' })
  }
  await page.setViewportSize(SIZES.desktop)
}

test('screenshots of every main page', async ({ page }) => {
  test.setTimeout(300_000)
  await page.setViewportSize(SIZES.desktop)

  await page.goto('/')
  await expect(page.getByTestId('login-button')).toBeVisible()
  await shoot(page, 'home-signed-out')
  await page.goto('/services')
  await expect(page.getByTestId('apply-button').or(page.locator('main h1'))).toBeVisible()
  await shoot(page, 'catalogue')
  await page.goto('/services/food-business-licence')
  await expect(page.locator('main h1')).toBeVisible()
  await shoot(page, 'guidance')

  await page.getByTestId('login-button').click()
  await expect(page.locator('input[name="username"]')).toBeVisible()
  await shoot(page, 'idp-login')
  await page.locator('input[name="username"]').fill('zhangsan')
  await page.locator('input[name="password"]').fill('Demo@2026')
  await page.locator('input[name="password"]').press('Enter')
  await expect(page.getByTestId('user-name')).toBeVisible()
  await page.goto('/')
  await shoot(page, 'home-citizen')

  const corrected = await enrolment(page)
  const approved = await enrolment(page)
  await page.goto('/services/primary-school-enrolment')
  await page.getByTestId('apply-button').click()
  await expect(page.getByTestId('application-wizard')).toHaveAttribute('data-page', 'sources')
  await shoot(page, 'apply-shared-data')
  await declineSharedData(page)
  await page.getByRole('textbox', { name: '儿童姓名' }).fill('张小红')
  await shoot(page, 'apply-form')
  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US')
  await shoot(page, 'apply-form-en')
  await page.goto('/')
  await shoot(page, 'home-citizen-en')
  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await signOut(page)

  // the clerks at work: one enrolment back for correction, the other approved all the way
  await signIn(page, 'health-clerk')
  await decideTask(page, corrected.number, '预防接种证查验', {
    action: 'correction',
    items: ['预防接种证编号'],
    reason: '预防接种证编号与系统记录不一致，请核对后重新填写。',
  })
  await decideTask(page, approved.number, '预防接种证查验', { action: 'approve' })
  await signOut(page)
  await signIn(page, 'edu-clerk')
  await decideTask(page, approved.number, '报名受理', { action: 'approve' })
  await decideTask(page, approved.number, '入学资格审核', { action: 'approve' })
  await page.goto('/workbench')
  await expect(page.getByTestId('queue-table').or(page.getByTestId('queue-empty'))).toBeVisible()
  await shoot(page, 'workbench')
  await page.getByTestId('queue-table').getByTestId('task-link').first().click()
  await expect(page.getByTestId('decision-panel')).toBeVisible()
  await shoot(page, 'workbench-task')
  await page.goto('/notifications')
  await expect(page.locator('main h1')).toBeVisible()
  await shoot(page, 'notifications')
  await signOut(page)

  await signIn(page, 'edu-admin')
  await page.goto('/workbench/assignments')
  await expect(page.locator('main h1')).toBeVisible()
  await shoot(page, 'assignments')
  await decideTask(page, approved.number, '学位安排', { action: 'approve', comment: '安排至和平里第一小学' })
  await page.goto('/admin/workflows')
  await expect(page.getByTestId('admin-services')).toBeVisible()
  await shoot(page, 'workflow-admin')
  await signOut(page)

  await signIn(page, 'zhangsan')
  await page.goto('/my/applications')
  await expect(page.getByTestId('applications-table')).toBeVisible()
  await shoot(page, 'my-applications')
  await page.goto(`/my/applications/${corrected.id}`)
  await expect(page.getByTestId('correction-panel')).toBeVisible()
  await shoot(page, 'correction')
  await page.goto(`/my/applications/${approved.id}`)
  await expect(page.getByTestId('timeline')).toContainText('学位安排')
  await shoot(page, 'application-detail')
})
