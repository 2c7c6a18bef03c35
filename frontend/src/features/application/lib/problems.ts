import { isApiError } from '@/lib/api-client'
import type { FieldProblem } from '../types'

export const VALIDATION_FAILED = 'urn:tongban:problem:validation-failed'
export const MATERIALS_MISSING = 'urn:tongban:problem:materials-missing'

/** The material code of a `materials.<code>` problem, if it is one. */
export function materialOf(field: string): string | undefined {
  return field.startsWith('materials.') ? field.slice('materials.'.length) : undefined
}

/**
 * The per-field problems of a failed call (`errors: [{field, message}]`), one per field: the
 * backend may report several keywords of one answer, the first says enough.
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error)) return []
  const errors = error.problem?.errors
  if (!Array.isArray(errors)) return []
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  for (const entry of errors as unknown[]) {
    if (!entry || typeof entry !== 'object') continue
    const { field, message } = entry as { field?: unknown; message?: unknown }
    if (typeof field !== 'string' || seen.has(field)) continue
    seen.add(field)
    problems.push({ field, message: typeof message === 'string' ? message : '' })
  }
  return problems
}

/** Keeps the first problem of each field. */
export function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => !seen.has(problem.field) && seen.add(problem.field))
}

/** rjsf's nested error shape: { newborn: { name: { __errors: ['…'] } } }. */
export interface ErrorTree {
  __errors?: string[]
  [key: string]: ErrorTree | string[] | undefined
}

export function errorTree(problems: readonly FieldProblem[]): ErrorTree {
  const root: ErrorTree = {}
  for (const { field, message } of problems) {
    let node = root
    for (const segment of field.split('.')) {
      node = (node[segment] as ErrorTree | undefined) ?? (node[segment] = {})
    }
    node.__errors = [...(node.__errors ?? []), message]
  }
  return root
}
