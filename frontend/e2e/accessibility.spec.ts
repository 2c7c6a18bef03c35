import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'

// Automated WCAG 2.1 A/AA scan of the portal shell, signed out and signed in, in both languages.
// axe finds part of what a person with a screen reader or keyboard meets; what it reports is never OK.
const username = process.env.E2E_USERNAME ?? 'zhangsan'
const password = process.env.E2E_PASSWORD ?? 'Demo@2026'

test('the home page has no serious accessibility violations, signed out and signed in, zh-CN and en-US', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('login-button')).toBeVisible()
  await expectNoSeriousViolations(page, 'home, signed out, zh-CN')

  await page.getByTestId('login-button').click()
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="password"]').press('Enter')
  await expect(page.getByTestId('user-name')).toBeVisible()
  await expectNoSeriousViolations(page, 'home, signed in, zh-CN')

  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US')
  await expectNoSeriousViolations(page, 'home, signed in, en-US')

  // a link under the mouse keeps its contrast
  await page.goto('/services/primary-school-enrolment')
  await page.locator('main a[href="/services"]').first().hover()
  await expectNoSeriousViolations(page, 'guidance, a link under the mouse')

  // keyboard, from a fresh page load: the skip link is the first stop and leads to the main content
  await page.goto('/')
  await expect(page.getByTestId('user-name')).toBeVisible()
  await page.keyboard.press('Tab')
  const focused = page.locator(':focus')
  await expect(focused).toHaveAttribute('href', /#/)
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeVisible()

  await page.getByTestId('logout-button').click()
  await expect(page.getByTestId('login-button')).toBeVisible()
})
