import { expect, test, type Browser, type Page } from '@playwright/test'
import { birthCertificate } from './support/applications.ts'
import { expectNoSeriousViolations } from './support/axe.ts'
import { decideTask, signIn, signOut } from './support/people.ts'

// Submit once (免提交), in the browser: health approves a birth medical certificate; the parent
// applies for the newborn's registration and uploads nothing the government holds, agreeing on
// the form to what health and public security provide; the police clerk sees the certificate's
// data with its source and registers the birth; medical insurance reads that registration in the
// same application and enrols the child; the parent finds the certificate in 我的证照, downloads
// its PDF, and an anonymous visitor verifies its QR link, while a tampered copy is refused. The
// parent's record of data use names each department and purpose.
const parent = process.env.E2E_PARENT ?? 'zhangsan'
const healthClerk = process.env.E2E_HEALTH_CLERK ?? 'health-clerk'
const policeClerk = process.env.E2E_POLICE_CLERK ?? 'police-clerk'
const medinsClerk = process.env.E2E_MEDINS_CLERK ?? 'medins-clerk'

// a name of its own for each run: several runs share a database
const GIVEN = '安宁乐康泰和嘉悦欣怡'
const stamp = Date.now()
const babyName = `张${GIVEN[stamp % 10]}${GIVEN[Math.floor(stamp / 10) % 10]}${GIVEN[Math.floor(stamp / 100) % 10]}`

async function continueTo(page: Page, next: string) {
  await page.getByTestId('continue-button').click()
  await expect(page.getByTestId('application-wizard')).toHaveAttribute('data-page', next)
}

test('a parent registers a newborn without carrying anything the government holds; the certificate is verified by anyone', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000)

  // 1. the birth medical certificate, applied for through the API and approved by health in the browser
  await signIn(page, parent)
  const birth = await birthCertificate(page, babyName, '2026-11-20')
  await signOut(page)
  await signIn(page, healthClerk)
  await decideTask(page, birth.number, '核对分娩记录', { action: 'approve' })
  await signOut(page)

  // 2. the newborn application: the guidance says what departments provide instead
  await signIn(page, parent)
  await page.goto('/services/newborn')
  const shared = page.getByTestId('shared-data')
  await expect(shared).toContainText('出生医学证明')
  await expect(shared).toContainText('户籍信息')
  await expect(page.getByTestId('material-birth-medical-certificate')).toContainText('免提交')
  await page.getByTestId('apply-button').click()
  const wizard = page.getByTestId('application-wizard')
  await expect(wizard).toHaveAttribute('data-page', 'sources')
  await expect(page.getByRole('heading', { level: 1, name: '使用政府部门已有的数据' })).toBeVisible()

  // each department's record with its purpose; the parent chooses this baby's certificate and the household
  const certificate = page.getByTestId('source-birth-medical-certificate')
  await expect(certificate).toContainText('卫生健康')
  await expect(certificate).toContainText('出生户口登记和医保参保需要新生儿的姓名')
  await expectNoSeriousViolations(page, 'application, information from departments')
  await page.getByRole('radio', { name: new RegExp(`同意使用：${babyName}`) }).check()
  await expect(certificate.getByRole('status')).toHaveText('已同意使用出生医学证明')
  const household = page.getByTestId('source-household-register')
  await household.getByRole('radio', { name: /同意使用/ }).check()
  await expect(household.getByRole('status')).toContainText('已同意使用')
  await continueTo(page, '1')

  // the baby's details come from the certificate, read-only, saying where from
  const name = page.getByRole('textbox', { name: '姓名' })
  await expect(name).toHaveValue(babyName)
  await expect(name).toHaveAttribute('readonly', '')
  await expect(name).toHaveAccessibleDescription(/来自卫生健康.*的出生医学证明/)
  await page.getByRole('textbox', { name: '民族' }).fill('汉族')
  await expectNoSeriousViolations(page, 'application form with answers from a certificate')
  await continueTo(page, '2')
  await expect(page.getByRole('textbox', { name: '医疗机构名称' })).toHaveValue('北京市西城区妇幼保健院')
  await continueTo(page, '3')
  await expect(page.getByRole('textbox', { name: '公民身份号码' })).toHaveValue('110105199205121222')
  await continueTo(page, '4')
  await continueTo(page, '5')
  await expect(page.getByRole('textbox', { name: '户号' })).toHaveValue('110105-00001')
  await expect(page.getByRole('textbox', { name: '户号' })).toHaveAttribute('readonly', '')
  await page.getByRole('radio', { name: '随父落户' }).check()
  await page.getByRole('radio', { name: '子', exact: true }).check()
  await continueTo(page, '6')
  await page.getByRole('textbox', { name: '现居住地址' }).fill('北京市西城区金融大街1号')
  await page.getByRole('textbox', { name: '联系电话' }).fill('13800138000')
  await continueTo(page, 'materials')

  // nothing to upload: the certificate and the household register stand in for the documents
  for (const material of ['birth-medical-certificate', 'household-register']) {
    const item = page.getByTestId(`material-${material}`)
    await expect(item).toContainText('免提交')
    await expect(item.locator('input[type="file"]')).toHaveCount(0)
  }
  await continueTo(page, 'check')
  await expect(page.getByTestId('consent-statement')).toContainText('出生医学证明')
  await expect(page.getByTestId('source-answer-birth-medical-certificate')).toContainText(`同意使用：${babyName}`)
  await page.getByTestId('submit-button').click()
  await expect(page.getByRole('heading', { level: 1, name: '申请已提交' })).toBeVisible()
  const number = (await page.getByTestId('application-number').textContent())?.trim() ?? ''
  expect(number).not.toBe('')
  await signOut(page)

  // 3. public security sees the certificate's data with its source, and registers the birth
  await signIn(page, policeClerk)
  await decideTask(page, number, '出生户口登记', { action: 'approve' }, async (task) => {
    const record = task.getByTestId('shared-record-birth-medical-certificate')
    await expect(record.getByTestId('shared-record-provenance')).toContainText(`来自卫生健康`)
    await expect(record.getByTestId('shared-record-provenance')).toContainText(babyName)
    await expect(record).toContainText('北京市西城区妇幼保健院')
    await expect(task.getByTestId('field-newborn').getByTestId('field-source').first()).toContainText('来自出生医学证明')
    await expect(task.getByTestId('task-material-birth-medical-certificate')).toContainText('免提交')
  })
  await signOut(page)

  // 4. medical insurance reads the registration just written, in the same application, and enrols the child
  await signIn(page, medinsClerk)
  await decideTask(page, number, '城乡居民医保参保登记', { action: 'approve' }, async (task) => {
    const record = task.getByTestId('shared-record-household-member')
    await expect(record.getByTestId('shared-record-provenance')).toContainText('本件办理中写入公安')
    await expect(record).toContainText(babyName)
  })
  await signOut(page)

  // 5. the parent: approved, with the certificate in the wallet
  await signIn(page, parent)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click()
  await page.getByRole('link', { name: `查看详情：${number}` }).click()
  await expect(page.getByTestId('application-facts').getByTestId('status-tag')).toHaveText('已办结')
  await expect(page.getByTestId('source-used-birth-medical-certificate')).toContainText(`已调取：${babyName}`)
  await verifyInWallet(page, browser, babyName)
  await expect(page.getByTestId('certificate-detail')).toBeVisible()

  // 6. every use of the parent's data, by department and purpose
  await page.goto('/my/data-uses')
  const uses = page.getByTestId('data-uses')
  await expect(uses).toContainText(number)
  await expect(uses).toContainText('公安')
  await expect(uses).toContainText('医疗保障')
  await expectNoSeriousViolations(page, 'my record of data use')
})

