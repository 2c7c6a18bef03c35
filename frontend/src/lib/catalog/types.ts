/**
 * The catalogue as the backend describes it (GET /api/v1/catalog/services, /departments): read by
 * the catalogue's own pages and by every feature that names a service, a step or a department.
 */

/** A department of the government, named in both portal languages. */
export interface Department {
  code: string
  nameZh: string
  nameEn: string
}

/** A text the backend holds in both portal languages. */
export interface LocalizedText {
  zh: string
  en: string
}

export const CATEGORIES = [
  'education',
  'health',
  'enterprise',
  'life-event',
  'social-security',
  'complaints',
] as const
export type Category = (typeof CATEGORIES)[number]

export const AUDIENCES = ['citizen', 'business'] as const
export type Audience = (typeof AUDIENCES)[number]

export function isCategory(value: unknown): value is Category {
  return CATEGORIES.includes(value as Category)
}

export function isAudience(value: unknown): value is Audience {
  return AUDIENCES.includes(value as Audience)
}

/** One entry of GET /api/v1/catalog/services. */
export interface ServiceSummary {
  code: string
  name: LocalizedText
  description: LocalizedText
  category: Category
  audience: Audience
  promisedWorkingDays: number
  /** The department responsible for the service. */
  department: Department
  /** Every department that handles a step, the responsible one included. */
  departments: Department[]
  version: number
}

export interface Material {
  code: string
  name: LocalizedText
  required: boolean
  /** File extensions, lower case: pdf, jpg, … */
  formats: string[]
  maxSizeMb: number
  /** The shared dataset whose record can stand in for the document (免提交), if any. */
  source?: string | null
}

/** Data the service reads from a department instead of asking for it, with the applicant's consent. */
export interface SharedData {
  dataset: string
  name: LocalizedText
  department: Department
  purpose: LocalizedText
}

export type StepType = 'task' | 'decision' | 'parallel' | 'automatic'

export interface ServiceStep {
  id: string
  name: LocalizedText
  type: StepType
  department: Department | null
  timeLimitWorkingDays: number | null
}

/** GET /api/v1/catalog/services/{code}: the guidance (办事指南) of one service. */
export interface ServiceDetail extends ServiceSummary {
  legalBasis: LocalizedText
  fee: LocalizedText
  /** The certificate type issued when the service is approved, if any. */
  certificate: string | null
  /** The name of that certificate type. */
  certificateName?: LocalizedText | null
  /** What departments provide instead of the applicant (免提交). */
  sharedData?: SharedData[]
  materials: Material[]
  steps: ServiceStep[]
  /** Where the Mermaid state diagram of this version is, as text in the request's language. */
  diagramUrl: string
}
