import { describe, expect, it } from 'vitest'
import enUS from './locales/en-US.json'
import enUSOfficials from './locales/en-US.officials.json'
import zhCN from './locales/zh-CN.json'
import zhCNOfficials from './locales/zh-CN.officials.json'
import zhCNWorkbench from './locales/zh-CN.workbench.json'

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

  it('have the same keys in Chinese and English for officials, reassignment and notifications', () => {
    expect(keys(enUSOfficials).sort()).toEqual(keys(zhCNOfficials).sort())
  })

  it('add officials, reassignment and notifications without overriding existing texts', () => {
    const existing = new Set([...Object.keys(zhCN), ...Object.keys(zhCNWorkbench)])
    expect(Object.keys(zhCNOfficials).filter((key) => existing.has(key))).toEqual([])
  })

  it('leave no text empty', () => {
    expect([...values(zhCNOfficials), ...values(enUSOfficials)].filter((text) => text.trim() === '')).toEqual([])
    expect([...values(zhCN), ...values(enUS)].filter((text) => text.trim() === '')).toEqual([])
  })
})
