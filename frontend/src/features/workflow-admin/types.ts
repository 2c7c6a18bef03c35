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
