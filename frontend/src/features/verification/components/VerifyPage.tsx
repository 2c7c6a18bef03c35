import { Button, Input, Typography } from 'antd'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { Loading } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { tokenOf, useVerify, type VerificationInput } from '../api/verify'
import { VerdictPanel } from './VerdictPanel'
import '../verification.css'

/**
 * /verify, public: the QR code of a certificate links here with its token in the fragment (#t=…), which browsers
 * never send to a server; the page posts it. Files and pasted codes are verified here too.
 */
export function VerifyPage() {
  const { t } = useTranslation()
  const { hash } = useLocation()
  const verify = useVerify()
  const fromAddress = hash.startsWith('#') ? tokenOf(hash) : ''
  const verified = useRef<string>('')
  const { mutate } = verify

  useEffect(() => {
    if (fromAddress && verified.current !== fromAddress) {
      verified.current = fromAddress
      mutate({ token: fromAddress })
    }
  }, [fromAddress, mutate])

  const run = (input: VerificationInput) => verify.mutate(input)

  return (
    <div className="page-width page-section verify-page" data-testid="verify-page">
      <Typography.Title level={1}>{t('verification.title')}</Typography.Title>
      <Typography.Paragraph className="page-lead">{t('verification.lead')}</Typography.Paragraph>

      {/* present from the start, so that what appears in it is announced */}
      <div aria-live="polite">
        {verify.isPending && <Loading inline label={t('verification.checking')} />}
        {verify.data && !verify.isPending && <VerdictPanel result={verify.data} />}
      </div>
      {verify.isError && <ProblemAlert error={verify.error} />}
      {verify.data && <Typography.Paragraph type="secondary">{t('verification.privacy')}</Typography.Paragraph>}

      <div className="verify-forms">
        <FileForm onVerify={run} busy={verify.isPending} />
        <TokenForm onVerify={run} busy={verify.isPending} />
      </div>
    </div>
  )
}

function FileForm({ onVerify, busy }: { onVerify: (input: VerificationInput) => void; busy: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [missing, setMissing] = useState(false)
  return (
    <section aria-labelledby={`${id}-heading`} className="verify-form">
      <Typography.Title level={2} id={`${id}-heading`}>
        {t('verification.file.heading')}
      </Typography.Title>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (!file) {
            setMissing(true)
            return
          }
          onVerify({ file })
        }}
      >
        <label htmlFor={`${id}-file`} className="verify-form__label">
          {t('verification.file.label')}
        </label>
        <p id={`${id}-hint`} className="verify-form__hint">
          {t('verification.file.hint')}
        </p>
        {missing && (
          <p id={`${id}-error`} className="verify-form__error" role="alert">
            {t('verification.file.required')}
          </p>
        )}
        <input
          id={`${id}-file`}
          type="file"
          accept="application/pdf,.pdf,.jws"
          aria-describedby={missing ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={missing || undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null)
            setMissing(false)
          }}
          data-testid="verify-file"
        />
        <div className="verify-form__actions">
          <Button htmlType="submit" type="primary" loading={busy}>
            {t('verification.file.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}

function TokenForm({ onVerify, busy }: { onVerify: (input: VerificationInput) => void; busy: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  return (
    <section aria-labelledby={`${id}-heading`} className="verify-form">
      <Typography.Title level={2} id={`${id}-heading`}>
        {t('verification.token.heading')}
      </Typography.Title>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          const token = tokenOf(text)
          if (!token) {
            setMissing(true)
            return
          }
          onVerify({ token })
        }}
      >
        <label htmlFor={`${id}-token`} className="verify-form__label">
          {t('verification.token.label')}
        </label>
        <p id={`${id}-hint`} className="verify-form__hint">
          {t('verification.token.hint')}
        </p>
        {missing && (
          <p id={`${id}-error`} className="verify-form__error" role="alert">
            {t('verification.token.required')}
          </p>
        )}
        <Input.TextArea
          id={`${id}-token`}
          rows={3}
          maxLength={2100}
          value={text}
          spellCheck={false}
          aria-describedby={missing ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={missing || undefined}
          onChange={(event) => {
            setText(event.target.value)
            setMissing(false)
          }}
          data-testid="verify-token"
        />
        <div className="verify-form__actions">
          <Button htmlType="submit" type="primary" loading={busy}>
            {t('verification.token.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
