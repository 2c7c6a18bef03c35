import { useTranslation } from 'react-i18next'
import { currentLanguage } from '@/i18n'
import type { LocalizedText } from '@/lib/catalog/types'
import { useNames } from '@/lib/names'
import type { Issuer } from '../types'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Dates, issuers and field values of certificates in the reader's language. */
export function useCertificateFormat() {
  const { t } = useTranslation()
  const names = useNames()
  const day = (value: string | null | undefined): string => {
    if (!value) return ''
    if (!DAY.test(value)) return value
    // a calendar day, the same wherever the reader is
    return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    )
  }
  const value = (raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—'
    if (typeof raw === 'boolean') return raw ? t('certificates.detail.yes') : t('certificates.detail.no')
    if (typeof raw === 'string') return day(raw)
    if (Array.isArray(raw)) return names.list(raw.map(value))
    if (typeof raw === 'object') return JSON.stringify(raw)
    return String(raw)
  }
  return {
    ...names,
    day,
    value,
    typeName: (text: LocalizedText | null | undefined, code: string) => names.text(text) || code,
    issuer: (issuer: Issuer | null | undefined): string => {
      if (!issuer) return ''
      const own = names.english ? issuer.nameEn || issuer.nameZh : issuer.nameZh || issuer.nameEn
      return own || names.department(issuer.code)
    },
  }
}
