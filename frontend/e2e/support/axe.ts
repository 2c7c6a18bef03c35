import { AxeBuilder } from '@axe-core/playwright'
import { expect, type Page, type Request } from '@playwright/test'

const inFlight = new WeakMap<Page, Set<Request>>()

/** The page's requests still waiting for an answer (tracked from the first scan of the page on). */
function requestsInFlight(page: Page): Set<Request> {
  let requests = inFlight.get(page)
  if (!requests) {
    const tracked = new Set<Request>()
    page.on('request', (request) => tracked.add(request))
    page.on('requestfinished', (request) => tracked.delete(request))
    page.on('requestfailed', (request) => tracked.delete(request))
    inFlight.set(page, tracked)
    requests = tracked
  }
  return requests
}

async function networkQuiet(page: Page) {
  const requests = requestsInFlight(page)
  await expect
    .poll(
      async () => {
        if (requests.size > 0) return false
        await page.waitForTimeout(250)
        return requests.size === 0
      },
      { message: 'the page finishes its requests', timeout: 15_000 },
    )
    .toBe(true)
}

/**
 * Automated WCAG 2.1 A/AA scan of what the page shows now. axe finds part of what a person
 * with a screen reader or keyboard meets; a serious or critical finding is never OK.
 */
export async function expectNoSeriousViolations(page: Page, what: string) {
  // Colours are judged as they end up, not halfway through a menu or button transition, and
  // not while a refetch that has just finished re-renders part of the page: wait until the
  // network is quiet and no animation has been running for two frames in a row.
  await networkQuiet(page)
  // Endless animations (a spinner, a pulsing light) never finish and are left alone.
  // (a string, so that the Node-side type check needs no DOM types)
  await page.evaluate(
    `(async () => {
      const finite = () =>
        document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      for (let quiet = 0; quiet < 2; ) {
        const running = finite()
        await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)))
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        quiet = running.length === 0 && finite().length === 0 ? quiet + 1 : 0
      }
    })()`,
  )
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`),
    what,
  ).toEqual([])
}
