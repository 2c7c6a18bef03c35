import { Alert, Button, Input, Space, Typography } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import { useAnswerStep } from '../api/answer-step'
import { useFormat } from '../lib/format'
import type { AnswerAction, AwaitingApplicant } from '../types'

/**
 * 申请人确认: a step that waits for the applicant's answer. They confirm the result (a comment is optional), reopen
 * the case or supply information (both need a text, which the clerks read). Without an answer by the due date the
 * step continues as confirmed, and the page says so.
 */
export function AwaitingPanel({
  applicationId,
  awaiting,
  onDone,
}: {
  applicationId: string
  awaiting: AwaitingApplicant
  onDone: (action: AnswerAction) => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const format = useFormat()
  const answer = useAnswerStep(applicationId, awaiting.step)
  const [text, setText] = useState('')
  const [missing, setMissing] = useState<AnswerAction | null>(null)
  const field = useRef<TextAreaRef>(null)
  const id = useId()
  const ids = { title: `${id}-title`, text: `${id}-text`, hint: `${id}-hint`, error: `${id}-error` }

  const send = (action: AnswerAction) => {
    const written = text.trim()
    if (action !== 'confirm' && !written) {
      setMissing(action)
      field.current?.focus()
      return
    }
    answer.mutate(
      { action, text: written || undefined },
      {
        onSuccess: () => {
          setText('')
          setMissing(null)
          onDone(action)
        },
      },
    )
  }

  const allows = (action: AnswerAction) => awaiting.actions.includes(action)
  const name = awaiting.name ? localize.text(awaiting.name) : awaiting.step

  return (
    <section className="application-section awaiting-panel" aria-labelledby={ids.title} data-testid="awaiting-panel">
      <Typography.Title level={2} id={ids.title}>
        {t('myApplications.awaiting.title', { step: name })}
      </Typography.Title>
      {awaiting.description && <p>{localize.text(awaiting.description)}</p>}
      {awaiting.dueAt && (
        <p data-testid="awaiting-due">{t('myApplications.awaiting.due', { date: format.dueDay(awaiting.dueAt) })}</p>
      )}
      {answer.isError && <Alert type="error" showIcon role="alert" title={t('myApplications.awaiting.failed')} />}
      <div className={`form-field${missing ? ' form-field--error' : ''}`}>
        <label htmlFor={ids.text} className="form-field__label">
          {t('myApplications.awaiting.text')}
        </label>
        <p id={ids.hint} className="form-field__hint">
          {t(allows('reopen') ? 'myApplications.awaiting.textHintReopen' : 'myApplications.awaiting.textHint')}
        </p>
        {missing && (
          <p id={ids.error} className="form-field__error" role="alert">
            {t(missing === 'reopen' ? 'myApplications.awaiting.reasonRequired' : 'myApplications.awaiting.textRequired')}
          </p>
        )}
        <Input.TextArea
          id={ids.text}
          ref={field}
          value={text}
          maxLength={2000}
          rows={3}
          aria-describedby={missing ? `${ids.error} ${ids.hint}` : ids.hint}
          aria-invalid={Boolean(missing) || undefined}
          onChange={(event) => {
            setText(event.target.value)
            if (event.target.value.trim()) setMissing(null)
          }}
          data-testid="awaiting-text"
        />
      </div>
      <Space wrap>
        {allows('confirm') && (
          <Button type="primary" loading={answer.isPending} onClick={() => send('confirm')} data-testid="awaiting-confirm">
            {t('myApplications.awaiting.confirm')}
          </Button>
        )}
        {allows('supply') && (
          <Button loading={answer.isPending} onClick={() => send('supply')} data-testid="awaiting-supply">
            {t('myApplications.awaiting.supply')}
          </Button>
        )}
        {allows('reopen') && (
          <Button loading={answer.isPending} onClick={() => send('reopen')} data-testid="awaiting-reopen">
            {t('myApplications.awaiting.reopen')}
          </Button>
        )}
      </Space>
    </section>
  )
}
