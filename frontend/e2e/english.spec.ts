import { expect, test, type Page } from '@playwright/test'
import { enrolment } from './support/applications.ts'
import { expectNoSeriousViolations } from './support/axe.ts'
import { signIn, signOut } from './support/people.ts'
import { declineSharedData } from './support/shared-data.ts'

// English (en-US), the portal's second language, is complete on the pages the journeys touch: once
// a person has switched, the page's own words are English. What people typed (names, addresses) and
// what departments recorded about them (the demo registers' names and addresses) stay as written and
// are the only Chinese allowed in the main content.
const TYPED = ['张小明', '张三', '北京市东城区和平里街道 1 号', '和平里第一小学']
const RECORDED = ['王芳', '张小红', '北京市西城区金融大街1号']

async function expectEnglish(page: Page, what: string) {
  const main = page.locator('main')
  await expect(main).toBeVisible()
  // wait for the page's data before reading it
  await expect(main.locator('.ant-spin-spinning')).toHaveCount(0)
  let text = await main.innerText()
  for (const typed of [...TYPED, ...RECORDED]) text = text.split(typed).join('')
  const chinese = [...new Set(text.split('\n').filter((line) => /\p{Script=Han}/u.test(line)))]
  expect(chinese, `${what}: lines with Chinese on an English page`).toEqual([])
  await expectNoSeriousViolations(page, `${what}, en-US`)
}

async function toEnglish(page: Page) {
  if ((await page.locator('html').getAttribute('lang')) !== 'en-US') {
    await page.getByTestId('lang-switch').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US')
  }
}

test('the pages of the journeys are complete in English', async ({ page }) => {
  test.setTimeout(180_000)

  await page.goto('/')
  await toEnglish(page)
  await expectEnglish(page, 'home, signed out')
  await page.goto('/services')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectEnglish(page, 'catalogue')
  await page.goto('/services/primary-school-enrolment')
  await expect(page.getByRole('heading', { level: 1, name: 'Primary school enrolment' })).toBeVisible()
  await expectEnglish(page, 'guidance')

  await signIn(page, 'zhangsan')
  await toEnglish(page)
  const application = await enrolment(page)

  // the form's first page, and what it says about a missing answer
  await page.goto('/services/primary-school-enrolment')
  await page.getByTestId('apply-button').click()
  const wizard = page.getByTestId('application-wizard')
  await expect(wizard).toHaveAttribute('data-page', 'sources')
  await expectEnglish(page, 'application, information from departments')
  await declineSharedData(page)
  await expectEnglish(page, 'application form, page 1')
  await page.getByRole('textbox', { name: "Child's resident ID number" }).fill('1101')
  await page.getByTestId('continue-button').click()
  await expect(page.getByTestId('error-summary')).toBeVisible()
  await expectEnglish(page, 'application form, error summary')

  await page.goto('/my/applications')
  await expect(page.getByTestId(`application-${application.id}`)).toBeVisible()
  await expectEnglish(page, 'my applications')
  await page.goto(`/my/applications/${application.id}`)
  await expect(page.getByTestId('timeline')).toBeVisible()
  await expectEnglish(page, 'application page')
  await signOut(page)

  // the health clerk asks for a correction, in English
  await signIn(page, 'health-clerk')
  await toEnglish(page)
  await page.goto(`/workbench?q=${application.number}`)
  await expect(page.getByTestId('queue-table')).toBeVisible()
  await expectEnglish(page, 'workbench')
  await page.getByTestId('queue-table').getByTestId('task-link').first().click()
  await expect(page.getByTestId('decision-panel')).toBeVisible()
  await page.getByTestId('claim-button').click()
  await expect(page.getByTestId('release-button')).toBeVisible()
  await page.getByTestId('decision-panel').getByRole('radio', { name: 'Request a correction' }).check()
  await expect(page.getByTestId('correction-items')).toBeVisible()
  await expectEnglish(page, 'task page, correction chosen')
  await page.getByTestId('correction-items').getByRole('checkbox').first().check()
  await page.getByTestId('decision-reason').fill('The vaccination certificate number does not match our records.')
  await page.getByTestId('decision-submit').click()
  await expect(page.getByTestId('decision-success')).toContainText(application.number)
  await page.goto('/notifications')
  await expectEnglish(page, 'notifications')
  await signOut(page)

  // the citizen's correction panel
  await signIn(page, 'zhangsan')
  await toEnglish(page)
  await page.goto(`/my/applications/${application.id}`)
  await expect(page.getByTestId('correction-panel')).toBeVisible()
  await expectEnglish(page, 'correction requested')
  await signOut(page)

  // the department admin's workflow management
  await signIn(page, 'market-admin')
  await toEnglish(page)
  await page.goto('/admin/workflows')
  await expect(page.getByTestId('admin-services')).toBeVisible()
  await expectEnglish(page, 'workflow management')
})
