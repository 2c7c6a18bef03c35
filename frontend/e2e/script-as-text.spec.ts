import { expect, test, type Page } from '@playwright/test'
import { api } from './support/api.ts'
import { expectNoSeriousViolations } from './support/axe.ts'
import { pdf, png } from './support/files.ts'
import { signIn, signOut } from './support/people.ts'

// Script typed into the free-text answers of a food licence application is kept as the text it is
// and shown as text wherever the answers appear: the applicant's own pages and the clerk's task
// page. Nothing of it ever runs.
const business = process.env.E2E_BUSINESS_USERNAME ?? 'wangwu'
const clerk = process.env.E2E_MARKET_CLERK ?? 'market-clerk'

const SCRIPTS = {
  legalRepresentative: '<img src=x onerror="window.__injected=1">',
  premisesAddress: '<script>window.__injected=2</script>杭州市西湖区文三路 1 号',
  foodSafetyManagerName: '"><svg onload="window.__injected=3">',
} as const

async function expectNothingRan(page: Page, what: string) {
  expect(await page.evaluate('window.__injected'), `${what}: no injected script ran`).toBeUndefined()
  await expect(page.locator('img[src="x"], svg[onload]'), `${what}: no injected element`).toHaveCount(0)
}

test('script in every free-text answer is stored and shown as text, never run', async ({ page }) => {
  test.setTimeout(120_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  await signIn(page, business)
  const created = await api(page, 'POST', '/api/v1/applications', { serviceCode: 'food-business-licence' })
  const id = created.id as string
  await api(page, 'PUT', `/api/v1/applications/${id}/draft`, {
    formData: {
      ...SCRIPTS,
      businessArea: 120,
      businessEntityType: 'catering',
      businessItems: ['hot-food'],
      foodSafetyManagerPhone: '13912345678',
      contactPhone: '13700137000',
    },
  })
  for (const [material, file] of [
    ['business-licence', { name: 'licence.pdf', mimeType: 'application/pdf', buffer: pdf('Business licence') }],
    ['floor-plan', { name: 'floor-plan.png', mimeType: 'image/png', buffer: png(8, 8, [0, 0, 0]) }],
    ['equipment-list', { name: 'equipment.pdf', mimeType: 'application/pdf', buffer: pdf('Equipment') }],
    ['food-safety-rules', { name: 'rules.pdf', mimeType: 'application/pdf', buffer: pdf('Rules') }],
  ] as const) {
    await api(page, 'POST', `/api/v1/applications/${id}/attachments?material=${material}`, undefined, { file })
  }
  await api(page, 'POST', `/api/v1/applications/${id}/submission`)
  const stored = await api(page, 'GET', `/api/v1/applications/${id}`)
  expect(stored.formData).toMatchObject(SCRIPTS)
  const number = stored.number as string

  // the applicant's page lists the answers as they were typed
  await page.goto(`/my/applications/${id}`)
  await expect(page.getByTestId('application-facts')).toContainText(number)
  for (const text of Object.values(SCRIPTS)) await expect(page.getByText(text, { exact: true })).toBeVisible()
  await expectNothingRan(page, 'application page')
  await signOut(page)

  // and so does the clerk's task page
  await signIn(page, clerk)
  await page.goto(`/workbench?q=${encodeURIComponent(number)}`)
  await page.getByTestId('queue-table').getByTestId('task-link').filter({ hasText: number }).click()
  await expect(page.getByTestId('task-page')).toBeVisible()
  for (const [field, text] of Object.entries(SCRIPTS)) {
    await expect(page.getByTestId(`field-${field}`)).toContainText(text)
  }
  await expectNothingRan(page, 'task page')
  await expectNoSeriousViolations(page, 'task page with script as text')
  expect(dialogs).toEqual([])
})
