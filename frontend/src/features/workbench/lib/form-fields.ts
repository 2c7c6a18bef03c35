import type { FormFieldSchema, FormSchema } from '../types'

/** The field's title in the service's form (localized to the page's language), or its name when it has none. */
export function fieldLabel(schema: FormSchema | null | undefined, field: string): string {
  const title = schema?.properties?.[field]?.title
  return typeof title === 'string' && title.trim() !== '' ? title : field
}

export interface ValueWords {
  yes: string
  no: string
  empty: string
  list: (items: string[]) => string
}

function choiceTitle(schema: FormFieldSchema | undefined, value: unknown): string | undefined {
  return schema?.oneOf?.find((option) => option.const === value)?.title
}

function scalar(schema: FormFieldSchema | undefined, value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty
  if (typeof value === 'boolean') return value ? words.yes : words.no
  const title = choiceTitle(schema, value)
  if (title) return title
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}

/** An answer as people read it: choices by their titles, yes/no, lists joined. */
export function formatValue(
  schema: FormFieldSchema | undefined,
  value: unknown,
  words: ValueWords,
): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty
    return words.list(value.map((item) => scalar(schema?.items, item, words)))
  }
  return scalar(schema, value, words)
}
