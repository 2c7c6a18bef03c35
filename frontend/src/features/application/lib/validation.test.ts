import { retrieveSchema, type RJSFSchema } from '@rjsf/utils'
import ajvValidator from '@rjsf/validator-ajv8'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import i18n from '@/i18n'
import { completeAnswers, enrolmentSchema } from '@/testing/application-fixtures'
import type { FormData } from '../types'
import type { FormSchema } from './schema'
import type { SchemaProblem } from './schema-validator'
import { formValidator, validateAnswers } from './validation'

// The shipped definitions, as the catalogue serves their forms.
const definitions = import.meta.glob<string>('../../../../../workflows/*/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function shippedForm(file: string): FormSchema {
  const text = definitions[`../../../../../workflows/${file}`]
  if (text === undefined) throw new Error(`no definition ${file}`)
  return (parse(text) as { form: { schema: FormSchema } }).form.schema
}

const enrolment = () => shippedForm('education/primary-school-enrolment.yaml')
const zh = i18n.getFixedT('zh-CN')
const en = i18n.getFixedT('en-US')

/**
 * What the portal's Content-Security-Policy (script-src without 'unsafe-eval') does in the
 * browser: strings are never evaluated as code, so `new Function(…)` and `eval` throw.
 */
function forbidCodeFromStrings() {
  const refuse = () => {
    throw new EvalError('Evaluating a string as JavaScript violates the Content Security Policy')
  }
  vi.stubGlobal('Function', new Proxy(Function, { apply: refuse, construct: refuse }))
  vi.stubGlobal('eval', refuse)
}

describe('checking answers without generating code (CSP without unsafe-eval)', () => {
  beforeEach(forbidCodeFromStrings)
  afterEach(() => {
    vi.unstubAllGlobals()
    formValidator.reset()
  })

  it('is a real restriction: Ajv, which compiles schemas to functions, cannot check anything', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // Ajv logs the code it could not compile
    expect(() => new Function('return 1')).toThrow(EvalError)
    const { errors, validationError } = ajvValidator.rawValidation(enrolment() as RJSFSchema, {})
    expect(errors).toBeUndefined()
    expect(validationError).toBeInstanceOf(EvalError)
  })

  it('finds every unanswered required question of the shipped enrolment form, in plain words', () => {
    expect(validateAnswers(zh, enrolment(), {}, { complete: true })).toEqual([
      { field: 'childName', message: '请填写儿童姓名' },
      { field: 'childIdNumber', message: '请填写儿童公民身份号码' },
      { field: 'childGender', message: '请选择儿童性别' },
      { field: 'childBirthDate', message: '请填写儿童出生日期' },
      { field: 'guardianName', message: '请填写监护人姓名' },
      { field: 'guardianRelationship', message: '请选择与儿童关系' },
      { field: 'guardianIdNumber', message: '请填写监护人公民身份号码' },
      { field: 'guardianPhone', message: '请填写监护人手机号码' },
      { field: 'householdRegistrationAddress', message: '请填写户籍地址' },
      { field: 'residenceAddress', message: '请填写实际居住地址' },
      { field: 'residenceBasis', message: '请选择入学类别' },
      { field: 'vaccinationCertificateNumber', message: '请填写预防接种证编号' },
    ])
    // a draft may leave them open
    expect(validateAnswers(zh, enrolment(), {}, { complete: false })).toEqual([])
  })

  it('explains wrong answers: pattern, date, lengths, a choice not offered', () => {
    const answers: FormData = {
      ...completeAnswers,
      childIdNumber: '1101',
      childBirthDate: '2019-02-30',
      childGender: 'unknown',
      guardianPhone: '12345',
      householdRegistrationAddress: '北京',
      residencePermitNumber: 'x'.repeat(31),
    }
    expect(validateAnswers(zh, enrolment(), answers, { complete: true })).toEqual([
      { field: 'childIdNumber', message: '儿童公民身份号码须为 18 位，最后一位可以是数字或大写字母 X' },
      { field: 'childGender', message: '请从给出的选项中选择儿童性别' },
      { field: 'childBirthDate', message: '儿童出生日期须为有效日期，例如 2019-05-01' },
      { field: 'guardianPhone', message: '监护人手机号码须为 11 位手机号码，例如 13800138000' },
      { field: 'householdRegistrationAddress', message: '户籍地址至少需要 5 个字' },
      { field: 'residencePermitNumber', message: '监护人居住证号码不能超过 30 个字' },
    ])
    expect(validateAnswers(en, enrolment(), { ...completeAnswers, residencePermitNumber: 'abc' }, { complete: true }))
      .toEqual([{ field: 'residencePermitNumber', message: '监护人居住证号码 must be at least 6 characters' }])
  })

  it('checks a resident ID number to its check character, as the server does', () => {
    // 18 digits, one mistyped: the pattern is met, the check character is not
    const mistyped = { ...completeAnswers, childIdNumber: '110105201905010012' }
    expect(validateAnswers(zh, enrolment(), mistyped, { complete: true })).toEqual([
      {
        field: 'childIdNumber',
        message: '儿童公民身份号码不是有效的公民身份号码：须为 18 位，最后一位是校验码（数字或 X），请对照证件逐位核对',
      },
    ])
    expect(validateAnswers(en, enrolment(), mistyped, { complete: true })[0]?.message).toMatch(
      /^儿童公民身份号码 is not a valid resident ID number: it has 18 characters/,
    )
    expect(
      validateAnswers(zh, enrolment(), { ...completeAnswers, childIdNumber: '11010520190601100X' }, { complete: true }),
    ).toEqual([])
  })

  it('accepts complete answers', () => {
    expect(validateAnswers(zh, enrolment(), completeAnswers, { complete: true })).toEqual([])
    // cleared answers (rjsf keeps them as undefined) are unanswered, not wrong
    expect(
      validateAnswers(zh, enrolment(), { ...completeAnswers, childName: undefined }, { complete: true }),
    ).toEqual([{ field: 'childName', message: '请填写儿童姓名' }])
  })

  it('asks for the residence permit number only when the guardian holds a residence permit', () => {
    const schema = enrolment()
    const permit = { ...completeAnswers, residenceBasis: 'residence-permit' }
    expect(validateAnswers(zh, schema, permit, { complete: true })).toEqual([
      { field: 'residencePermitNumber', message: '请填写监护人居住证号码' },
    ])
    expect(validateAnswers(zh, schema, { ...permit, residencePermitNumber: '110000123456' }, { complete: true })).toEqual([])
    expect(validateAnswers(zh, schema, { ...completeAnswers, residenceBasis: 'local-rented-home' }, { complete: true }))
      .toEqual([])

    // rjsf decides the question's requiredness (and so its "optional" label) with the validator's `if`
    const root = schema as RJSFSchema
    expect(retrieveSchema(formValidator, root, root, permit).required).toContain('residencePermitNumber')
    expect(retrieveSchema(formValidator, root, root, completeAnswers).required).not.toContain('residencePermitNumber')
  })

  it('checks every shipped form: it can be used, and an empty submission is refused', () => {
    const forms = Object.keys(definitions)
      .map((path) => path.replace('../../../../../workflows/', ''))
      .filter((file) => (parse(definitions[`../../../../../workflows/${file}`] ?? '') as { form?: unknown }).form)
    expect(forms.length).toBeGreaterThanOrEqual(6)
    for (const file of forms) {
      const { errors, validationError } = formValidator.rawValidation<SchemaProblem>(shippedForm(file) as RJSFSchema, {})
      expect(validationError, file).toBeUndefined()
      expect(errors?.some((error) => error.keyword === 'required'), file).toBe(true)
    }
  })

  it('reports a dependency between answers (dependentRequired) on the missing answer', () => {
    const schema = shippedForm('health/birth-medical-certificate.yaml')
    const problems = validateAnswers(zh, schema, { fatherIdNumber: '110105199003071239' }, { complete: true })
    expect(problems).toContainEqual({ field: 'fatherName', message: '请填写父亲姓名' })
  })
})

