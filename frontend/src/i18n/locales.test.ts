import { describe, expect, it } from 'vitest'
import enUS from './locales/en-US.json'
import zhCN from './locales/zh-CN.json'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  )
}

function values(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as object).flatMap(values)
}

describe('the translations', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort())
  })

  it('leave no text empty', () => {
    expect([...values(zhCN), ...values(enUS)].filter((text) => text.trim() === '')).toEqual([])
  })
})
