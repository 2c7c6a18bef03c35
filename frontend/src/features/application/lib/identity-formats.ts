import { format } from '@cfworker/json-schema'

/**
 * The identity numbers a form can ask for, as JSON Schema formats the validator checks, with the
 * same rules as the server (identity module): `cn-resident-id`, a resident ID number (GB 11643,
 * ISO 7064 MOD 11-2 check character), and `cn-uscc`, a unified social credit code (GB 32100, MOD 31
 * check character). A pattern only counts characters; a mistyped digit is caught here.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function isResidentIdNumber(value: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return false
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + Number(value[i]) * weight, 0)
  return value[17] === ID_CHECK[sum % 11]
}

const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false
  const sum = USCC_WEIGHTS.reduce((total, weight, i) => total + USCC_CHARACTERS.indexOf(value.charAt(i)) * weight, 0)
  return value[17] === USCC_CHARACTERS[(31 - (sum % 31)) % 31]
}

export const IDENTITY_FORMATS = {
  'cn-resident-id': isResidentIdNumber,
  'cn-uscc': isUnifiedSocialCreditCode,
} as const

export type IdentityFormat = keyof typeof IDENTITY_FORMATS

export function isIdentityFormat(name: unknown): name is IdentityFormat {
  return typeof name === 'string' && Object.hasOwn(IDENTITY_FORMATS, name)
}

// the validator looks formats up in this table; unknown formats would pass unchecked
Object.assign(format, IDENTITY_FORMATS)
