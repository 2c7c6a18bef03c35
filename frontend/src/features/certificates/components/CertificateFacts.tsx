import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCertificateFormat } from '../lib/format'
import type { CertificateDetail } from '../types'
import { CertificateStatusTag } from './CertificateStatusTag'

/** A certificate in full: its status (with the revocation, if any), its facts and its data fields. */
export function CertificateFacts({ certificate }: { certificate: CertificateDetail }) {
  const { t } = useTranslation()
  const format = useCertificateFormat()
  const rows: [string, React.ReactNode][] = [
    [t('certificates.detail.type'), format.typeName(certificate.typeName, certificate.type)],
    [t('certificates.detail.number'), certificate.number],
    [t('certificates.detail.status'), <CertificateStatusTag key="status" status={certificate.status} />],
    [t('certificates.detail.issuer'), format.issuer(certificate.issuer)],
    [t('certificates.detail.holder'), certificate.holder.name ?? '—'],
    [t('certificates.detail.holderId'), certificate.holder.idNumber ?? '—'],
    [t('certificates.detail.issuedOn'), format.day(certificate.issuedOn)],
    [
      t('certificates.detail.validUntil'),
      certificate.validUntil ? format.day(certificate.validUntil) : t('certificates.table.noExpiry'),
    ],
  ]
  if (certificate.applicationNumber) rows.push([t('certificates.detail.application'), certificate.applicationNumber])

  return (
    <>
      {certificate.status === 'revoked' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('certificates.detail.revokedTitle')}
          data-testid="revocation"
          description={
            <>
              {certificate.revokedAt && (
                <p>{t('certificates.detail.revokedAt', { time: format.dateTime(certificate.revokedAt) })}</p>
              )}
              {certificate.revocationReason && (
                <p>{t('certificates.detail.revocationReason', { reason: certificate.revocationReason })}</p>
              )}
            </>
          }
        />
      )}
      {certificate.status === 'expired' && (
        <Alert type="warning" showIcon title={t('certificates.detail.expiredTitle')} />
      )}
      <section aria-labelledby="cert-facts">
        <Typography.Title level={2} id="cert-facts">
          {t('certificates.detail.facts')}
        </Typography.Title>
        <dl className="facts" data-testid="certificate-facts">
          {rows.map(([label, value]) => (
            <div className="facts__row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="cert-fields">
        <Typography.Title level={2} id="cert-fields">
          {t('certificates.detail.fields')}
        </Typography.Title>
        {certificate.fields.length === 0 ? (
          <Typography.Paragraph>{t('certificates.detail.noFields')}</Typography.Paragraph>
        ) : (
          <dl className="facts" data-testid="certificate-fields">
            {certificate.fields.map((field) => (
              <div className="facts__row" key={field.code}>
                <dt>{format.text(field.label) || field.code}</dt>
                <dd>{format.value(field.value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  )
}
