import { Alert, Button, ConfigProvider, Input, Modal, Typography, type ThemeConfig } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading, PageProblem } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { StaffOnly } from '@/components/StaffOnly'
import { useIssuedCertificate, useRevokeCertificate } from '../api/certificates'
import { CertificateFacts } from './CertificateFacts'

// antd's default red is too light for white text on it (WCAG AA 4.5:1).
const DARKER_RED: ThemeConfig = { token: { colorError: '#a8071a' } }

/** /admin/certificates/:number: one certificate the admin's department issued, and its revocation. */
export function CertificateAdminDetailPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin']} title={t('certificateAdmin.title')}>
      <IssuedCertificate />
    </StaffOnly>
  )
}

function IssuedCertificate() {
  const { t } = useTranslation()
  const { number = '' } = useParams()
  const detail = useIssuedCertificate(number)
  const [done, setDone] = useState(false)
  const title = t('certificateAdmin.detail.title', { number })

  if (detail.isPending) return <Loading page label={t('certificateAdmin.detail.loading')} />
  if (detail.isError) {
    return (
      <PageProblem title={title} error={detail.error} onRetry={() => void detail.refetch()}>
        <p>
          <Link to="/admin/certificates">{t('certificateAdmin.detail.back')}</Link>
        </p>
      </PageProblem>
    )
  }
  // revokedBy is the admin's portal subject, not a name a person could read: not shown
  const { certificate } = detail.data
  return (
    <div className="page-width page-section cert-detail" data-testid="certificate-admin-detail">
      <p>
        <Link to="/admin/certificates">{t('certificateAdmin.detail.back')}</Link>
      </p>
      <Typography.Title level={1}>{title}</Typography.Title>
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('certificateAdmin.revoke.done', { number })}
          data-testid="revoked-done"
        />
      )}
      <CertificateFacts certificate={certificate} />
      {certificate.status !== 'revoked' && <RevokeButton number={number} onDone={() => setDone(true)} />}
    </div>
  )
}

function RevokeButton({ number, onDone }: { number: string; onDone: () => void }) {
  const { t } = useTranslation()
  const revoke = useRevokeCertificate(number)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const id = useId()
  const ids = { reason: `${id}-reason`, hint: `${id}-hint`, error: `${id}-error` }

  const close = () => {
    setOpen(false)
    setMissing(false)
    revoke.reset()
  }
  const confirm = () => {
    const text = reason.trim()
    if (!text) {
      setMissing(true)
      return
    }
    revoke.mutate(text, {
      onSuccess: () => {
        setOpen(false)
        setReason('')
        onDone()
      },
    })
  }

  return (
    <ConfigProvider theme={DARKER_RED}>
      <div className="cert-actions">
        <Button danger onClick={() => setOpen(true)} data-testid="revoke-button">
          {t('certificateAdmin.revoke.button')}
        </Button>
      </div>
      <Modal
        open={open}
        title={t('certificateAdmin.revoke.title', { number })}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            {t('certificateAdmin.revoke.cancel')}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            danger
            loading={revoke.isPending}
            onClick={confirm}
            data-testid="revoke-confirm"
          >
            {t('certificateAdmin.revoke.confirm')}
          </Button>,
        ]}
      >
        <p>{t('certificateAdmin.revoke.body')}</p>
        {revoke.isError && <ProblemAlert error={revoke.error} testId="revoke-problem" />}
        <div className="cert-field">
          <label htmlFor={ids.reason} className="cert-field__label">
            {t('certificateAdmin.revoke.reason')}
          </label>
          <p id={ids.hint} className="cert-field__hint">
            {t('certificateAdmin.revoke.reasonHint')}
          </p>
          {missing && (
            <p id={ids.error} className="cert-field__error" role="alert">
              {t('certificateAdmin.revoke.reasonRequired')}
            </p>
          )}
          <Input.TextArea
            id={ids.reason}
            value={reason}
            maxLength={500}
            rows={3}
            required
            aria-describedby={missing ? `${ids.error} ${ids.hint}` : ids.hint}
            aria-invalid={missing || undefined}
            onChange={(event) => {
              setReason(event.target.value)
              if (event.target.value.trim()) setMissing(false)
            }}
            data-testid="revoke-reason"
          />
        </div>
      </Modal>
    </ConfigProvider>
  )
}
