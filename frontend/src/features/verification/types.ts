import type { LocalizedText } from '@/lib/catalog/types'

export const OUTCOMES = ['valid', 'revoked', 'expired', 'not-genuine'] as const
export type Outcome = (typeof OUTCOMES)[number]

export const REASONS = [
  'malformed',
  'unknown-key',
  'bad-signature',
  'unknown-certificate',
  'content-mismatch',
  'altered-copy',
  'no-signature',
] as const
export type Reason = (typeof REASONS)[number]

/** The answer of POST /api/v1/certificates/verification (and …/file): nothing personal but a masked name. */
export interface VerificationResult {
  outcome: string
  /** why a certificate is not genuine (a stable code); null otherwise */
  reason: string | null
  number: string | null
  type: string | null
  typeName: LocalizedText | null
  issuer: { code: string; nameZh: string | null; nameEn: string | null } | null
  holderKind: string | null
  holderName: string | null
  issuedOn: string | null
  validUntil: string | null
  revokedAt: string | null
}
