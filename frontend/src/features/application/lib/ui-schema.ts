import type { TFunction } from 'i18next'
import { choiceOptions, isMultipleChoice, schemaType, type FormSchema } from './schema'
import { patternKind } from './validation'

/** Up to this many choices are radios; more become a drop-down list. */
const MAX_RADIOS = 6

export type UiNode = { [key: string]: unknown }

/** Answers that agreed shared records give, by dotted path, with the note saying where from. */
export type LockedNotes = ReadonlyMap<string, string>

function uiFor(
  t: TFunction,
  schema: FormSchema | undefined,
  prefilled: boolean,
  path: string,
  locked: LockedNotes,
): UiNode {
  if (!schema) return {}
  if (prefilled) {
    return { 'ui:widget': 'prefilled', 'ui:description': t('application.wizard.prefilled') }
  }
  const note = locked.get(path)
  const type = schemaType(schema)
  if (note !== undefined && type !== 'object' && type !== 'array') {
    return { 'ui:widget': 'prefilled', 'ui:description': note }
  }
  if (type === 'object') {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, child]) => [
        name,
        uiFor(t, child, false, `${path}.${name}`, locked),
      ]),
    )
  }
  if (type === 'array') {
    if (isMultipleChoice(schema)) return { 'ui:widget': 'checkboxes' }
    return { items: uiFor(t, schema.items, false, `${path}.*`, locked) }
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
 * verified identity or from a department's record (免提交) shown read-only with a note saying so.
 */
export function buildUiSchema(
  t: TFunction,
  schema: FormSchema,
  prefilled: readonly string[],
  locked: LockedNotes = new Map(),
): UiNode {
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => [
      name,
      uiFor(t, field, prefilled.includes(name), name, locked),
    ]),
  )
}
