/**
 * The backend's CSRF protection (Spring Security, cookie-based): the token sits in the
 * JavaScript-readable cookie XSRF-TOKEN, set on any GET response, and must come back
 * unchanged on every state-changing request, as the X-XSRF-TOKEN header from fetch or
 * as the _csrf parameter from an HTML form.
 *
 * "Unchanged" holds because the backend reads both with Spring's plain
 * CsrfTokenRequestAttributeHandler. Were it switched to csrf.spa() (or the default
 * XorCsrfTokenRequestAttributeHandler), a form's _csrf would have to carry the masked
 * token: base64url(random ‖ random XOR token).
 */
export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'
export const CSRF_PARAMETER = '_csrf'

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`
  for (const part of document.cookie.split(';')) {
    const cookie = part.trim()
    if (cookie.startsWith(prefix)) {
      const value = cookie.slice(prefix.length)
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
  }
  return undefined
}

export function readCsrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) || undefined
}
