import type { Translations } from '@/lib/form-texts'
import type { ServiceDetail } from '@/lib/catalog/types'

/** A step's time-limit light: green, yellow in its last working day, red when overdue. */
export const LIGHTS = ['GREEN', 'YELLOW', 'RED'] as const
export type QueueLight = (typeof LIGHTS)[number]
/** PAUSED: the step waits for the applicant's correction and its clock stands still. */
export type Light = QueueLight | 'PAUSED'

export function isQueueLight(value: unknown): value is QueueLight {
  return LIGHTS.includes(value as QueueLight)
}

/** One waiting step of GET /api/v1/workbench/tasks. */
export interface TaskItem {
  instanceId: string
  step: string
  stepNameZh: string
  stepNameEn: string
  /** Department code. */
  department: string
  serviceCode: string
  applicationNumber: string | null
  applicantName: string | null
  activatedAt: string
  dueAt: string | null
  light: Light
  /** The subject of the clerk who claimed the step, if anyone did. */
  claimedBy: string | null
  /** Their name from the person directory; null if they are not in it (never signed in). */
  claimedByName?: string | null
  claimedByMe: boolean
}

/** GET /api/v1/workbench/tasks: one page of the queue, by deadline, and the lights of all of it. */
export interface Queue {
  items: TaskItem[]
  counts: Partial<Record<QueueLight, number>>
  page: number
  size: number
  total: number
}

/** Another step of the same application that is waiting now (parallel branches). */
export interface ActiveStep {
  step: string
  branch: string | null
  department: string | null
  role?: string | null
  /** active, or correction while the applicant corrects. */
  status: string
  activatedAt?: string | null
  dueAt: string | null
  light: Light | null
}

/** One recorded transition of the application's workflow. */
export interface HistoryEntry {
  sequence: number
  step: string | null
  /** start, approve, reject, correct, resubmit, return, withdraw, auto:<action>, migrate, … */
  action: string
  /** A subject, or "system" for automatic steps and timers. */
  actor: string
  /** The official's name from the person directory; null for the applicant, the system and unknown officials. */
  actorName?: string | null
  actorDepartment: string | null
  reason: string | null
  /** The answers and materials a correction request named. */
  items?: string[]
  /**
   * The step a return went back to; the official a dispatching approval named; the department:role an escalation
   * handed the task to.
   */
  target?: string | null
  /** The named official's name, or the role's name, for a dispatch or an escalation. */
  targetName?: string | null
  /** A move to another version of the workflow (action migrate): from which version to which. */
  fromVersion?: number | null
  toVersion?: number | null
  at: string
}

/** A document the applicant attached. */
export interface TaskDocument {
  id: string
  materialCode: string
  fileName: string
  mediaType: string
  sizeBytes: number
  uploadedAt: string
}

/** A material this step may see, with the applicant's documents for it. */
export interface TaskMaterial {
  code: string
  name: { zh: string; en: string | null }
  required: boolean
  documents: TaskDocument[]
}

/**
 * A department's record the step may see, fetched through the data exchange (each opening is
 * recorded for the person it is about): read with the applicant's consent (`shared`), written by
 * this application (`written`), or one the applicant said is wrong (`disputed`, with their words).
 */
export interface SharedRecord {
  dataset: string
  name: { zh: string; en: string | null } | null
  /** The department that holds the record. */
  holder: string | null
  origin: 'shared' | 'written' | 'disputed' | string
  recordKey: string | null
  label: string | null
  /** Only what the step may see of it, by the catalogue's field codes. */
  data: Record<string, unknown>
  recordedAt: string | null
  readAt: string | null
  /** The department it was read for. */
  readFor: string | null
  /** The materials it stands in for. */
  materials: string[]
  /** The applicant's objection, when they said the record is wrong. */
  disputed: string | null
}

/** One dataset of GET /api/v1/exchange/catalogue (数据目录), for the titles of its fields. */
export interface CatalogueDataset {
  code: string
  department: string
  name: { zh: string; en: string | null }
  fields: { code: string; type: string; title: { zh: string; en: string | null } | null }[]
}

/** GET /api/v1/workbench/tasks/{instanceId}/{step}. */
export interface TaskView {
  task: TaskItem
  visibleData: Record<string, unknown>
  visibleFields: string[]
  /** The materials this step may open. */
  materials?: TaskMaterial[]
  /** The departments' records this step may see, with their provenance. */
  shared?: SharedRecord[]
  /** Which visible answers (dotted paths) came from which dataset. */
  fieldSources?: Record<string, string>
  returnTargets: string[]
  correctionAllowed: boolean
  parallelProgress: ActiveStep[]
  history: HistoryEntry[]
  /** Whether I may reassign this step (a department admin of its department). */
  mayReassign?: boolean
  /** A dispatching step (派单): approving names the official who will hold the next step. */
  assignsNext?: boolean
}

/** GET …/candidates: someone a department admin may give the step to. */
export interface Candidate {
  subject: string
  username: string | null
  displayName: string
  /** They hold the step now. */
  holdsTask: boolean
}

/** The body of POST …/reassignment: null gives the step back to the queue. */
export interface Reassignment {
  clerk: string | null
  reason?: string
}

export const DECISION_ACTIONS = ['approve', 'reject', 'correction', 'return'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

/** The body of POST …/decision. */
export interface Decision {
  action: DecisionAction
  reason?: string
  items?: string[]
  target?: string
  /** At a dispatching step: the subject of the official who will hold the next step. */
  assignee?: string
}

/**
 * The part of a JSON Schema the workbench reads: titles and the titles of enumerated values, with
 * their other languages (`x-title`; pages read the schema localized by `useLocalize().schema`).
 */
export interface FormFieldSchema {
  type?: string | string[]
  title?: string
  'x-title'?: Translations
  oneOf?: { const?: unknown; title?: string; 'x-title'?: Translations }[]
  enum?: unknown[]
  items?: FormFieldSchema
  properties?: Record<string, FormFieldSchema>
}

export interface FormSchema {
  properties?: Record<string, FormFieldSchema>
}

/** The guidance response also carries the service's form schema. */
export type ServiceWithForm = ServiceDetail & {
  formSchema?: FormSchema | null
}
