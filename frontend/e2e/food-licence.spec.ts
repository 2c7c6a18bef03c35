import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './support/axe.ts'
import { pdf, png } from './support/files.ts'
import { decideTask, signIn, signOut } from './support/people.ts'
import { declineSharedData } from './support/shared-data.ts'

// Journey 2. A business applies for a food business licence
// (workflows/enterprise/food-business-licence.yaml) for premises of 650 m²; the market-regulation
// clerk asks to correct one answer at acceptance; the business fixes just that answer and
// resubmits; acceptance approves; because the premises are over 500 m² the on-site inspection
// follows; the department admin's review approves and the licence is issued.
const business = process.env.E2E_BUSINESS_USERNAME ?? 'wangwu'
const businessName = process.env.E2E_BUSINESS_DISPLAY_NAME ?? '王五'
const enterprise = process.env.E2E_ENTERPRISE_NAME ?? '杭州通达科技有限公司'
const clerk = process.env.E2E_MARKET_CLERK ?? 'market-clerk'
const admin = process.env.E2E_MARKET_ADMIN ?? 'market-admin'
const SERVICE = 'food-business-licence'

async function continueTo(page: Page, next: string) {
  await page.getByTestId('continue-button').click()
  await expect(page.getByTestId('application-wizard')).toHaveAttribute('data-page', next)
}

/** Answers whatever questions the current page asks, by their labels. */
async function answer(page: Page, answers: Record<string, (page: Page) => Promise<void>>) {
  for (const [label, fill] of Object.entries(answers)) {
    if ((await page.getByText(label, { exact: true }).count()) > 0) await fill(page)
  }
}

