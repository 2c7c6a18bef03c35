import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'
import { api } from './support/api.ts'
import { pdf } from './support/files.ts'
import { signIn, signOut } from './support/people.ts'

// Journey 3. The human resources and social security bureau's admin changes the unemployment
// insurance benefit's workflow (workflows/social-security/unemployment-insurance-benefit.yaml):
// the first upload has an unknown department and is refused with the line and a hint; the fixed
// file is published as a new version. An application submitted before stays on its version (its
// step keeps the old name in the clerk's queue); one submitted after runs on the new one. The admin
// starts from the file of the version in force, downloaded from the page.
const citizen = process.env.E2E_USERNAME ?? 'lisi'
const admin = process.env.E2E_HRSS_ADMIN ?? 'hrss-admin'
const clerk = process.env.E2E_HRSS_CLERK ?? 'hrss-clerk'
const SERVICE = 'unemployment-insurance-benefit'
const FILE = 'social-security/unemployment-insurance-benefit.yaml'

const OLD_NAME = 'name: { zh-CN: 受理, en-US: Acceptance }'
const NEW_NAME = 'name: { zh-CN: 受理（含材料初审）, en-US: Acceptance and first check of documents }'

/** A complete unemployment benefit application, submitted through the API as an integration would. */
async function submitApplication(page: Page): Promise<{ id: string; number: string; version: number }> {
  const created = await api(page, 'POST', '/api/v1/applications', { serviceCode: SERVICE })
  const id = created.id as string
  await api(page, 'PUT', `/api/v1/applications/${id}/draft`, {
    formData: {
      phone: '13600136000',
      lastEmployerName: '杭州通达科技有限公司',
      lastEmployerUscc: '91330106MA2GL5XK00',
      employmentEndDate: '2026-10-31',
      separationReason: 'contract-expired',
      contributionYears: 5,
      contributedInOtherRegion: false,
      unemploymentRegistrationDate: '2026-11-05',
      seekingWork: true,
      bankName: '中国工商银行',
      bankAccountNumber: '6222020200112233445',
    },
  })
  await api(page, 'POST', `/api/v1/applications/${id}/attachments?material=termination-certificate`, undefined, {
    file: { name: 'termination.pdf', mimeType: 'application/pdf', buffer: pdf('Termination certificate') },
  })
  await api(page, 'POST', `/api/v1/applications/${id}/submission`)
  const submitted = await api(page, 'GET', `/api/v1/applications/${id}`)
  return { id, number: submitted.number as string, version: submitted.definitionVersion as number }
}

/** The step a queue row for this application names, in the hrss clerk's workbench. */
async function queuedStep(page: Page, number: string) {
  await page.goto(`/workbench?q=${encodeURIComponent(number)}`)
  const row = page.getByTestId('queue-table').getByRole('row').filter({ hasText: number })
  await expect(row).toHaveCount(1)
  return row.locator('.queue-table__step')
}

test('a department admin is told what is wrong with a definition, fixes it and publishes a new version; running applications keep theirs', async ({
  page,
}) => {
  test.setTimeout(180_000)

  // an application started before the change
  await signIn(page, citizen)
  const before = await submitApplication(page)
  await signOut(page)

  await signIn(page, admin)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '流程管理' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '流程管理' })).toBeVisible()
  const service = page.getByTestId(`admin-service-${SERVICE}`)
  await expect(service.getByTestId(`version-${before.version}`)).toContainText(/[1-9]\d* 件/)
  const current = before.version

  // the admin downloads the version in force and edits it: first with a department the realm does not know
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    service.getByTestId(`download-${current}`).click(),
  ])
  expect(download.suggestedFilename()).toBe('unemployment-insurance-benefit.yaml')
  const inForce = readFileSync(await download.path(), 'utf8')
  expect(inForce).toContain('code: unemployment-insurance-benefit')
  const broken = inForce.replace(
    'department: human-resources-social-security\n      timeLimitWorkingDays: 1',
    'department: social-security-bureau\n      timeLimitWorkingDays: 1',
  )
  expect(broken).not.toBe(inForce)
  await page.getByTestId('definition-file-input').setInputFiles({
    name: 'unemployment-insurance-benefit.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(broken, 'utf8'),
  })
  await expect(page.getByTestId('definition-yaml')).toHaveValue(broken)
  await page.getByTestId('definition-file').fill(FILE)
  await page.getByTestId('validate-button').click()
  await expect(page.getByTestId('validation-invalid')).toBeVisible()
  const problem = page.getByTestId('definition-problem').first()
  const line = broken.split('\n').findIndex((each) => each.includes('social-security-bureau')) + 1
  await expect(problem.getByRole('rowheader')).toHaveText(new RegExp(`第 ${line} 行`))
  await expect(problem).toContainText('social-security-bureau')
  await expectNoSeriousViolations(page, 'definition refused')

  // fixed, and the step renamed, which is the change the admin wanted (back again, when an earlier
  // run on the same database renamed it already)
  const [from, to] = inForce.includes(OLD_NAME) ? [OLD_NAME, NEW_NAME] : [NEW_NAME, OLD_NAME]
  const fixed = inForce.replace(from, to)
  expect(fixed).not.toBe(inForce)
  await page.getByTestId('definition-yaml').fill(fixed)
  await page.getByTestId('validate-button').click()
  await expect(page.getByTestId('validation-valid')).toBeVisible()
  await page.getByTestId('publish-button').click()
  await page.getByRole('button', { name: '确认发布' }).click()
  await expect(page.getByTestId('publish-success')).toBeVisible()
  const newVersion = before.version + 1
  await expect(page.getByTestId('publish-success')).toContainText(`${newVersion}`)
  await expect(service.getByTestId(`version-${newVersion}`)).toContainText('0 件')
  await expect(service.getByTestId(`version-${before.version}`)).toContainText(/[1-9]\d* 件/)
  await expectNoSeriousViolations(page, 'definition published')

  // the admin could move the running applications to the new version: a dry run shows where each would land
  // (nothing moves; the earlier application is checked below to stay on its version)
  await service.getByTestId(`migrate-${SERVICE}`).click()
  await expect(page.getByTestId('migration-service')).toBeVisible()
  await page.getByTestId('dry-run-button').click()
  await expect(page.getByTestId('migration-result')).toBeVisible()
  await expectNoSeriousViolations(page, 'migration dry run')
  await signOut(page)

  // a new application runs on the new version; the earlier one stays on its own
  await signIn(page, citizen)
  const after = await submitApplication(page)
  expect(after.version).toBe(newVersion)
  const earlier = await api(page, 'GET', `/api/v1/applications/${before.id}`)
  expect(earlier.definitionVersion).toBe(before.version)
  await signOut(page)

  await signIn(page, clerk)
  const zh = (name: string) => /zh-CN: ([^,]+),/.exec(name)?.[1] ?? name
  await expect(await queuedStep(page, before.number)).toHaveText(zh(from))
  await expect(await queuedStep(page, after.number)).toHaveText(zh(to))
  await expectNoSeriousViolations(page, 'queue with both versions')
})
