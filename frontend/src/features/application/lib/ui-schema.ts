import type { TFunction } from 'i18next'
import { choiceOptions, isMultipleChoice, schemaType, type FormSchema } from './schema'
import { patternKind } from './validation'

/** Up to this many choices are radios; more become a drop-down list. */
const MAX_RADIOS = 6

export type UiNode = { [key: string]: unknown }

function uiFor(t: TFunction, schema: FormSchema | undefined, prefilled: boolean): UiNode {
  if (!schema) return {}
  if (prefilled) {
    return { 'ui:widget': 'prefilled', 'ui:description': t('application.wizard.prefilled') }
  }
  const type = schemaType(schema)
  if (type === 'object') {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, child]) => [name, uiFor(t, child, false)]),
    )
  }
  if (type === 'array') {
    if (isMultipleChoice(schema)) return { 'ui:widget': 'checkboxes' }
    return { items: uiFor(t, schema.items, false) }
  }
  const options = choiceOptions(schema)
  if (options) return { 'ui:widget': options.length <= MAX_RADIOS ? 'radio' : 'select' }
  if (type === 'boolean') {
    // A box to tick when only "yes" will do; otherwise a plain yes/no question.
    return { 'ui:widget': schema.const === true ? 'checkbox' : 'radio' }
  }
  const ui: UiNode = {}
  if (type === 'string' && (schema.maxLength ?? 0) >= 500) ui['ui:widget'] = 'textarea'
  const kind = patternKind(schema)
  if (kind) ui['ui:description'] = t(`application.wizard.hints.${kind}`)
  return ui
}

/**
 * How each question is asked: radios for a few choices, checkboxes for lists of choices, a
 * yes/no question for booleans, hints for the formats people get wrong, and answers from the
 * verified identity shown read-only with a note.
 */
export function buildUiSchema(t: TFunction, schema: FormSchema, prefilled: readonly string[]): UiNode {
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => [
      name,
      uiFor(t, field, prefilled.includes(name)),
    ]),
  )
}
