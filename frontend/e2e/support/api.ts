import { expect, type Page } from '@playwright/test'

/** The application's API, as the signed-in person (the browser's session and CSRF token). */
export async function api(page: Page, method: string, path: string, body?: unknown, multipart?: Record<string, unknown>) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? ''
  const response = await page.request.fetch(path, {
    method,
    headers: { 'X-XSRF-TOKEN': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    ...(multipart ? { multipart: multipart as never } : {}),
  })
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return (await response.json()) as Record<string, unknown>
}
