const PREFIX = 'tongban.apply.'

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID()
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * The Idempotency-Key of this visit's new application for a service, kept in sessionStorage:
 * a reload (or a second request of the same visit) finds the same draft instead of starting
 * another. Forgotten once the application is submitted, so the next visit starts afresh.
 */
export function applyKey(serviceCode: string): string {
  const name = PREFIX + serviceCode
  try {
    const stored = window.sessionStorage.getItem(name)
    if (stored) return stored
    const key = newKey()
    window.sessionStorage.setItem(name, key)
    return key
  } catch {
    // Without storage a reload may start a second draft; still better than no application.
    return newKey()
  }
}

export function forgetApplyKey(serviceCode: string): void {
  try {
    window.sessionStorage.removeItem(PREFIX + serviceCode)
  } catch {
    // nothing to forget
  }
}
