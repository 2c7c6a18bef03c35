import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests against a running portal (backend + identity provider); not part of
 * the Maven build. Browsers are never downloaded: Debian's Chromium is used when present.
 *
 *   TONGBAN_BASE_URL    the portal, default http://localhost:8080
 *   CHROMIUM_PATH       the browser, default /usr/bin/chromium (Playwright's own if absent)
 *   E2E_USERNAME, E2E_PASSWORD, E2E_DISPLAY_NAME   the demo account (see e2e/sign-in.spec.ts)
 */
const baseURL = process.env.TONGBAN_BASE_URL ?? 'http://localhost:8080'
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ci = Boolean(process.env.CI)

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: ci,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'target/e2e/test-results',
  reporter: ci
    ? [['list'], ['junit', { outputFile: 'target/e2e/junit.xml' }]]
    : [['list']],
  use: {
    baseURL,
    headless: true,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
})
