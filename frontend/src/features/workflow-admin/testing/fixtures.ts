import type { AdminService, MigrationPlacement, MigrationReport, MigrationStep, ValidationResult } from '../types'

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

const ACCEPTANCE = { zh: '受理', en: 'Acceptance' }
const REVIEW = { zh: '审查决定', en: 'Review and decision' }

function task(id: string, name: { zh: string; en: string }, target: string | null = null): MigrationStep {
  return { id, name, kind: 'task', branch: null, department: 'market-regulation', target }
}

function at(step: string, name: { zh: string; en: string }, correction = false): MigrationPlacement {
  return { step, name, branch: null, department: 'market-regulation', correction }
}

/**
 * The dry run from version 1 to 2 of the food licence, without a mapping: version 2 renamed the review to
 * "decision" and dropped the inspection; one application waits at acceptance (ready), one at the review
 * (blocked), one is being corrected and its answers lack what version 2 requires (blocked).
 */
export const dryRunReport: MigrationReport = {
  serviceCode: 'food-business-licence',
  fromVersion: 1,
  toVersion: 2,
  dryRun: true,
  steps: [
    task('acceptance', ACCEPTANCE, 'acceptance'),
    task('inspection', { zh: '现场核查', en: 'On-site inspection' }),
    task('review', REVIEW),
  ],
  targets: [task('acceptance', ACCEPTANCE), task('decision', REVIEW)],
  counts: { ready: 1, blocked: 2 },
  applications: [
    {
      applicationId: 'app-1',
      reference: '20260301-AAAAAA',
      instanceId: 'instance-1',
      outcome: 'ready',
      from: [at('acceptance', ACCEPTANCE)],
      to: [at('acceptance', ACCEPTANCE)],
      blockers: [],
    },
    {
      applicationId: 'app-2',
      reference: '20260301-BBBBBB',
      instanceId: 'instance-2',
      outcome: 'blocked',
      from: [at('review', REVIEW)],
      to: [],
      blockers: [
        {
          code: 'step-removed',
          step: 'review',
          target: null,
          field: null,
          message: '办理环节“审查决定”（review）在第 2 版中已不存在，也没有映射到新的环节。',
        },
      ],
    },
    {
      applicationId: 'app-3',
      reference: '20260301-CCCCCC',
      instanceId: 'instance-3',
      outcome: 'blocked',
      from: [at('acceptance', ACCEPTANCE, true)],
      to: [],
      blockers: [
        {
          code: 'answers-refused',
          step: null,
          target: null,
          field: 'contactPhone',
          message: '申报内容不符合第 2 版的表单：请填写“联系电话”。',
        },
      ],
    },
  ],
}

/** The same dry run with the review mapped to the decision. */
export const mappedDryRunReport: MigrationReport = {
  ...dryRunReport,
  steps: [dryRunReport.steps[0]!, dryRunReport.steps[1]!, task('review', REVIEW, 'decision')],
  counts: { ready: 2, blocked: 1 },
  applications: [
    dryRunReport.applications[0]!,
    { ...dryRunReport.applications[1]!, outcome: 'ready', to: [at('decision', REVIEW)], blockers: [] },
    dryRunReport.applications[2]!,
  ],
}

/** The migration that followed: two moved, the one with incomplete answers left as it was. */
export const migrationReport: MigrationReport = {
  ...mappedDryRunReport,
  dryRun: false,
  counts: { migrated: 2, blocked: 1 },
  applications: mappedDryRunReport.applications.map((move) =>
    move.outcome === 'ready' ? { ...move, outcome: 'migrated' } : move,
  ),
}
