import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * Automated WCAG 2.1 A/AA scan of what the page shows now. axe finds part of what a person
 * with a screen reader or keyboard meets; a serious or critical finding is never OK.
 */
export async function expectNoSeriousViolations(page: Page, what: string) {
  // Colours are judged as they end up, not halfway through a menu or button transition.
  // (a string, so that the Node-side type check needs no DOM types)
  await page.evaluate(
    'Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))',
  )
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    what,
  ).toEqual([])
}
