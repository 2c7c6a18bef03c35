import { describe, expect, it } from 'vitest'

// Every locale file: zh-CN.json with en-US.json, zh-CN.workbench.json with en-US.workbench.json, …
const files = import.meta.glob<{ default: unknown }>('./locales/*.json', { eager: true })

function bundle(language: 'zh-CN' | 'en-US', part: string): unknown {
  return files[`./locales/${language}${part}.json`]?.default
}

const parts = [
  ...new Set(
    Object.keys(files)
      .map((path) => /^\.\/locales\/(?:zh-CN|en-US)(.*)\.json$/.exec(path)?.[1])
      .filter((part) => part !== undefined),
  ),
]

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as object).flatMap(([key, child]) =>
    entries(child, prefix ? `${prefix}.${key}` : key),
  )
}

const HAN = /\p{Script=Han}/u
// English text may name the other language in its own script (the language switch) and nothing else.
const CHINESE_ALLOWED_IN_ENGLISH = /^(language\.|lang\.)/

describe('the translations', () => {
  it('come in pairs', () => {
    expect(parts).toContain('')
    for (const part of parts) {
      expect(bundle('zh-CN', part), `zh-CN${part}.json`).toBeDefined()
      expect(bundle('en-US', part), `en-US${part}.json`).toBeDefined()
    }
  })

  it('never give the same top-level key to two files (a later file would replace the earlier texts)', () => {
    const owners = new Map<string, string[]>()
    for (const part of parts) {
      for (const key of Object.keys(bundle('zh-CN', part) as object)) {
        owners.set(key, [...(owners.get(key) ?? []), part || '(main)'])
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([])
  })

  it.each(parts.map((part) => [part || '(main)', part]))('%s: have the same keys in Chinese and English', (_, part) => {
    expect(keys(bundle('en-US', part)).sort()).toEqual(keys(bundle('zh-CN', part)).sort())
  })

  it.each(parts.map((part) => [part || '(main)', part]))('%s: leave no text empty', (_, part) => {
    const all = [...entries(bundle('zh-CN', part)), ...entries(bundle('en-US', part))]
    expect(all.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([])
  })

  it.each(parts.map((part) => [part || '(main)', part]))('%s: English text is English', (_, part) => {
    const chinese = entries(bundle('en-US', part)).filter(
      ([key, text]) => HAN.test(text) && !CHINESE_ALLOWED_IN_ENGLISH.test(key),
    )
    expect(chinese).toEqual([])
  })
})
