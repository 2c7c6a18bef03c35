import { apiClient } from '@/lib/api-client'
import { CSRF_PARAMETER, readCsrfToken } from '@/lib/csrf'
import { ME_PATH } from './get-me'

/** Single sign-on starts here, on the backend: reach it with a real page load. */
export const SIGN_IN_PATH = '/login'

export class MissingCsrfTokenError extends Error {
  constructor() {
    super('XSRF-TOKEN cookie is missing')
    this.name = 'MissingCsrfTokenError'
  }
}

/**
 * Signs out by posting a real HTML form to /logout, so that the browser follows the
 * backend's redirects to the identity provider's logout and back to the portal; a
 * fetch() could not end the identity provider's session.
 */
export async function signOut(): Promise<void> {
  let token = readCsrfToken()
  if (!token) {
    // The backend sets the cookie on any GET; ask once more in case it has expired.
    await apiClient.get(ME_PATH).catch(() => undefined)
    token = readCsrfToken()
  }
  if (!token) throw new MissingCsrfTokenError()

  const form = document.createElement('form')
  form.method = 'post'
  form.action = '/logout'
  form.hidden = true
  const csrf = document.createElement('input')
  csrf.type = 'hidden'
  csrf.name = CSRF_PARAMETER
  csrf.value = token
  form.append(csrf)
  document.body.append(form)
  form.submit()
}
