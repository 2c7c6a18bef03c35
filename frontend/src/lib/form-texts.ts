import type { Language } from '@/i18n'

/**
 * A service's form (its JSON Schema) in one language. A field's, group's or option's `title` and
 * `description` are the Simplified Chinese texts; `x-title` and `x-description` carry them in
 * other languages, by language tag:
 *
 *     enterpriseName: { type: string, title: 企业名称, x-title: { en-US: Business name } }
 *
 * The catalogue ships the schema with every language, like the rest of the guidance; the pages
 * pick theirs, so switching language needs no new request. A text without a translation stays
 * Chinese.
 */

/** A form text in other languages than Chinese, by language tag: `{ 'en-US': 'Business name' }`. */
export type Translations = Record<string, string>

type Node = { [keyword: string]: unknown }

const TRANSLATIONS: Record<string, string> = { title: 'x-title', description: 'x-description' }
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs'])
/** Keywords whose value is a subschema. */
const SCHEMAS = new Set([
  'items',
  'additionalProperties',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
])
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The text in the language: its own tag first, then any text of the same language (en-GB → en-US). */
function translation(translations: unknown, language: string): string | undefined {
  if (!isNode(translations)) return undefined
  const exact = translations[language]
  if (typeof exact === 'string' && exact.trim() !== '') return exact
  const primary = language.split('-')[0]
  for (const [tag, text] of Object.entries(translations)) {
    if (tag.split('-')[0] === primary && typeof text === 'string' && text.trim() !== '') return text
  }
  return undefined
}

function localizeNode(value: unknown, language: string): unknown {
  if (!isNode(value)) return value
  const result: Node = {}
  for (const [keyword, child] of Object.entries(value)) {
    if (SCHEMA_MAPS.has(keyword) && isNode(child)) {
      result[keyword] = Object.fromEntries(
        Object.entries(child).map(([name, schema]) => [name, localizeNode(schema, language)]),
      )
    } else if (SCHEMAS.has(keyword)) {
      result[keyword] = localizeNode(child, language)
    } else if (SCHEMA_LISTS.has(keyword) && Array.isArray(child)) {
      result[keyword] = child.map((schema) => localizeNode(schema, language))
    } else {
      result[keyword] = child
    }
  }
  for (const [keyword, translationsKeyword] of Object.entries(TRANSLATIONS)) {
    if (typeof value[keyword] !== 'string') continue
    const text = translation(value[translationsKeyword], language)
    if (text !== undefined) result[keyword] = text
  }
  return result
}

const cache = new Map<string, WeakMap<object, unknown>>()

/**
 * The schema with its titles and descriptions in `language`. Chinese is the schema itself; other
 * languages are worked out once per schema and language, so the same schema gives the same object
 * (pages can memoize on it).
 */
export function localizeSchema<T>(schema: T, language: Language | string): T {
  if (!isNode(schema) || language.split('-')[0] === 'zh') return schema
  let byLanguage = cache.get(language)
  if (!byLanguage) {
    byLanguage = new WeakMap()
    cache.set(language, byLanguage)
  }
  if (!byLanguage.has(schema)) byLanguage.set(schema, localizeNode(schema, language))
  return byLanguage.get(schema) as T
}
