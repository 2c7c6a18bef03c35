import type { TFunction } from 'i18next'
import type { FieldProblem, FormData } from '../types'
import { isIdentityFormat } from './identity-formats'
import { firstPerField } from './problems'
import {
  choiceOptions,
  isChoice,
  isMultipleChoice,
  schemaAt,
  schemaType,
  type FormSchema,
} from './schema'
import { SchemaValidator, type SchemaProblem } from './schema-validator'

/**
 * The JSON Schema validator for the forms: the services' schemas are draft 2020-12 (if/then,
 * dependentRequired), checked without generating code, as the Content-Security-Policy allows no
 * eval. The same instance drives rjsf's conditional fields. The backend checks again with the
 * same schema and is the authority.
 */
export const formValidator = new SchemaValidator()

/** Patterns the shipped forms use, each with a plain explanation instead of the regex. */
const KNOWN_PATTERNS: Record<string, 'idNumber' | 'mobile' | 'uscc' | 'time' | 'bankAccount'> = {
  '^[0-9]{17}[0-9X]$': 'idNumber',
  '^1[3-9][0-9]{9}$': 'mobile',
  '^[0-9A-HJ-NPQRTUWXY]{18}$': 'uscc',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': 'time',
  '^[0-9]{12,19}$': 'bankAccount',
}

export type PatternKind = (typeof KNOWN_PATTERNS)[string]

export function patternKind(schema: FormSchema | undefined): PatternKind | undefined {
  return schema?.pattern ? KNOWN_PATTERNS[schema.pattern] : undefined
}

function pathOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.')
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property
}

interface Issue {
  field: string
  keyword: string
  error: SchemaProblem
}

function issues(errors: readonly SchemaProblem[], complete: boolean): Issue[] {
  const found: Issue[] = []
  for (const error of errors) {
    const path = pathOf(error.instancePath)
    switch (error.keyword) {
      // the branches say it better than the condition
      case 'if':
      case 'allOf':
      case 'anyOf':
        continue
      case 'required':
      case 'dependentRequired':
        if (complete) {
          found.push({ field: join(path, String(error.params.missingProperty)), keyword: 'required', error })
        }
        continue
      default:
        found.push({ field: path, keyword: error.keyword, error })
    }
  }
  return found
}

/** A plain-language message for one problem, as a form's question would put it. */
function describe(t: TFunction, schema: FormSchema, issue: Issue): string {
  const fieldSchema = schemaAt(schema, issue.field)
  const field = fieldSchema?.title ?? issue.field.split('.').at(-1) ?? issue.field
  const { params } = issue.error
  const limit = params.limit
  switch (issue.keyword) {
    case 'required':
      return isChoice(fieldSchema) || isMultipleChoice(fieldSchema) || schemaType(fieldSchema) === 'boolean'
        ? t('application.errors.requiredChoice', { field })
        : t('application.errors.required', { field })
    case 'const':
      if (issue.error.schemaPath.includes('/oneOf/')) return t('application.errors.choice', { field })
      return fieldSchema?.const === true
        ? t('application.errors.confirm', { field })
        : t('application.errors.choice', { field })
    case 'oneOf':
    case 'enum':
      return t('application.errors.choice', { field })
    case 'format':
      if (params.format === 'date') return t('application.errors.date', { field })
      if (isIdentityFormat(params.format)) return t(`application.errors.formats.${params.format}`, { field })
      return t('application.errors.invalid', { field })
    case 'pattern': {
      const kind = patternKind(fieldSchema)
      return kind
        ? t(`application.errors.patterns.${kind}`, { field })
        : t('application.errors.pattern', { field })
    }
    case 'minLength':
      return limit === 1
        ? t('application.errors.required', { field })
        : t('application.errors.minLength', { field, limit })
    case 'maxLength':
      return t('application.errors.maxLength', { field, limit })
    case 'minimum':
      return t('application.errors.minimum', { field, limit })
    case 'exclusiveMinimum':
      return t('application.errors.exclusiveMinimum', { field, limit })
    case 'maximum':
    case 'exclusiveMaximum':
      return t('application.errors.maximum', { field, limit })
    case 'type':
      if (params.type === 'integer') return t('application.errors.integer', { field })
      if (params.type === 'number') return t('application.errors.number', { field })
      return t('application.errors.invalid', { field })
    case 'minItems':
      return t('application.errors.minItems', { field, limit })
    case 'maxItems':
      return t('application.errors.maxItems', { field, limit })
    case 'uniqueItems':
      return t('application.errors.uniqueItems', { field })
    case 'contains': {
      const wanted = (fieldSchema?.contains as FormSchema | undefined)?.const
      const item = choiceOptions(fieldSchema?.items)?.find((option) => option.value === wanted)
      return item
        ? t('application.errors.contains', { field, item: item.label })
        : t('application.errors.invalid', { field })
    }
    default:
      return t('application.errors.invalid', { field })
  }
}

/**
 * Checks the answers against the whole schema. `complete` also reports unanswered required
 * questions, as a submission must; a draft may leave them open. One problem per field.
 */
export function validateAnswers(
  t: TFunction,
  schema: FormSchema,
  data: FormData,
  { complete }: { complete: boolean },
): FieldProblem[] {
  const { errors, validationError } = formValidator.rawValidation<SchemaProblem>(schema as never, data)
  // a schema the validator cannot use checks nothing; say so rather than accept any answers quietly
  if (validationError) console.error('The form schema could not be used for validation:', validationError)
  return firstPerField(
    issues(errors ?? [], complete).map((issue) => ({
      field: issue.field,
      message: describe(t, schema, issue),
    })),
  )
}

/**
 * The backend's problems in the portal's plain words: where our own check of the same schema
 * finds the same field wrong, its message; otherwise the backend's, as it is the authority.
 */
export function explainServerProblems(
  t: TFunction,
  schema: FormSchema,
  data: FormData,
  problems: readonly FieldProblem[],
): FieldProblem[] {
  const ours = new Map(validateAnswers(t, schema, data, { complete: true }).map((p) => [p.field, p]))
  return problems.map((problem) => ours.get(problem.field) ?? problem)
}

/**
 * What a draft may store: the answers without the top-level fields that are wrong (still being
 * typed), which the backend would refuse for the whole draft.
 */
export function savableAnswers(t: TFunction, schema: FormSchema, data: FormData): FormData {
  const wrong = new Set(
    validateAnswers(t, schema, data, { complete: false }).map((problem) => problem.field.split('.')[0]),
  )
  return Object.fromEntries(Object.entries(data).filter(([key]) => !wrong.has(key)))
}

/**
 * How rjsf fills in answers nobody gave: only from an explicit `default`. Never the first choice
 * of a `oneOf` (that would answer "男" for the person), never a `const` (a box to tick must be
 * ticked by the person), no `false` for unanswered yes/no questions, no empty groups.
 */
export const FORM_DEFAULTS = {
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
  emptyObjectFields: 'skipEmptyDefaults',
  arrayMinItems: { populate: 'requiredOnly' },
} as const
