import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import i18n, { DEFAULT_LANGUAGE } from '@/i18n'

// findBy*/waitFor wait for a condition, not for time; their limit only decides when to give up.
// Testing Library's default (1 s of wall-clock time) gave up on correct first renders whenever
// other work shared the two cores, so a condition may take as long as the test itself (Vitest's
// 5 s), less a margin to report the page as it was.
configure({ asyncUtilTimeout: 4_000 })

// antd's responsive helpers ask for media queries, which jsdom does not implement.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  })
}

// antd 6 observes element sizes (menus, inputs); jsdom has no layout, so nothing ever resizes.
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub)
}

// jsdom does not lay out, so it cannot scroll either.
Element.prototype.scrollIntoView ??= function scrollIntoView() {}

export function clearCookies(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

beforeEach(async () => {
  window.localStorage.clear()
  clearCookies()
  await i18n.changeLanguage(DEFAULT_LANGUAGE)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})
