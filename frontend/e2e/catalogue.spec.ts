import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'

// The public catalogue (办事服务) and a guidance page (办事指南), signed out, against the shipped
// food business licence (workflows/enterprise/food-business-licence.yaml).
test('a visitor finds the food business licence, reads its guidance and diagram, in Chinese and English', async ({
  page,
}) => {
  await page.goto('/services')
  await expect(page.getByRole('heading', { level: 1, name: '办事服务' })).toBeVisible()
  await expect(page.getByTestId('service-list')).toBeVisible()
  await expectNoSeriousViolations(page, 'catalogue, zh-CN')

  // search: the keyword goes into the address, so the list can be shared
  const search = page.getByRole('searchbox', { name: '搜索服务事项' })
  await search.fill('食品')
  await search.press('Enter')
  await expect(page).toHaveURL(/[?&]q=%E9%A3%9F%E5%93%81(&|$)/)
  const results = page.getByTestId('service-list')
  const food = results.getByRole('link', { name: '食品经营许可', exact: true })
  await expect(food).toBeVisible()
  await expect(page.getByTestId('service-card-food-business-licence')).toContainText('承诺时限')
  await expectNoSeriousViolations(page, 'catalogue, search results, zh-CN')

  // the guidance page
  await food.click()
  await expect(page).toHaveURL(/\/services\/food-business-licence$/)
  await expect(page.getByRole('heading', { level: 1, name: '食品经营许可' })).toBeVisible()
  const materials = page.getByTestId('materials-table')
  await expect(materials).toBeVisible()
  await expect(materials.locator('tbody tr').first()).toBeVisible()
  await expect(page.getByTestId('steps-list').getByRole('listitem').first()).toBeVisible()
  const diagram = page.getByTestId('service-diagram')
  await expect(diagram).toHaveAttribute('role', 'img')
  await expect(diagram.locator('svg')).toBeVisible()
  // signed out, applying starts with signing in
  await expect(page.getByTestId('apply-button')).toHaveAttribute('href', '/login')
  await expectNoSeriousViolations(page, 'guidance, zh-CN')

  // English: the names and the diagram follow the language
  await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Food business licence' }),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: /Food business licence/ }).locator('svg')).toBeVisible()
  await expectNoSeriousViolations(page, 'guidance, en-US')

  await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Services' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible()
  await expect(
    page.getByTestId('service-list').getByRole('link', { name: 'Food business licence', exact: true }),
  ).toBeVisible()
  await expectNoSeriousViolations(page, 'catalogue, en-US')
})

test('an unknown service gets a friendly not-found page', async ({ page }) => {
  await page.goto('/services/no-such-service')
  await expect(page.getByRole('heading', { level: 1, name: '未找到该服务事项' })).toBeVisible()
  await expect(page.getByRole('link', { name: '返回办事服务' })).toHaveAttribute('href', '/services')
})
