import { Alert, Button, ConfigProvider, Input, Modal, type ThemeConfig } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useWithdrawApplication } from '../api/withdraw-application'

// antd's default red (#ff4d4f) is too light for text on white, and white text on it (WCAG AA 4.5:1).
const DARKER_RED: ThemeConfig = { token: { colorError: '#a8071a' } }

/** 撤回申请: a button, then a dialog that asks for the reason and confirms. */
export function WithdrawButton({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const withdraw = useWithdrawApplication(applicationId)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const field = useRef<TextAreaRef>(null)
  const id = useId()
  const ids = { reason: `${id}-reason`, hint: `${id}-hint`, error: `${id}-error`, body: `${id}-body` }

  const close = () => {
    setOpen(false)
    setMissing(false)
    withdraw.reset()
  }

  const confirm = () => {
    const text = reason.trim()
    if (!text) {
      setMissing(true)
      field.current?.focus()
      return
    }
    withdraw.mutate(text, {
      onSuccess: () => {
        setOpen(false)
        setReason('')
        onDone()
      },
    })
  }

  return (
    <ConfigProvider theme={DARKER_RED}>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw-button">
        {t('myApplications.withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('myApplications.withdraw.title')}
        onCancel={close}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            {t('myApplications.withdraw.cancel')}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            danger
            loading={withdraw.isPending}
            onClick={confirm}
            data-testid="withdraw-confirm"
          >
            {t('myApplications.withdraw.confirm')}
          </Button>,
        ]}
      >
        <p id={ids.body}>{t('myApplications.withdraw.body')}</p>
        {withdraw.isError && (
          <Alert type="error" showIcon role="alert" title={t('myApplications.withdraw.failed')} />
        )}
        <div className={`form-field${missing ? ' form-field--error' : ''}`}>
          <label htmlFor={ids.reason} className="form-field__label">
            {t('myApplications.withdraw.reason')}
          </label>
          <p id={ids.hint} className="form-field__hint">
            {t('myApplications.withdraw.reasonHint')}
          </p>
          {missing && (
            <p id={ids.error} className="form-field__error" role="alert">
              {t('myApplications.withdraw.reasonRequired')}
            </p>
          )}
          <Input.TextArea
            id={ids.reason}
            ref={field}
            value={reason}
            maxLength={2000}
            rows={3}
            aria-describedby={missing ? `${ids.error} ${ids.hint}` : ids.hint}
            aria-invalid={missing || undefined}
            onChange={(event) => {
              setReason(event.target.value)
              if (event.target.value.trim()) setMissing(false)
            }}
            data-testid="withdraw-reason"
          />
        </div>
      </Modal>
    </ConfigProvider>
  )
}
