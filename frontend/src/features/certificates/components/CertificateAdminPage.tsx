import { Button, Input, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { StaffOnly } from '@/components/StaffOnly'
import { ADMIN_PAGE_SIZE, useIssuedCertificates } from '../api/certificates'
import { useCertificateFormat } from '../lib/format'
import { CertificateStatusTag } from './CertificateStatusTag'

export const adminHref = (number: string) => `/admin/certificates/${encodeURIComponent(number)}`

/** /admin/certificates: the certificates the admin's departments issued, searchable by number or holder. */
export function CertificateAdminPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin']} title={t('certificateAdmin.title')}>
      <IssuedCertificates />
    </StaffOnly>
  )
}

function IssuedCertificates() {
  const { t } = useTranslation()
  const format = useCertificateFormat()
  const titleId = useId()
  const searchId = useId()
  // the search lives in the address, so "back" from a certificate returns to the same results
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0)
  const [text, setText] = useState(q)
  const list = useIssuedCertificates(q, page)
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / ADMIN_PAGE_SIZE)) : 1

  const go = (nextQ: string, nextPage: number) => {
    const next = new URLSearchParams()
    if (nextQ) next.set('q', nextQ)
    if (nextPage > 0) next.set('page', String(nextPage))
    setParams(next)
  }

  return (
    <div className="page-width page-section" data-testid="certificate-admin">
      <Typography.Title level={1} id={titleId}>
        {t('certificateAdmin.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-lead">{t('certificateAdmin.lead')}</Typography.Paragraph>
      <form
        role="search"
        className="cert-search"
        onSubmit={(event) => {
          event.preventDefault()
          go(text.trim(), 0)
        }}
      >
        <div>
          <label htmlFor={searchId}>{t('certificateAdmin.search.label')}</label>
          <Input
            id={searchId}
            value={text}
            maxLength={100}
            placeholder={t('certificateAdmin.search.placeholder')}
            onChange={(event) => setText(event.target.value)}
            style={{ width: 320 }}
          />
        </div>
        <Button type="primary" htmlType="submit">
          {t('certificateAdmin.search.submit')}
        </Button>
        {q && (
          <Button
            onClick={() => {
              setText('')
              go('', 0)
            }}
          >
            {t('certificateAdmin.search.clear')}
          </Button>
        )}
      </form>

      {list.isPending && <Loading inline label={t('certificateAdmin.loading')} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && (
        <Typography.Paragraph data-testid="no-certificates">
          {q ? t('certificateAdmin.empty') : t('certificateAdmin.emptyAll')}
        </Typography.Paragraph>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Typography.Paragraph role="status">
            {t('certificateAdmin.count', { count: list.data.total })}
          </Typography.Paragraph>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby={titleId} data-testid="issued-table">
              <thead>
                <tr>
                  <th scope="col">{t('certificateAdmin.table.number')}</th>
                  <th scope="col">{t('certificateAdmin.table.type')}</th>
                  <th scope="col">{t('certificateAdmin.table.holder')}</th>
                  <th scope="col">{t('certificateAdmin.table.holderId')}</th>
                  <th scope="col">{t('certificateAdmin.table.issuedAt')}</th>
                  <th scope="col">{t('certificateAdmin.table.validUntil')}</th>
                  <th scope="col">{t('certificateAdmin.table.status')}</th>
                  <th scope="col">{t('certificateAdmin.table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.number} data-testid={`issued-${item.number}`}>
                    <th scope="row">{item.number}</th>
                    <td>{format.typeName(item.typeName, item.type)}</td>
                    <td>{item.holderName ?? '—'}</td>
                    <td>{item.holderIdNumber ?? '—'}</td>
                    <td>{format.dateTime(item.issuedAt)}</td>
                    <td>{item.validUntil ? format.day(item.validUntil) : t('certificateAdmin.table.noExpiry')}</td>
                    <td>
                      <CertificateStatusTag status={item.status} />
                    </td>
                    <td>
                      <Link
                        to={adminHref(item.number)}
                        aria-label={t('certificateAdmin.table.viewFor', { number: item.number })}
                      >
                        {t('certificateAdmin.table.view')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="cert-pager" aria-label={t('certificateAdmin.pagination')}>
              <Button disabled={page === 0} onClick={() => go(q, page - 1)}>
                {t('certificateAdmin.previous')}
              </Button>
              <span>{t('certificateAdmin.page', { page: page + 1, pages })}</span>
              <Button disabled={page + 1 >= pages} onClick={() => go(q, page + 1)}>
                {t('certificateAdmin.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </div>
  )
}
