import { isApiError } from '@/lib/api-client'
import type { DefinitionProblem } from './types'

/**
 * The file's place in the workflows folder as the backend wants it (<category>/<code>.yaml),
 * read from the definition itself: service.category and service.code.
 */
export function suggestedFile(yaml: string, fileName?: string): string | undefined {
  const category = /^[ \t]+category:[ \t]*["']?([\w-]+)/m.exec(yaml)?.[1]
  const code = /^[ \t]+code:[ \t]*["']?([\w-]+)/m.exec(yaml)?.[1]
  const name = fileName?.replace(/^.*[\\/]/, '') || (code ? `${code}.yaml` : undefined)
  if (!category || !name) return undefined
  return `${category}/${name}`
}

export const FILE_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*\.ya?ml$/

function isDefinitionProblem(value: unknown): value is DefinitionProblem {
  if (typeof value !== 'object' || value === null) return false
  const { message, code } = value as { message?: unknown; code?: unknown }
  return typeof message === 'string' && typeof code === 'string'
}

/** The definition's problems carried by a 400 answer to publishing, if it is one. */
export function publishProblems(error: unknown): DefinitionProblem[] | undefined {
  if (!isApiError(error, 400)) return undefined
  const errors = error.problem?.errors
  if (!Array.isArray(errors)) return undefined
  const problems = errors.filter(isDefinitionProblem)
  return problems.length > 0 ? problems : undefined
}

/** Where a 1-based line starts and ends in the text, to select it. */
export function lineRange(text: string, line: number): [number, number] | undefined {
  if (line < 1) return undefined
  let start = 0
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start)
    if (next === -1) return undefined
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return [start, end === -1 ? text.length : end]
}
