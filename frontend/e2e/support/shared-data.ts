import { expect, type Page } from '@playwright/test'

/**
 * A new draft of a service that reads departments' records opens on the page that offers them
 * (免提交). Journeys about typing and uploading decline each offer, in any language, and go on
 * to the first question, as a person who does not consent does.
 */
export async function declineSharedData(page: Page) {
  const wizard = page.getByTestId('application-wizard')
  await expect(wizard).toHaveAttribute('data-page', /^(sources|1)$/)
  if ((await wizard.getAttribute('data-page')) !== 'sources') return
  for (;;) {
    const open = page.locator('input[type="radio"][value="declined"]:not(:checked)')
    if ((await open.count()) === 0) break
    await Promise.all([
      page.waitForResponse((response) => /\/sources\//.test(response.url()) && response.request().method() === 'PUT'),
      open.first().check(),
    ])
  }
  await page.getByTestId('continue-button').click()
  await expect(wizard).toHaveAttribute('data-page', '1')
}
