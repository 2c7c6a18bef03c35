import type { TFunction } from 'i18next'
import type { FieldProblem } from '../types'
import { materialOf } from './problems'
import {
  choiceOptions,
  fieldLabel,
  isBlank,
  schemaType,
  type FormSchema,
} from './schema'

/** "第 2 项" / "Item 2", for answers in a list. */
export function itemLabeller(t: TFunction) {
  return (position: number) => t('application.wizard.itemTitle', { position })
}

/**
 * Prepares problems for the summary at the top of the page: in the order the questions are
 * asked, each message saying which question it is about (the portal's own messages name it
 * already; the backend's may not).
 */
export function labelProblems(
  t: TFunction,
  schema: FormSchema,
  problems: readonly FieldProblem[],
): FieldProblem[] {
  const order = Object.keys(schema.properties ?? {})
  const position = (field: string) => {
    const index = order.indexOf(field.split('.')[0] ?? field)
    return index < 0 ? order.length : index
  }
  const sorted = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => position(a.problem.field) - position(b.problem.field) || a.index - b.index)
    .map(({ problem }) => problem)
  return sorted.map((problem) => {
    if (materialOf(problem.field) || !problem.field) return problem
    const label = fieldLabel(schema, problem.field, itemLabeller(t))
    const leaf = label.split(' · ').at(-1) ?? label
    const nested = problem.field.includes('.')
    if (problem.message.includes(nested ? label : leaf)) return problem
    return { ...problem, message: t('application.errors.labelled', { label, message: problem.message }) }
  })
}

/** An answer as text for people: option titles instead of codes, 是/否 for booleans. */
export function answerText(
  t: TFunction,
  schema: FormSchema | undefined,
  value: unknown,
  formatDate: (value: string) => string,
): string {
  if (isBlank(value)) return ''
  const options = choiceOptions(schema)
  if (options) return options.find((option) => option.value === value)?.label ?? String(value)
  const type = schemaType(schema)
  if (type === 'boolean') return value ? t('application.check.yes') : t('application.check.no')
  if (type === 'string' && schema?.format === 'date' && typeof value === 'string') {
    return formatDate(value)
  }
  if (Array.isArray(value)) {
    const itemOptions = choiceOptions(schema?.items)
    if (itemOptions) {
      return value
        .map((item) => itemOptions.find((option) => option.value === item)?.label ?? String(item))
        .join(t('application.check.listSeparator'))
    }
    return value
      .map((item) => answerText(t, schema?.items, item, formatDate))
      .join(t('application.check.listSeparator'))
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => !isBlank(item))
      .map(([key, item]) => {
        const child = schema?.properties?.[key]
        return `${child?.title ?? key}${t('application.check.pairSeparator')}${answerText(t, child, item, formatDate)}`
      })
      .join(t('application.check.itemSeparator'))
  }
  return String(value)
}