/** 我的证照 → the certificate → its PDF; its QR link verified by an anonymous visitor; a tampered copy refused. */
async function verifyInWallet(page: Page, browser: Browser, childName: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的证照' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '我的证照' })).toBeVisible()
  // newest first: the enrolment certificate medical insurance has just issued for this child
  const row = page.getByTestId('certificates-table').getByRole('row').filter({ hasText: '医疗保障局' }).first()
  await expect(row).toContainText('有效')
  await expectNoSeriousViolations(page, 'my certificates')
  await row.getByRole('link').first().click()
  const detail = page.getByTestId('certificate-detail')
  await expect(detail).toBeVisible()
  await expect(page.getByTestId('certificate-fields')).toContainText(childName)
  await expectNoSeriousViolations(page, 'a certificate')

  // the PDF, as the download button fetches it
  const pdfHref = (await page.getByTestId('download-pdf').getAttribute('href')) ?? ''
  const pdf = await page.request.get(pdfHref)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // the QR code's link, opened by someone who is not signed in
  const link = (await page.getByRole('link', { name: '打开核验页面' }).getAttribute('href')) ?? ''
  expect(link).toMatch(/^\/verify#t=/)
  const address = new URL(link, page.url()).toString()
  const visitor = await browser.newContext()
  const anonymous = await visitor.newPage()
  await anonymous.goto(address)
  const verdict = anonymous.getByTestId('verdict')
  await expect(verdict).toHaveAttribute('data-outcome', 'valid')
  await expect(verdict).toContainText('真实有效')
  await expect(anonymous.getByTestId('verdict-facts')).toContainText('张*')
  await expect(anonymous.getByTestId('verdict-facts')).not.toContainText('张三')
  await expectNoSeriousViolations(anonymous, 'verification page, valid')

  // one character of the signature changed: not genuine
  const token = address.slice(address.indexOf('#t=') + 3)
  const last = token.at(-2) === 'A' ? 'B' : 'A'
  const tampered = `${address.slice(0, address.indexOf('#t=') + 3)}${token.slice(0, -2)}${last}${token.slice(-1)}`
  const second = await visitor.newPage()
  await second.goto(tampered)
  await expect(second.getByTestId('verdict')).toHaveAttribute('data-outcome', 'not-genuine')
  await visitor.close()
}
