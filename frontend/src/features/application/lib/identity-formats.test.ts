import { describe, expect, it } from 'vitest'
import { isResidentIdNumber, isUnifiedSocialCreditCode } from './identity-formats'

describe('identity formats', () => {
  it('accepts resident ID numbers whose check character matches, X included', () => {
    expect(isResidentIdNumber('110105201905010013')).toBe(true)
    expect(isResidentIdNumber('11010520190601100X')).toBe(true)
    expect(isResidentIdNumber('110105201905010012')).toBe(false)
    expect(isResidentIdNumber('11010520190601100x')).toBe(false)
    expect(isResidentIdNumber('1101')).toBe(false)
  })

  it('accepts unified social credit codes whose check character matches', () => {
    expect(isUnifiedSocialCreditCode('91330106MA2GL5XK00')).toBe(true)
    expect(isUnifiedSocialCreditCode('91310115MA1H7Y8P3B')).toBe(true)
    expect(isUnifiedSocialCreditCode('91330106MA2GL5XK01')).toBe(false)
    expect(isUnifiedSocialCreditCode('91330106MA2GL5XKI0')).toBe(false)
  })
})
