/** Where an application stands, as the backend reports it. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in-progress',
  'correction',
  'approved',
  'rejected',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return APPLICATION_STATUSES.includes(value as ApplicationStatus)
}

/** Statuses in which the applicant may still withdraw: submitted, but nothing decided yet. */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'in-progress', 'correction']

/** The time-limit light of a waiting step: yellow on its last working day, red when overdue. */
export type Light = 'GREEN' | 'YELLOW' | 'RED' | 'PAUSED'

/** A step waiting for a department (or, while `status` is correction, for the applicant). */
export interface CurrentStep {
  step: string
  branch: string | null
  department: string | null
  role: string | null
  status: 'active' | 'correction'
  activatedAt: string
  dueAt: string | null
  light: Light | null
}

export const TIMELINE_ACTIONS = [
  'start',
  'approve',
  'reject',
  'correct',
  'resubmit',
  'return',
  'withdraw',
  'auto:issue-certificate',
  'auto:notify',
] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]

export interface TimelineEntry {
  at: string
  step: string | null
  action: string
  /** A department code; the official's identity is never shown. */
  department: string | null
  reason: string | null
}

/** A clerk asked for these items to be corrected (补正). */
export interface CorrectionRequest {
  step: string
  /** Top-level form fields, or `materials.<code>` for a document. */
  items: string[]
  reason: string | null
}

export interface Attachment {
  id: string
  materialCode: string
  fileName: string
  mediaType: string
  sizeBytes: number
  uploadedAt: string
}

export type FormData = Record<string, unknown>

/**
 * GET /api/v1/applications/{id}. The list (GET /api/v1/applications) leaves out formData,
 * prefilledFields, currentSteps, timeline, correction and attachments (null there).
 */
export interface ApplicationView {
  id: string
  /** 办件编号, given at submission; null for a draft. */
  number: string | null
  serviceCode: string
  definitionVersion: number
  status: ApplicationStatus
  formData: FormData | null
  /** Fields filled from the verified identity; the applicant cannot change them. */
  prefilledFields: string[] | null
  applicantName: string | null
  enterpriseName: string | null
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  /** A date (yyyy-mm-dd) in the city's calendar. */
  expectedCompletion: string | null
  currentSteps: CurrentStep[] | null
  timeline: TimelineEntry[] | null
  correction: CorrectionRequest | null
  attachments: Attachment[] | null
  version: number
}

/** POST /api/v1/applications/{id}/submission. */
export interface Receipt {
  id: string
  number: string
  serviceCode: string
  submittedAt: string
  expectedCompletion: string | null
}

/** One problem with one answer, at a dotted path such as `childBirthDate` or `materials.household-register`. */
export interface FieldProblem {
  field: string
  message: string
}
