import type { LocalizedText } from '@/lib/catalog/types'

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

/** The role of a step that waits for the applicant (申请人确认), not for a clerk. */
export const APPLICANT_ROLE = '~applicant'

/** What the applicant may answer at a step that waits for them. */
export type AnswerAction = 'confirm' | 'reopen' | 'supply'

/** A step waiting for the applicant: what they are asked, what they may do, until when. */
export interface AwaitingApplicant {
  step: string
  name: LocalizedText | null
  description: LocalizedText | null
  actions: AnswerAction[]
  /** Without an answer by then the step continues as confirmed. */
  dueAt: string | null
}

/**
 * A step waiting for a department (or, while `status` is correction, for the applicant; or for the applicant's
 * answer when `role` is {@link APPLICANT_ROLE}).
 */
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
  'confirm',
  'reopen',
  'supply',
  'timeout',
  'escalate',
  'migrate',
] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]

export interface TimelineEntry {
  at: string
  step: string | null
  action: string
  /** A department code; the official's identity is never shown. */
  department: string | null
  reason: string | null
  /** A move to another version of the workflow (action migrate): from which version to which. */
  fromVersion?: number | null
  toVersion?: number | null
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

/** A department's record the applicant may choose (their own data, or a member of their household). */
export interface RecordChoice {
  key: string
  label: string
  recordedAt: string | null
  data: Record<string, unknown>
}

/** Where a shared record came from: the department, the record, when it was recorded and read. */
export interface Provenance {
  department: string
  recordKey: string
  label: string
  recordedAt: string | null
  readAt: string
  origin: string | null
}

export const SOURCE_DECISIONS = ['granted', 'declined', 'disputed'] as const
export type SourceDecision = (typeof SOURCE_DECISIONS)[number]

/**
 * A dataset the service reads from a department instead of asking the applicant (免提交): who
 * holds it, why it is read, which answers (`fields`, dotted paths) and materials it stands in
 * for, the applicant's decision and, while drafting, the records to choose from; once submitted,
 * what was read (`read`).
 */
export interface SharedSource {
  dataset: string
  name: LocalizedText
  department: string
  kind: string
  purpose: LocalizedText
  /** Another source whose chosen record names the person this one is about (e.g. the child). */
  of: string | null
  many: boolean
  fields: string[]
  materials: string[]
  decision: SourceDecision | null
  recordKey: string | null
  reason: string | null
  records: RecordChoice[]
  read: Provenance | null
}

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
  /** Answers (dotted paths) that agreed shared records give: not editable. */
  lockedFields?: string[] | null
  /** The data the service reads from departments, with the applicant's decisions. */
  sources?: SharedSource[] | null
  /** Materials an agreed record stands in for: nothing to upload. */
  satisfiedMaterials?: string[] | null
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
  /** Every open correction request, one per step that asked. */
  corrections?: CorrectionRequest[] | null
  attachments: Attachment[] | null
  version: number
  /** A step that waits for the applicant's answer, if any. */
  awaiting?: AwaitingApplicant | null
  /** The named end state it ended in (e.g. 已解决), when its workflow names them. */
  endState?: LocalizedText | null
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
