import type { Translations } from '@/lib/form-texts'
import type { ServiceDetail } from '@/lib/catalog/types'

/**
 * The part of JSON Schema (draft 2020-12) the services' forms use: objects with titled properties,
 * strings (dates, patterns, lengths), numbers, booleans, choices as `oneOf: [{const, title}]`,
 * arrays of choices or of objects, `x-prefill` for answers taken from the verified identity, and
 * `x-title` / `x-description` for the texts in English.
 */
export interface FormSchema {
  type?: string | string[]
  title?: string
  description?: string
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  const?: unknown
  enum?: unknown[]
  oneOf?: FormSchema[]
  default?: unknown
  properties?: Record<string, FormSchema>
  required?: string[]
  items?: FormSchema
  minItems?: number
  uniqueItems?: boolean
  'x-prefill'?: string
  /** `title` in other languages; pages read the schema through `useLocalize().schema`. */
  'x-title'?: Translations
  /** `description` in other languages. */
  'x-description'?: Translations
  [keyword: string]: unknown
}

/** The guidance with the applicant's form, which GET /api/v1/catalog/services/{code} carries. */
export type ServiceWithForm = ServiceDetail & { formSchema?: FormSchema | null }

export function formSchemaOf(service: ServiceDetail | undefined): FormSchema | undefined {
  const schema = (service as ServiceWithForm | undefined)?.formSchema
  return schema && typeof schema === 'object' ? schema : undefined
}

/** One page of questions: a few plain fields in schema order, or one group (a top-level object). */
export interface FormPage {
  /** Top-level property names, in schema order. */
  fields: string[]
  /** The group's own title, for a page that is one top-level object. */
  title?: string
}

/** How many plain questions one page asks at most. */
export const FIELDS_PER_PAGE = 5

function typeOf(schema: FormSchema | undefined): string | undefined {
  const type = schema?.type
  return Array.isArray(type) ? type.find((t) => t !== 'null') : type
}

export function isGroup(schema: FormSchema | undefined): boolean {
  const type = typeOf(schema)
  return type === 'object' || (type === 'array' && typeOf(schema?.items) === 'object')
}

/** The top-level fields, in the order the schema lists them. */
export function topLevelFields(schema: FormSchema): string[] {
  return Object.keys(schema.properties ?? {})
}

/**
 * Splits the form into pages: each top-level object (or list of objects) is a page of its own;
 * the plain fields between them are shared out evenly over pages of at most FIELDS_PER_PAGE.
 */
export function formPages(schema: FormSchema): FormPage[] {
  const pages: FormPage[] = []
  let run: string[] = []
  const flush = () => {
    if (run.length === 0) return
    const count = Math.ceil(run.length / FIELDS_PER_PAGE)
    const size = Math.ceil(run.length / count)
    for (let start = 0; start < run.length; start += size) {
      pages.push({ fields: run.slice(start, start + size) })
    }
    run = []
  }
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (isGroup(field)) {
      flush()
      pages.push({ fields: [name], title: field.title })
    } else {
      run.push(name)
    }
  }
  flush()
  return pages
}

/** The index of the page that asks `field` (a dotted path), or -1. */
export function pageOfField(pages: readonly FormPage[], field: string): number {
  const top = field.split('.')[0] ?? field
  return pages.findIndex((page) => page.fields.includes(top))
}

/** The schema of a dotted path such as `newborn.name` or `investors.0.name`. */
export function schemaAt(schema: FormSchema, path: string): FormSchema | undefined {
  let current: FormSchema | undefined = schema
  for (const segment of path.split('.')) {
    if (!current) return undefined
    if (typeOf(current) === 'array') current = current.items
    else current = current.properties?.[segment]
  }
  return current
}

/** A field's label for lists such as the error summary: the titles along the path. */
export function fieldLabel(
  schema: FormSchema,
  path: string,
  itemLabel: (position: number) => string,
): string {
  const labels: string[] = []
  let current: FormSchema | undefined = schema
  for (const segment of path.split('.')) {
    if (!current) break
    if (typeOf(current) === 'array') {
      labels.push(itemLabel(Number(segment) + 1))
      current = current.items
    } else {
      current = current.properties?.[segment]
      labels.push(current?.title ?? segment)
    }
  }
  return labels.join(' · ')
}

export interface ChoiceOption {
  value: unknown
  label: string
}

/** The choices of a field offered as `oneOf: [{const, title}]` (or a plain `enum`). */
export function choiceOptions(schema: FormSchema | undefined): ChoiceOption[] | undefined {
  if (!schema) return undefined
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((option) => 'const' in option)) {
    return schema.oneOf.map((option) => ({
      value: option.const,
      label: option.title ?? String(option.const),
    }))
  }
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value) => ({ value, label: String(value) }))
  }
  return undefined
}

export function isChoice(schema: FormSchema | undefined): boolean {
  return choiceOptions(schema) !== undefined
}

/** A list of choices, asked as checkboxes. */
export function isMultipleChoice(schema: FormSchema | undefined): boolean {
  return typeOf(schema) === 'array' && isChoice(schema?.items)
}

export function schemaType(schema: FormSchema | undefined): string | undefined {
  return typeOf(schema)
}

/** Is nothing answered? Empty texts and empty lists count as unanswered. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** The value at a dotted path of the answers. */
export function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/** The DOM id rjsf gives the input of a dotted path: root_newborn_name. */
export function fieldId(path: string): string {
  return ['root', ...path.split('.')].join('_')
}

/** Puts keyboard focus on a field (the first control of a group), scrolled into view. */
export function focusField(path: string): boolean {
  const element = document.getElementById(fieldId(path))
  if (!element) return false
  const focusable = element.matches('input, select, textarea, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]')
  const target = focusable ?? element
  target.scrollIntoView?.({ block: 'center' })
  target.focus()
  return document.activeElement === target
}