test('a business applies for a food business licence; one answer is corrected; inspection; approved', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await signIn(page, business, businessName)

  await page.goto(`/services/${SERVICE}`)
  await expect(page.getByRole('heading', { level: 1, name: '食品经营许可' })).toBeVisible()
  await page.getByTestId('apply-button').click()
  const wizard = page.getByTestId('application-wizard')
  // this journey types and uploads everything itself, as a business that does not consent does
  await declineSharedData(page)
  const applicationId = new URL(page.url()).searchParams.get('application') as string

  // the enterprise's name and credit code come from the verified identity and cannot be changed
  const name = page.getByRole('textbox', { name: '企业名称' })
  await expect(name).toHaveValue(enterprise)
  await expect(name).toHaveAttribute('readonly', '')
  await expect(page.getByRole('textbox', { name: '统一社会信用代码' })).toHaveAttribute('readonly', '')

  const answers: Record<string, (page: Page) => Promise<void>> = {
    '法定代表人（负责人）': (p) => p.getByRole('textbox', { name: '法定代表人（负责人）' }).fill('王五'),
    经营场所地址: (p) => p.getByRole('textbox', { name: '经营场所地址' }).fill('杭州市西湖区文三路 100 号 1 层'),
    '经营场所面积（平方米）': (p) => p.getByRole('spinbutton', { name: '经营场所面积（平方米）' }).fill('650'),
    主体业态: (p) => p.getByRole('radio', { name: '餐饮服务经营者' }).check(),
    经营项目: async (p) => {
      await p.getByRole('checkbox', { name: '热食类食品制售' }).check()
      await p.getByRole('checkbox', { name: '自制饮品制售' }).check()
    },
    从业人员人数: (p) => p.getByRole('spinbutton', { name: '从业人员人数' }).fill('25'),
    食品安全管理人员姓名: (p) => p.getByRole('textbox', { name: '食品安全管理人员姓名' }).fill('赵食安'),
    // the clerk will find that this number cannot be reached
    食品安全管理人员手机号: (p) => p.getByRole('textbox', { name: '食品安全管理人员手机号' }).fill('13900000000'),
    联系电话: (p) => p.getByRole('textbox', { name: '联系电话' }).fill('13700137000'),
  }
  for (let pageNumber = 1; pageNumber < 10; pageNumber++) {
    await answer(page, answers)
    if (pageNumber === 1) await expectNoSeriousViolations(page, 'food licence form, page 1')
    await page.getByTestId('continue-button').click()
    await expect(wizard).not.toHaveAttribute('data-page', String(pageNumber))
    if ((await wizard.getAttribute('data-page')) === 'materials') break
  }
  await expect(page.getByRole('heading', { level: 1, name: '上传申请材料' })).toBeVisible()
  const documents: [string, string, Buffer, string][] = [
    // declined above, so the business licence is uploaded rather than read from the registration
    ['business-licence', 'business-licence.pdf', pdf('Business licence 91330106MA2GL5XK00'), 'application/pdf'],
    ['floor-plan', 'floor-plan.png', png(24, 16, [230, 230, 230]), 'image/png'],
    ['equipment-list', 'equipment-list.pdf', pdf('Equipment: 2 stoves, 1 cold store'), 'application/pdf'],
    ['food-safety-rules', 'food-safety-rules.pdf', pdf('Food safety rules'), 'application/pdf'],
  ]
  for (const [material, fileName, buffer, mimeType] of documents) {
    await page.getByTestId(`file-input-${material}`).setInputFiles({ name: fileName, mimeType, buffer })
    await expect(page.getByTestId(`material-${material}`).getByTestId('uploaded-file')).toContainText(fileName)
  }
  await continueTo(page, 'check')
  await expect(page.getByTestId('answer-businessArea')).toContainText('650')
  await page.getByTestId('submit-button').click()
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible()
  const number = (await page.getByTestId('application-number').textContent())?.trim() ?? ''
  expect(number).not.toBe('')
  await signOut(page)

  // acceptance: the clerk asks to correct the food safety manager's mobile number
  await signIn(page, clerk)
  await decideTask(page, number, '受理', {
    action: 'correction',
    items: ['食品安全管理人员手机号'],
    reason: '食品安全管理人员手机号无法接通，请核实后重新填写。',
  })
  await signOut(page)

  // the business sees exactly what to fix and why, fixes only that, and resubmits
  await signIn(page, business, businessName)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click()
  const row = page.getByTestId(`application-${applicationId}`)
  await expect(row.getByTestId('status-tag')).toHaveText('待补正')
  await row.getByRole('link', { name: /查看详情/ }).click()
  const panel = page.getByTestId('correction-panel')
  await expect(panel).toContainText('食品安全管理人员手机号无法接通')
  await expect(panel.getByTestId('correction-items')).toContainText('食品安全管理人员手机号')
  await expect(panel.getByRole('textbox', { name: '联系电话' })).toHaveCount(0)
  await expect(page.getByTestId('step-light')).toContainText('已暂停计时')
  await expectNoSeriousViolations(page, 'correction requested')
  await panel.getByRole('textbox', { name: '食品安全管理人员手机号' }).fill('13912345678')
  await panel.getByTestId('correction-submit').click()
  await expect(page.getByTestId('detail-notice')).toContainText('补正已提交')
  await expect(page.getByTestId('current-steps')).toContainText('受理')
  await signOut(page)

  // acceptance again, with the corrected number; then the inspection, because of the 650 m²
  await signIn(page, clerk)
  await decideTask(page, number, '受理', { action: 'approve' }, async (task) => {
    await expect(task.getByTestId('field-foodSafetyManagerPhone')).toContainText('13912345678')
  })
  await decideTask(page, number, '现场核查', { action: 'approve', comment: '现场与申请材料一致' }, async (task) => {
    await expect(task.getByTestId('field-businessArea')).toContainText('650')
  })
  await signOut(page)

  // the department admin's review and decision
  await signIn(page, admin)
  await decideTask(page, number, '审查决定', { action: 'approve' })
  await signOut(page)

  // approved, with every step on the record
  await signIn(page, business, businessName)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click()
  await expect(page.getByTestId(`application-${applicationId}`).getByTestId('status-tag')).toHaveText('已办结')
  await page.getByTestId(`application-${applicationId}`).getByRole('link', { name: /查看详情/ }).click()
  const timeline = page.getByTestId('timeline')
  await expect(timeline).toContainText('要求补正 · 受理')
  await expect(timeline).toContainText('已补正并重新提交')
  await expect(timeline).toContainText('审核通过 · 现场核查')
  await expect(timeline).toContainText('审核通过 · 审查决定')
  await expect(timeline).toContainText('出具电子证照')
  await expectNoSeriousViolations(page, 'food licence approved')
})
