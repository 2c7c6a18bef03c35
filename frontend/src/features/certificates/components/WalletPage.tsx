import { Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading, LoadError, SignInPrompt } from '@/components/PageStates'
import { useSession } from '@/lib/auth'
import { useWallet } from '../api/certificates'
import { useCertificateFormat } from '../lib/format'
import { CertificateStatusTag } from './CertificateStatusTag'

export const walletHref = (number: string) => `/my/certificates/${encodeURIComponent(number)}`

/** /my/certificates, 我的证照: the certificates issued to the signed-in person (a business user: the enterprise). */
export function WalletPage() {
  const { t } = useTranslation()
  const format = useCertificateFormat()
  const titleId = useId()
  const session = useSession()
  const signedIn = session.status === 'signed-in'
  const wallet = useWallet(signedIn)

  if (session.status === 'loading') return <Loading page label={t('certificates.loading')} />
  if (!signedIn) {
    return (
      <SignInPrompt
        title={t('certificates.title')}
        body={t('certificates.signIn')}
        button={t('certificates.signInButton')}
      />
    )
  }

  return (
    <div className="page-width page-section" data-testid="wallet">
      <Typography.Title level={1} id={titleId}>
        {t('certificates.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-lead">
        {session.hasAnyRole('business') ? t('certificates.leadBusiness') : t('certificates.lead')}{' '}
        <Link to="/verify">{t('certificates.verifyLink')}</Link>
      </Typography.Paragraph>

      {wallet.isPending && <Loading inline label={t('certificates.loading')} />}
      {wallet.isError && <LoadError message={t('certificates.error')} onRetry={() => void wallet.refetch()} />}
      {wallet.data?.length === 0 && (
        <div className="catalogue-empty" data-testid="no-certificates">
          <Typography.Paragraph strong>{t('certificates.empty')}</Typography.Paragraph>
          <Typography.Paragraph>{t('certificates.emptyHint')}</Typography.Paragraph>
          <Link to="/services">{t('certificates.emptyLink')}</Link>
        </div>
      )}
      {wallet.data && wallet.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={titleId} data-testid="certificates-table">
            <thead>
              <tr>
                <th scope="col">{t('certificates.table.type')}</th>
                <th scope="col">{t('certificates.table.number')}</th>
                <th scope="col">{t('certificates.table.issuer')}</th>
                <th scope="col">{t('certificates.table.issuedOn')}</th>
                <th scope="col">{t('certificates.table.validUntil')}</th>
                <th scope="col">{t('certificates.table.status')}</th>
                <th scope="col">{t('certificates.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {wallet.data.map((certificate) => {
                const type = format.typeName(certificate.typeName, certificate.type)
                return (
                  <tr key={certificate.number} data-testid={`certificate-${certificate.number}`}>
                    <th scope="row">{type}</th>
                    <td>{certificate.number}</td>
                    <td>{format.issuer(certificate.issuer)}</td>
                    <td>{format.day(certificate.issuedOn)}</td>
                    <td>
                      {certificate.validUntil ? format.day(certificate.validUntil) : t('certificates.table.noExpiry')}
                    </td>
                    <td>
                      <CertificateStatusTag status={certificate.status} />
                    </td>
                    <td>
                      <Link
                        to={walletHref(certificate.number)}
                        aria-label={t('certificates.table.viewFor', { type, number: certificate.number })}
                      >
                        {t('certificates.table.view')}
                      </Link>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
