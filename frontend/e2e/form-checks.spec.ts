import { expect, test } from '@playwright/test'
import { signIn } from './support/people.ts'

// The form's own checks in a real browser, under the portal's Content-Security-Policy (no
// 'unsafe-eval'): a validator that compiles schemas to code finds nothing there, so a page with
// an unanswered question would go through and a conditional question would stay optional, while
// unit tests (no CSP) pass. The enrolment form (workflows/education/primary-school-enrolment.yaml):
// the child's name is required; the residence permit number is required only when the guardian
// holds a residence permit. The demo account's draft may already exist: apply resumes it.
const username = process.env.E2E_USERNAME ?? 'zhangsan'
const SERVICE = 'primary-school-enrolment'

test('the application form checks the answers in the browser, conditional questions included, without breaking the CSP', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    const text = message.text()
    if (/Content Security Policy|EvalError|Error compiling schema/i.test(text)) violations.push(text)
  })
  page.on('pageerror', (error) => {
    if (/Content Security Policy|EvalError/i.test(error.message)) violations.push(error.message)
  })

  await signIn(page, username)
  await page.goto(`/services/${SERVICE}`)
  await page.getByTestId('apply-button').click()
  const wizard = page.getByTestId('application-wizard')
  await expect(page).toHaveURL(/[?&]application=[0-9a-f-]{36}/)
  const applicationId = new URL(page.url()).searchParams.get('application') as string
  const goToPage = async (step: string) => {
    await page.goto(`/services/${SERVICE}/apply?application=${applicationId}&page=${step}`)
    await expect(wizard).toHaveAttribute('data-page', step)
  }

  // a required answer left empty: explained at the top and next to the field, and the page stays
  await goToPage('1')
  const childName = page.getByRole('textbox', { name: '儿童姓名' })
  await childName.fill('')
  await page.getByTestId('continue-button').click()
  const summary = page.getByTestId('error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('请先处理以下问题')
  await expect(summary.getByRole('link', { name: '请填写儿童姓名' })).toBeVisible()
  await expect(childName).toHaveAccessibleDescription(/请填写儿童姓名/)
  await expect(wizard).toHaveAttribute('data-page', '1')
  await childName.fill('张小明')

  // the residence permit number becomes a required question for a family with a residence permit
  await goToPage('3')
  await page.getByRole('radio', { name: '本市户籍，在实际居住地有自有住房' }).check()
  await expect(page.getByRole('textbox', { name: '监护人居住证号码（选填）' })).toBeVisible()
  await page.getByRole('radio', { name: '非本市户籍，监护人持本市居住证（随迁子女）' }).check()
  const permit = page.getByRole('textbox', { name: '监护人居住证号码', exact: true })
  await expect(permit).toBeVisible()
  await permit.fill('')
  await page.getByTestId('continue-button').click()
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link', { name: '请填写监护人居住证号码' })).toBeVisible()
  await expect(wizard).toHaveAttribute('data-page', '3')

  // leave the draft as the journeys expect to find it
  await page.getByRole('radio', { name: '本市户籍，在实际居住地有自有住房' }).check()
  await expect(page.getByTestId('save-status')).toContainText('已保存')

  expect(violations, 'console messages about the Content-Security-Policy').toEqual([])
})
