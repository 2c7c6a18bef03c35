import { useTranslation } from 'react-i18next'
import { isCertificateStatus } from '../types'
import '../certificates.css'

/** A certificate's status in words; the colour only repeats them. */
export function CertificateStatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  const known = isCertificateStatus(status)
  return (
    <span
      className={`cert-status cert-status--${known ? status : 'unknown'}`}
      data-testid="certificate-status"
      data-status={status}
    >
      {known ? t(`certificates.status.${status}`) : status}
    </span>
  )
}
