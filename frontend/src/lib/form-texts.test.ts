import { describe, expect, it } from 'vitest'
import { localizeSchema } from './form-texts'

const schema = {
  type: 'object',
  title: '申请表',
  'x-title': { 'en-US': 'Application form' },
  properties: {
    childName: {
      type: 'string',
      title: '儿童姓名',
      'x-title': { 'en-US': "Child's full name" },
      description: '与户口簿一致',
      'x-description': { 'en-US': 'As on the household register' },
    },
    childGender: {
      type: 'string',
      title: '儿童性别',
      'x-title': { 'en-US': "Child's sex" },
      oneOf: [
        { const: 'male', title: '男', 'x-title': { 'en-US': 'Male' } },
        { const: 'female', title: '女' },
      ],
    },
    mother: {
      type: 'object',
      title: '母亲信息',
      'x-title': { 'en-GB': 'About the mother' },
      properties: { name: { type: 'string', title: '姓名', 'x-title': { 'en-US': 'Full name' } } },
    },
    seals: {
      type: 'array',
      title: '印章',
      'x-title': { 'en-US': 'Seals' },
      items: { type: 'string', oneOf: [{ const: 'company', title: '公章', 'x-title': { 'en-US': 'Company seal' } }] },
    },
    // a field called "title" is a field, not a text
    title: { type: 'string', title: '称谓', 'x-title': { 'en-US': 'Title' }, default: '先生' },
  },
  allOf: [
    {
      if: { properties: { childGender: { const: 'male', title: '男' } } },
      // oxlint-disable-next-line unicorn/no-thenable -- JSON Schema's if/then, not a promise
      then: { required: ['mother'] },
    },
  ],
}

describe('a service form in the page language', () => {
  it('is the schema itself in Chinese', () => {
    expect(localizeSchema(schema, 'zh-CN')).toBe(schema)
  })

  it('has English titles, option titles, group titles and descriptions in English', () => {
    const english = localizeSchema(schema, 'en-US')

    expect(english.title).toBe('Application form')
    expect(english.properties.childName.title).toBe("Child's full name")
    expect(english.properties.childName.description).toBe('As on the household register')
    expect(english.properties.childGender.title).toBe("Child's sex")
    expect(english.properties.childGender.oneOf.map((option) => option.title)).toEqual(['Male', '女'])
    // any English rather than Chinese
    expect(english.properties.mother.title).toBe('About the mother')
    expect(english.properties.mother.properties.name.title).toBe('Full name')
    expect(english.properties.seals.items.oneOf[0]?.title).toBe('Company seal')
    expect(english.properties.title.title).toBe('Title')
    // what the form accepts is unchanged
    expect(english.properties.title.default).toBe('先生')
    expect(english.properties.childGender.oneOf[0]?.const).toBe('male')
    expect(english.allOf).toEqual(schema.allOf)
    expect(english.properties.childName['x-title']).toEqual({ 'en-US': "Child's full name" })
  })

  it('leaves the original alone and gives the same object each time, so pages can memoize on it', () => {
    const first = localizeSchema(schema, 'en-US')

    expect(localizeSchema(schema, 'en-US')).toBe(first)
    expect(schema.properties.childName.title).toBe('儿童姓名')
    expect(localizeSchema(undefined, 'en-US')).toBeUndefined()
    expect(localizeSchema(null, 'en-US')).toBeNull()
  })
})
