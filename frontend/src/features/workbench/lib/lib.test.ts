import { describe, expect, it } from 'vitest'
import enUS from '@/i18n/locales/en-US.workbench.json'
import zhCN from '@/i18n/locales/zh-CN.workbench.json'
import { formatValue } from './form-fields'
import { timeLeft } from './time'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

function values(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as object).flatMap(values)
}

describe("the workbench's translations", () => {
  it('have the same keys in Chinese and English, under workbench and workflowAdmin only', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort())
    expect(Object.keys(zhCN).sort()).toEqual(['workbench', 'workflowAdmin'])
  })

  it('leave no text empty', () => {
    expect([...values(zhCN), ...values(enUS)].filter((text) => text.trim() === '')).toEqual([])
  })
})

describe('time left', () => {
  const now = Date.parse('2026-03-10T08:00:00Z')
  it('counts whole days, then hours, and how long a step is overdue', () => {
    expect(timeLeft('2026-03-13T09:00:00Z', now)).toEqual({ kind: 'left', unit: 'days', count: 3 })
    expect(timeLeft('2026-03-10T12:30:00Z', now)).toEqual({ kind: 'left', unit: 'hours', count: 5 })
    expect(timeLeft('2026-03-10T08:10:00Z', now)).toEqual({ kind: 'left', unit: 'hours', count: 1 })
    expect(timeLeft('2026-03-10T05:00:00Z', now)).toEqual({ kind: 'overdue', unit: 'hours', count: 3 })
    expect(timeLeft('2026-03-07T07:00:00Z', now)).toEqual({ kind: 'overdue', unit: 'days', count: 3 })
    expect(timeLeft(null, now)).toEqual({ kind: 'none' })
  })
})

describe('answers', () => {
  const words = { yes: '是', no: '否', empty: '未填写', list: (items: string[]) => items.join('、') }
  it('are shown by the titles of their choices, yes or no, or as given', () => {
    const schema = { oneOf: [{ const: 'canteen', title: '单位食堂' }] }
    expect(formatValue(schema, 'canteen', words)).toBe('单位食堂')
    expect(formatValue(schema, 'other', words)).toBe('other')
    expect(formatValue(undefined, true, words)).toBe('是')
    expect(formatValue(undefined, 0, words)).toBe('0')
    expect(formatValue(undefined, undefined, words)).toBe('未填写')
    expect(formatValue({ items: schema }, ['canteen', 'x'], words)).toBe('单位食堂、x')
    expect(formatValue(undefined, [], words)).toBe('未填写')
  })
})
