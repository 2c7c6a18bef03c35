import { describe, expect, it } from 'vitest'
import { readCookie, readCsrfToken } from './csrf'

describe('CSRF helpers', () => {
  it('read a cookie by its exact name, decoded', () => {
    document.cookie = 'XSRF-TOKEN-OLD=wrong; path=/'
    document.cookie = 'XSRF-TOKEN=right%20one; path=/'
    expect(readCookie('XSRF-TOKEN')).toBe('right one')
    expect(readCsrfToken()).toBe('right one')
    expect(readCookie('MISSING')).toBeUndefined()
  })

  it('treat an empty XSRF-TOKEN cookie as missing', () => {
    document.cookie = 'XSRF-TOKEN=; path=/'
    expect(readCsrfToken()).toBeUndefined()
  })
})
