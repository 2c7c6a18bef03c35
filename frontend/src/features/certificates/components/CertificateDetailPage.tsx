import { DownloadOutlined } from '@ant-design/icons'
import { Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading, PageProblem, SignInPrompt } from '@/components/PageStates'
import { isApiError } from '@/lib/api-client'
import { useSession } from '@/lib/auth'
import { pdfHref, qrHref, useCertificate } from '../api/certificates'
import { useCertificateFormat } from '../lib/format'
import { CertificateFacts } from './CertificateFacts'

/** A same-origin path of the verification link, so the page opens in this portal whatever address the QR names. */
function verificationPath(url: string | null, token: string | null): string | undefined {
  if (token) return `/verify#t=${token}`
  if (!url) return undefined
  const hash = url.indexOf('#')
  return hash >= 0 ? `/verify${url.slice(hash)}` : undefined
}

/** /my/certificates/:number: one certificate of the holder in full, its QR code and its PDF. */
export function CertificateDetailPage() {
  const { t } = useTranslation()
  const format = useCertificateFormat()
  const { number = '' } = useParams()
  const session = useSession()
  const signedIn = session.status === 'signed-in'
  const certificate = useCertificate(number, signedIn)

  if (session.status === 'loading') return <Loading page label={t('certificates.detail.loading')} />
  if (!signedIn) {
    return (
      <SignInPrompt
        title={t('certificates.detail.title')}
        body={t('certificates.signIn')}
        button={t('certificates.signInButton')}
      />
    )
  }
  if (certificate.isPending) return <Loading page label={t('certificates.detail.loading')} />
  if (certificate.isError) {
    const missing = isApiError(certificate.error, 404)
    return (
      <PageProblem
        title={t('certificates.detail.title')}
        message={missing ? t('certificates.detail.notFound') : t('certificates.detail.error')}
        onRetry={missing ? undefined : () => void certificate.refetch()}
      >
        <p>
          <Link to="/my/certificates">{t('certificates.detail.back')}</Link>
        </p>
      </PageProblem>
    )
  }

  const data = certificate.data
  const type = format.typeName(data.typeName, data.type)
  const verifyTo = verificationPath(data.verificationUrl, data.verificationToken)
  return (
    <div className="page-width page-section cert-detail" data-testid="certificate-detail">
      <p>
        <Link to="/my/certificates">{t('certificates.detail.back')}</Link>
      </p>
      <Typography.Title level={1}>{type}</Typography.Title>
      <CertificateFacts certificate={data} />
      <section aria-labelledby="cert-qr">
        <Typography.Title level={2} id="cert-qr">
          {t('certificates.detail.qrTitle')}
        </Typography.Title>
        <div className="cert-detail__qr">
          <img src={qrHref(data.number)} alt={t('certificates.detail.qrAlt', { number: data.number })} />
          <div>
            <Typography.Paragraph>{t('certificates.detail.qrHint')}</Typography.Paragraph>
            <div className="cert-actions">
              {verifyTo && <Link to={verifyTo}>{t('certificates.detail.verificationLink')}</Link>}
              <Button
                type="primary"
                icon={<DownloadOutlined aria-hidden />}
                href={pdfHref(data.number)}
                download
                data-testid="download-pdf"
              >
                {t('certificates.detail.download')}
              </Button>
            </div>
            <Typography.Paragraph type="secondary">{t('certificates.detail.downloadHint')}</Typography.Paragraph>
          </div>
        </div>
      </section>
    </div>
  )
}
