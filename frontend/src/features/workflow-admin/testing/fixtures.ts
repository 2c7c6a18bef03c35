import type { AdminService, ValidationResult } from '../types'

export const adminServices: AdminService[] = [
  {
    code: 'food-business-licence',
    nameZh: '食品经营许可',
    nameEn: 'Food business licence',
    department: 'market-regulation',
    latestVersion: 2,
    versions: [
      { version: 2, publishedAt: '2026-03-01T02:00:00Z', publishedBy: '5b1f0000-0000-4000-8000-00000000ad01', publishedByName: '褚红', running: 3 },
      { version: 1, publishedAt: '2026-01-05T02:00:00Z', publishedBy: 'system', publishedByName: null, running: 1 },
    ],
  },
  {
    code: 'enterprise-establishment',
    nameZh: '企业开办',
    nameEn: 'Starting a business',
    department: 'market-regulation',
    latestVersion: 1,
    versions: [{ version: 1, publishedAt: '2026-01-05T02:00:00Z', publishedBy: null, running: 0 }],
  },
]

/** A definition whose step points at a step that does not exist. */
export const brokenYaml = `formatVersion: 1
service:
  code: food-business-licence
  category: enterprise
  department: market-regulation
workflow:
  start: acceptance
  steps:
    acceptance:
      type: task
      next: nowhere
`

export const brokenResult: ValidationResult = {
  valid: false,
  problems: [
    {
      file: 'enterprise/food-business-licence.yaml',
      path: '/workflow/steps/acceptance/next',
      line: 11,
      severity: 'error',
      code: 'unknown-step',
      message: '步骤“nowhere”不存在',
      hint: '请检查 next 指向的步骤编号是否拼写正确。',
    },
    {
      file: 'enterprise/food-business-licence.yaml',
      path: '/service',
      line: null,
      severity: 'warning',
      code: 'schema-required',
      message: '缺少 name',
      hint: null,
    },
  ],
}
