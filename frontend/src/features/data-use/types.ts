import type { LocalizedText } from '@/lib/catalog/types'

/** One entry of GET /api/v1/me/data-uses; the official is never named, only the department. */
export interface DataUse {
  id: number
  at: string
  /** the department's code */
  department: string
  /** task-opened, exchange-read, attachment-opened, certificate-lookup, record-written, assignment-list */
  kind: string
  purpose: string | null
  /** a dataset of the data catalogue; null: the application's own answers */
  dataset: string | null
  fields: string[]
  applicationNumber: string | null
  /** the enterprise's data rather than the person's */
  enterprise: boolean
}

export const KINDS = [
  'task-opened',
  'exchange-read',
  'attachment-opened',
  'certificate-lookup',
  'record-written',
  'assignment-list',
] as const
export type Kind = (typeof KINDS)[number]

/** A dataset of GET /api/v1/exchange/catalogue, for its name and its fields' titles. */
export interface Dataset {
  code: string
  name: LocalizedText
  fields: { code: string; title: LocalizedText }[]
}

export interface DataUseFilter {
  from: string
  to: string
  department: string
}
