import type { LocalizedText } from '@/lib/catalog/types'

/** valid, revoked or expired, as the certificate API answers. */
export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'expired'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

export function isCertificateStatus(value: unknown): value is CertificateStatus {
  return CERTIFICATE_STATUSES.includes(value as CertificateStatus)
}

/** The issuing department, by code with its names (null names: a department no longer known). */
export interface Issuer {
  code: string
  nameZh: string | null
  nameEn: string | null
}

/** One certificate of GET /api/v1/certificates. */
export interface CertificateSummary {
  number: string
  type: string
  typeName: LocalizedText
  issuer: Issuer
  issuedAt: string
  /** yyyy-MM-dd */
  issuedOn: string
  /** yyyy-MM-dd; null: no expiry */
  validUntil: string | null
  status: string
}

export interface CertificateField {
  code: string
  label: LocalizedText
  /** a string, number, boolean, date (yyyy-MM-dd) or a list of them */
  value: unknown
}

/** GET /api/v1/certificates/{number}: a certificate in full. */
export interface CertificateDetail extends CertificateSummary {
  holder: { kind: string; idNumber: string | null; name: string | null }
  fields: CertificateField[]
  applicationNumber: string | null
  revokedAt: string | null
  revocationReason: string | null
  verificationToken: string | null
  verificationUrl: string | null
}

/** A certificate in the issuing department's list; the resident ID number masked but its last four. */
export interface AdminItem {
  number: string
  type: string
  typeName: LocalizedText
  issuerDepartment: string
  holderKind: string
  holderName: string | null
  holderIdNumber: string | null
  applicationNumber: string | null
  issuedAt: string
  validUntil: string | null
  status: string
  revokedAt: string | null
}

export interface AdminPage {
  items: AdminItem[]
  page: number
  size: number
  total: number
}

export interface AdminDetail {
  certificate: CertificateDetail
  /** the portal subject of the admin who revoked it (not a display name) */
  revokedBy: string | null
}
