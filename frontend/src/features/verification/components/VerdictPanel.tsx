import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLanguage } from '@/i18n'
import { useNames } from '@/lib/names'
import { OUTCOMES, REASONS, type Outcome, type Reason, type VerificationResult } from '../types'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The verdict, big and clear, and what the certificate says (the holder's name masked). */
export function VerdictPanel({ result }: { result: VerificationResult }) {
  const { t } = useTranslation()
  const names = useNames()
  const outcome: Outcome = OUTCOMES.includes(result.outcome as Outcome) ? (result.outcome as Outcome) : 'not-genuine'
  const day = (value: string | null) =>
    value && DAY.test(value)
      ? new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${value}T00:00:00Z`),
        )
      : (value ?? '')
  const issuer = result.issuer
    ? (names.english ? result.issuer.nameEn || result.issuer.nameZh : result.issuer.nameZh || result.issuer.nameEn) ||
      names.department(result.issuer.code)
    : ''
  const reason = result.reason
    ? REASONS.includes(result.reason as Reason)
      ? t(`verification.reason.${result.reason as Reason}`)
      : t('verification.reason.other', { code: result.reason })
    : undefined
  const Icon =
    outcome === 'valid' ? CheckCircleFilled : outcome === 'not-genuine' ? CloseCircleFilled : ExclamationCircleFilled

  const rows: [string, string][] = []
  if (outcome !== 'not-genuine') {
    rows.push([t('verification.facts.type'), names.text(result.typeName) || result.type || ''])
    if (result.number) rows.push([t('verification.facts.number'), result.number])
    rows.push([t('verification.facts.issuer'), issuer])
    if (result.holderName) rows.push([t('verification.facts.holder'), result.holderName])
    rows.push([t('verification.facts.issuedOn'), day(result.issuedOn)])
    rows.push([
      t('verification.facts.validUntil'),
      result.validUntil ? day(result.validUntil) : t('verification.facts.noExpiry'),
    ])
    if (result.revokedAt) rows.push([t('verification.facts.revokedAt'), names.dateTime(result.revokedAt)])
  }

  return (
    <section
      className={`verdict verdict--${outcome}`}
      aria-labelledby="verdict-title"
      data-testid="verdict"
      data-outcome={outcome}
    >
      {/* announced when it appears: a status for a good answer, an alert for any other */}
      <div role={outcome === 'valid' ? 'status' : 'alert'}>
        <p className="verdict__label">{t('verification.resultHeading')}</p>
        <Typography.Title level={2} id="verdict-title" className="verdict__title">
          <Icon aria-hidden /> {t(`verification.outcome.${outcome}`)}
        </Typography.Title>
        <p className="verdict__explain">{t(`verification.explain.${outcome}`)}</p>
        {reason && <p className="verdict__reason">{reason}</p>}
      </div>
      {rows.length > 0 && (
        <dl className="facts" data-testid="verdict-facts">
          {rows.map(([label, value]) => (
            <div className="facts__row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
