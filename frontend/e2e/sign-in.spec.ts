import { expect, test } from '@playwright/test'

// The demo account of the realm file (Keycloak or the embedded identity provider).
const username = process.env.E2E_USERNAME ?? 'zhangsan'
const password = process.env.E2E_PASSWORD ?? 'Demo@2026'
const displayName = process.env.E2E_DISPLAY_NAME ?? '张三'

test('a citizen signs in through single sign-on, switches to English and signs out', async ({
  page,
}) => {
  await page.goto('/')

  const login = page.getByTestId('login-button')
  await expect(login).toBeVisible()
  await login.click()

  // The identity provider's own login page.
  const passwordField = page.locator('input[name="password"]')
  await page.locator('input[name="username"]').fill(username)
  await passwordField.fill(password)
  await passwordField.press('Enter')

  await expect(page.getByTestId('user-name')).toContainText(displayName)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.getByTestId('lang-switch').click()
  await expect(page.getByTestId('logout-button')).toHaveText('Sign out')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText('Home')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US')

  await page.getByTestId('logout-button').click()

  // Back on the portal, signed out everywhere, still in the language chosen.
  await expect(page.getByTestId('login-button')).toBeVisible()
  await expect(page.getByTestId('login-button')).toHaveText('Sign in')
  await expect(page.getByTestId('user-name')).toHaveCount(0)
})
