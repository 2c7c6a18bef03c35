import { dereference, validate, type OutputUnit, type Schema } from '@cfworker/json-schema'
import {
  createErrorHandler,
  getDefaultFormState,
  ROOT_SCHEMA_PREFIX,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  withIdRefPrefix,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils'
import './identity-formats'

/**
 * JSON Schema (draft 2020-12) validation for the forms without generating code: the portal's
 * Content-Security-Policy has no 'unsafe-eval', so a validator that compiles schemas with
 * `new Function` (Ajv) cannot run in the browser. @cfworker/json-schema interprets the schema.
 *
 * Its output units (keyword, keywordLocation, instanceLocation) become `SchemaProblem`s, the
 * facts a message needs: where the answer is, which keyword failed and that keyword's value in
 * the schema (the limit, the format, the missing properties).
 */

const DRAFT = '2020-12'

type Lookup = Record<string, Schema | boolean>

/** A schema ready to validate with: our own copy (cfworker annotates it) and its `$ref` targets. */
interface Prepared {
  schema: Schema
  lookup: Lookup
}

/** What the messages need to know about a problem (the names follow Ajv's `params`). */
export interface ProblemParams {
  /** `required`, `dependentRequired`: the property without an answer. */
  missingProperty?: string
  /** `dependentRequired`: the property whose answer requires it. */
  property?: string
  /** `additionalProperties: false`: the property the schema does not know. */
  additionalProperty?: string
  /** min/max keywords: the keyword's value. */
  limit?: number
  format?: string
  pattern?: string
  /** `type`: the expected type(s), comma-separated. */
  type?: string
  /** `const`: the one allowed value. */
  allowedValue?: unknown
  /** `enum`: the allowed values. */
  allowedValues?: unknown[]
}

/** One problem of the data against the schema. */
export interface SchemaProblem {
  keyword: string
  /** JSON Pointer to the value in the data, '' for the whole; for `required`, to the object. */
  instancePath: string
  /** JSON Pointer (as a URI fragment, `#/…`) to the keyword in the schema. */
  schemaPath: string
  params: ProblemParams
  /** The validator's own (English) wording, for developers; people get the portal's messages. */
  message: string
}

/**
 * Keywords whose unit only says "a subschema had errors" and is followed by that subschema's
 * own units, which say what is wrong.
 */
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'dependentSchemas',
  'propertyNames',
])

const LIMITS = new Set([
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
  'multipleOf',
])

function decodeSegment(segment: string): string {
  return decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~')
}

function encodeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** cfworker's locations are URI fragments ('#/a%20b/0'); the segments, decoded. */
function segmentsOf(location: string): string[] {
  return location.replace(/^#/, '').split('/').slice(1).map(decodeSegment)
}

/** A location as a plain JSON Pointer ('/a b/0'), like Ajv's `instancePath`. */
function pointerOf(location: string): string {
  return segmentsOf(location)
    .map((segment) => `/${encodeSegment(segment)}`)
    .join('')
}

function parentOf(location: string): string {
  return location.slice(0, location.lastIndexOf('/'))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value at a data location. */
function valueAt(data: unknown, location: string): unknown {
  let current = data
  for (const segment of segmentsOf(location)) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/** The schema node at a keyword location, following `$ref`s the way the validator did. */
function schemaAt(prepared: Prepared, location: string): unknown {
  let current: unknown = prepared.schema
  for (const segment of segmentsOf(location)) {
    if (current === null || typeof current !== 'object') return undefined
    if (segment === '$ref' && isObject(current) && typeof current.$ref === 'string') {
      const target = (current.__absolute_ref__ as string | undefined) ?? current.$ref
      current = prepared.lookup[target]
      continue
    }
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/**
 * The data as JSON, as the server will receive it: properties whose value is `undefined` are
 * not there (rjsf keeps cleared answers as `undefined`; Ajv counts them as missing too), and
 * nothing at all is `null`.
 */
function asJson(value: unknown): unknown {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map((item) => asJson(item))
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, asJson(entry)]),
    )
  }
  return value
}

function hasOwn(value: unknown, key: string): boolean {
  return isObject(value) && Object.hasOwn(value, key)
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

function paramsOf(keyword: string, value: unknown): ProblemParams {
  if (LIMITS.has(keyword)) return typeof value === 'number' ? { limit: value } : {}
  switch (keyword) {
    case 'format':
    case 'pattern':
      return typeof value === 'string' ? { [keyword]: value } : {}
    case 'type':
      return { type: Array.isArray(value) ? value.join(',') : String(value) }
    case 'const':
      return { allowedValue: value }
    case 'enum':
      return Array.isArray(value) ? { allowedValues: value } : {}
    default:
      return {}
  }
}

/**
 * The problems in cfworker's output units. cfworker reports one unit per missing property
 * without naming it, so `required` and `dependentRequired` are worked out from the schema and
 * the data, once per location; `additionalProperties: false` is reported as a wrapper unit
 * followed by a `false` unit at the unknown property, which becomes one problem at the object.
 */
function problemsOf(units: readonly OutputUnit[], prepared: Prepared, data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = []
  const seen = new Set<string>()
  const once = (unit: OutputUnit) => {
    const key = `${unit.keyword} ${unit.keywordLocation} ${unit.instanceLocation}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }

  units.forEach((unit, index) => {
    const instancePath = pointerOf(unit.instanceLocation)
    const instance = () => valueAt(data, unit.instanceLocation)
    switch (unit.keyword) {
      case 'required': {
        if (!once(unit)) return
        for (const property of stringList(schemaAt(prepared, unit.keywordLocation))) {
          if (hasOwn(instance(), property)) continue
          problems.push({
            keyword: 'required',
            instancePath,
            schemaPath: unit.keywordLocation,
            params: { missingProperty: property },
            message: `must have required property '${property}'`,
          })
        }
        return
      }
      case 'dependentRequired': {
        if (!once(unit)) return
        // the keyword's value lives in the schema object that holds it
        const holder = parentOf(unit.keywordLocation)
        const schemaPath = `${holder}/dependentRequired`
        const dependencies = schemaAt(prepared, schemaPath)
        if (!isObject(dependencies)) return
        const value = instance()
        for (const [property, needed] of Object.entries(dependencies)) {
          if (!hasOwn(value, property)) continue
          for (const missing of stringList(needed)) {
            if (hasOwn(value, missing)) continue
            problems.push({
              keyword: 'dependentRequired',
              instancePath,
              schemaPath,
              params: { property, missingProperty: missing },
              message: `must have property '${missing}' when property '${property}' is present`,
            })
          }
        }
        return
      }
      case 'additionalProperties':
      case 'unevaluatedProperties':
        // a schema for the other properties reports its own problems next; `false` is handled below
        return
      case 'false': {
        const previous = units[index - 1]
        if (
          previous &&
          (previous.keyword === 'additionalProperties' || previous.keyword === 'unevaluatedProperties') &&
          parentOf(unit.instanceLocation) === previous.instanceLocation
        ) {
          const property = segmentsOf(unit.instanceLocation).at(-1) ?? ''
          problems.push({
            keyword: previous.keyword,
            instancePath: pointerOf(previous.instanceLocation),
            schemaPath: previous.keywordLocation,
            params: { additionalProperty: property },
            message: `must NOT have additional properties ('${property}')`,
          })
          return
        }
        problems.push({ keyword: 'false', instancePath, schemaPath: unit.keywordLocation, params: {}, message: unit.error })
        return
      }
      default: {
        if (WRAPPERS.has(unit.keyword)) return
        problems.push({
          keyword: unit.keyword,
          instancePath,
          schemaPath: unit.keywordLocation,
          params: paramsOf(unit.keyword, schemaAt(prepared, unit.keywordLocation)),
          message: unit.error,
        })
      }
    }
  })
  return problems
}

/**
 * A copy of the schema (cfworker annotates the schemas it is given) with its lookup; `base`
 * holds schemas its `$ref`s may point into.
 */
function prepare(copy: Schema, base?: Lookup): Prepared {
  return { schema: copy, lookup: dereference(copy, Object.create(base ?? null) as Lookup) }
}

function check(prepared: Prepared, data: unknown, all: boolean) {
  return validate(data, prepared.schema, DRAFT, prepared.lookup, !all)
}

/**
 * rjsf's `ValidatorType` on @cfworker/json-schema: rjsf asks it whether answers meet an
 * `if`, which `oneOf` option they match, and (unless the form is `noValidate`) for the errors.
 * Prepared schemas are kept per schema object, as rjsf passes the same objects again and again.
 */
export class SchemaValidator implements ValidatorType<unknown, RJSFSchema> {
  private roots = new WeakMap<object, Lookup>()
  private prepared = new WeakMap<object, Prepared>()
  private preparedWithRoot = new WeakMap<object, WeakMap<object, Prepared>>()

  /** The root schema under ROOT_SCHEMA_PREFIX, for the `$ref`s rjsf rewrites to point there. */
  private rootLookup(rootSchema: RJSFSchema): Lookup {
    let lookup = this.roots.get(rootSchema)
    if (!lookup) {
      lookup = prepare({ ...jsonCopy(rootSchema), $id: ROOT_SCHEMA_PREFIX }).lookup
      this.roots.set(rootSchema, lookup)
    }
    return lookup
  }

  private prepareAlone(schema: RJSFSchema): Prepared {
    let prepared = this.prepared.get(schema)
    if (!prepared) {
      // the schema is its own root: its '#/…' references point into itself
      prepared = prepare(jsonCopy(schema))
      this.prepared.set(schema, prepared)
    }
    return prepared
  }

  private prepareWithRoot(schema: RJSFSchema, rootSchema: RJSFSchema): Prepared {
    let byRoot = this.preparedWithRoot.get(schema)
    if (!byRoot) {
      byRoot = new WeakMap()
      this.preparedWithRoot.set(schema, byRoot)
    }
    let prepared = byRoot.get(rootSchema)
    if (!prepared) {
      // rjsf's way (as with Ajv): '#/…' references point into the root schema
      prepared = prepare(withIdRefPrefix(schema) as Schema, this.rootLookup(rootSchema))
      byRoot.set(rootSchema, prepared)
    }
    return prepared
  }

  /** Every problem of `formData` against `schema`, or the reason the schema cannot be used. */
  rawValidation<Result = SchemaProblem>(
    schema: RJSFSchema,
    formData?: unknown,
  ): { errors?: Result[]; validationError?: Error } {
    try {
      const prepared = this.prepareAlone(schema)
      const data = asJson(formData)
      const { valid, errors } = check(prepared, data, true)
      return { errors: valid ? undefined : (problemsOf(errors, prepared, data) as Result[]) }
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) }
    }
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<unknown, RJSFSchema>,
    transformErrors?: ErrorTransformer<unknown, RJSFSchema>,
    uiSchema?: UiSchema<unknown, RJSFSchema>,
  ): ValidationData<unknown> {
    const { errors: problems = [], validationError } = this.rawValidation(schema, formData)
    let errors: RJSFValidationError[] = problems.map(toRjsfError)
    if (validationError) errors = [...errors, { stack: validationError.message }]
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema)
    let errorSchema = toErrorSchema<unknown>(errors)
    if (validationError) {
      errorSchema = { ...errorSchema, $schema: { __errors: [validationError.message] } } as typeof errorSchema
    }
    if (typeof customValidate !== 'function') return { errors, errorSchema }
    // custom validation sees the answers with the schema's defaults, as rjsf's Ajv validator does
    const withDefaults = getDefaultFormState(this, schema, formData, schema, true)
    const handler = customValidate(withDefaults, createErrorHandler(withDefaults), uiSchema, errorSchema)
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler))
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return check(this.prepareWithRoot(schema, rootSchema), asJson(formData), false).valid
    } catch (error) {
      console.warn('The form schema could not be used for validation:', error)
      return false
    }
  }

  reset(): void {
    this.roots = new WeakMap()
    this.prepared = new WeakMap()
    this.preparedWithRoot = new WeakMap()
  }
}

/** A deep copy of a schema's objects and arrays (its values are JSON). */
function jsonCopy(schema: RJSFSchema): Schema {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy)
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copy(entry)]))
    return value
  }
  return copy(schema) as Schema
}

/** A problem as rjsf lists it: the property as a path ('.a.b', with the missing one appended). */
function toRjsfError(problem: SchemaProblem): RJSFValidationError {
  let property = problem.instancePath
    .split('/')
    .slice(1)
    .map((segment) => `.${segment.replaceAll('~1', '/').replaceAll('~0', '~')}`)
    .join('')
  if (problem.params.missingProperty !== undefined) property = `${property}.${problem.params.missingProperty}`
  return {
    name: problem.keyword,
    property,
    message: problem.message,
    params: problem.params,
    stack: `${property} ${problem.message}`.trim(),
    schemaPath: problem.schemaPath,
  }
}
