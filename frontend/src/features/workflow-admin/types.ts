import type { LocalizedText } from '@/lib/catalog/types'

/** One published version of a service's workflow definition. */
export interface DefinitionVersion {
  version: number
  publishedAt: string
  /** Who published it (the identity provider's subject), if recorded. */
  publishedBy: string | null
  /** Their name from the person directory; null for "system" and for officials it does not know. */
  publishedByName?: string | null
  /** Applications still running on this version. */
  running: number
}

/** One entry of GET /api/v1/workflow-admin/services. */
export interface AdminService {
  code: string
  nameZh: string
  nameEn: string
  /** Department code. */
  department: string
  latestVersion: number
  /** Newest first. */
  versions: DefinitionVersion[]
}

/** A finding about a definition file, with where it is and how to fix it. */
export interface DefinitionProblem {
  file?: string | null
  /** JSON pointer into the file, e.g. /workflow/steps/review/next. */
  path?: string | null
  /** 1-based; null or 0 when the finding is about the file as a whole. */
  line?: number | null
  severity: string
  code: string
  message: string
  hint?: string | null
}

/** POST /api/v1/workflow-definitions/validation. */
export interface ValidationResult {
  valid: boolean
  problems: DefinitionProblem[]
}

/**
 * The body of POST …/migrations/dry-run and …/migrations: from which version to which later one,
 * and old step id → new step id (a step it does not name goes to the step with the same id).
 */
export interface MigrationRequest {
  fromVersion: number
  toVersion: number
  stepMapping: Record<string, string>
}

/** A step of either version: of the old one with where its applications go (`target`, null: nowhere). */
export interface MigrationStep {
  id: string
  name: LocalizedText | null
  /** A clerk's step, the applicant's answer (申请人确认) or a parallel step. */
  kind: 'task' | 'applicant' | 'parallel'
  /** The parallel branch it is in; null at the top level. */
  branch: string | null
  department: string | null
  target: string | null
}

/** Where an application waits, or would wait. */
export interface MigrationPlacement {
  step: string
  name: LocalizedText | null
  branch: string | null
  department: string | null
  /** The applicant is correcting it (补正). */
  correction: boolean
}

/**
 * Why an application does not move: step-removed, not-a-task, parallel-changed, branch-changed,
 * correction-not-allowed, not-waiting, answers-refused (with its field) or changed-meanwhile;
 * `message` is in the request's language.
 */
export interface MigrationBlocker {
  code: string
  step: string | null
  target: string | null
  field: string | null
  message: string
}

export type MigrationOutcome = 'ready' | 'blocked' | 'migrated'

/** One running application of the old version. */
export interface ApplicationMove {
  applicationId: string | null
  /** 办件编号. */
  reference: string | null
  instanceId: string
  outcome: MigrationOutcome
  from: MigrationPlacement[]
  /** Empty when blocked. */
  to: MigrationPlacement[]
  blockers: MigrationBlocker[]
}

/** The answer to a dry run (dryRun: true) or a migration. */
export interface MigrationReport {
  serviceCode: string
  fromVersion: number
  toVersion: number
  dryRun: boolean
  steps: MigrationStep[]
  targets: MigrationStep[]
  /** Applications by outcome: ready (dry run) or migrated, and blocked. */
  counts: Partial<Record<MigrationOutcome, number>>
  applications: ApplicationMove[]
}
