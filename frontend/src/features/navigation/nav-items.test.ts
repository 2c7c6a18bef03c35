import { describe, expect, it } from 'vitest'
import { activeNavPath, NAV_ITEMS, navItemsFor } from './nav-items'

describe('navigation entries', () => {
  it('match a section by path prefix but home only by itself', () => {
    expect(activeNavPath('/', NAV_ITEMS)).toBe('/')
    expect(activeNavPath('/workbench', NAV_ITEMS)).toBe('/workbench')
    expect(activeNavPath('/admin/workflows/enrolment/v2', NAV_ITEMS)).toBe('/admin/workflows')
    expect(activeNavPath('/servicesx', NAV_ITEMS)).toBeUndefined()
    expect(activeNavPath('/nowhere', NAV_ITEMS)).toBeUndefined()
  })

  it('give businesses the same entries as citizens', () => {
    expect(navItemsFor(['business']).map((item) => item.path)).toEqual(
      navItemsFor(['citizen']).map((item) => item.path),
    )
  })
})