describe('the adapter from the validator to the messages', () => {
  afterEach(() => formValidator.reset())

  it('the test fixture is the shipped enrolment form', () => {
    expect(enrolmentSchema).toEqual(enrolment())
  })

  it('names nested answers by their path, and each missing property once', () => {
    const schema: RJSFSchema = {
      type: 'object',
      properties: {
        'a/b': {
          type: 'object',
          required: ['name', 'age'],
          properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
        },
        list: { type: 'array', items: { type: 'integer', exclusiveMinimum: 0 }, minItems: 2 },
      },
      additionalProperties: false,
    }
    const { errors } = formValidator.rawValidation<SchemaProblem>(schema, { 'a/b': {}, list: [0], extra: 1 })
    expect(errors?.map(({ keyword, instancePath, schemaPath, params }) => ({ keyword, instancePath, schemaPath, params })))
      .toEqual([
        { keyword: 'required', instancePath: '/a~1b', schemaPath: '#/properties/a~1b/required', params: { missingProperty: 'name' } },
        { keyword: 'required', instancePath: '/a~1b', schemaPath: '#/properties/a~1b/required', params: { missingProperty: 'age' } },
        { keyword: 'minItems', instancePath: '/list', schemaPath: '#/properties/list/minItems', params: { limit: 2 } },
        { keyword: 'exclusiveMinimum', instancePath: '/list/0', schemaPath: '#/properties/list/items/exclusiveMinimum', params: { limit: 0 } },
        { keyword: 'additionalProperties', instancePath: '', schemaPath: '#/additionalProperties', params: { additionalProperty: 'extra' } },
      ])
  })

  it('follows $ref to the keyword, and resolves references into the root for rjsf', () => {
    const schema: RJSFSchema = {
      $defs: { code: { type: 'string', minLength: 3 } },
      type: 'object',
      properties: { code: { $ref: '#/$defs/code' } },
    }
    const { errors } = formValidator.rawValidation<SchemaProblem>(schema, { code: 'x' })
    expect(errors?.map(({ keyword, params }) => ({ keyword, params }))).toEqual([{ keyword: 'minLength', params: { limit: 3 } }])
    const property = schema.properties?.code as RJSFSchema
    expect(formValidator.isValid(property, 'abc', schema)).toBe(true)
    expect(formValidator.isValid(property, 'x', schema)).toBe(false)
  })

  it('gives rjsf its error list and error tree', () => {
    const { errors, errorSchema } = formValidator.validateFormData({ childName: '' }, enrolmentSchema as RJSFSchema)
    expect(errors).toContainEqual(
      expect.objectContaining({ name: 'minLength', property: '.childName', schemaPath: '#/properties/childName/minLength' }),
    )
    expect(errors).toContainEqual(expect.objectContaining({ name: 'required', property: '.childGender' }))
    expect(errorSchema).toMatchObject({ childName: { __errors: [expect.any(String)] } })
  })
})
