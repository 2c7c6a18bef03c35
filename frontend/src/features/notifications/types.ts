/** One entry of GET /api/v1/notifications, already in the reader's language. */
export interface NotificationEntry {
  id: string
  /** submitted, correction-requested, step-approved, decided-*, time-limit-*, task-reassigned-*, certificate-* */
  kind: string
  applicationId: string | null
  /** The workflow step a clerk's entry is about (for a link to the task), when known. */
  instanceId?: string | null
  step?: string | null
  /** Set on department-inbox entries, which all the department's officials share. */
  department?: string | null
  /** The certificate a certificate-issued or certificate-revoked entry is about (its number). */
  certificate?: string | null
  title: string
  body: string
  createdAt: string
  read: boolean
}

export interface UnreadCount {
  unread: number
}
