import { Alert, Button, Checkbox, Input, Radio, Tag, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { isApiError } from '@/lib/api-client'
import { useLocalize } from '@/lib/localize'
import {
  type ApplicantRatings,
  type Named,
  type RatingLevel,
  type RatingView,
  useApplicantRatings,
  useRate,
} from '../api/ratings'
import { useFormat } from '../lib/format'
import type { ApplicationStatus } from '../types'

const LEVELS: RatingLevel[] = [5, 4, 3, 2, 1]
const good = (level: RatingLevel) => level >= 3

/**
 * 好差评 on the application's page: rate a step a department has handled while the application runs, and the whole
 * once it has ended; see the department's answer to a bad rating and rate once more. The server decides what may be
 * rated (and refuses the rest); the panel shows what it offers.
 */
export function RatingPanel({ applicationId, status }: { applicationId: string; status: ApplicationStatus }) {
  const { t } = useTranslation()
  const rateable = status !== 'draft'
  const ratings = useApplicantRatings(applicationId, rateable)
  const [editing, setEditing] = useState<RatingView | null>(null)
  const [notice, setNotice] = useState(false)
  const titleId = useId()

  if (!rateable || ratings.isPending) return null
  // not found: nothing to rate here (the page itself says when the application is not the person's)
  if (ratings.isError && isApiError(ratings.error, 404)) return null
  if (ratings.isError) {
    return <Alert type="warning" showIcon title={t('rating.failed')} className="application-section" />
  }
  const data = ratings.data
  if (!data.mayRateApplication && data.steps.length === 0 && data.ratings.length === 0) return null

  const done = () => {
    setEditing(null)
    setNotice(true)
  }

  return (
    <section className="application-section rating-panel" aria-labelledby={titleId} data-testid="rating-panel">
      <Typography.Title level={2} id={titleId}>
        {t('rating.title')}
      </Typography.Title>
      <p>{t('rating.lead')}</p>
      {notice && <Alert type="success" showIcon role="status" title={t('rating.done')} data-testid="rating-done" />}
      {data.ratings.map((rating) =>
        editing?.id === rating.id ? (
          <RatingForm
            key={rating.id}
            applicationId={applicationId}
            data={data}
            title={t(rating.rectification && rating.rectification.answer ? 'rating.form.againTitle' : 'rating.form.changeTitle')}
            editing={rating}
            onDone={done}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <YourRating
            key={rating.id}
            rating={rating}
            onChange={() => {
              setNotice(false)
              setEditing(rating)
            }}
          />
        ),
      )}
      {!editing && data.mayRateApplication && (
        <RatingForm applicationId={applicationId} data={data} title={t('rating.form.applicationTitle')} onDone={done} />
      )}
      {!editing && data.steps.length > 0 && (
        <RatingForm
          applicationId={applicationId}
          data={data}
          title={t('rating.form.stepTitle')}
          steps={data.steps}
          onDone={done}
        />
      )}
    </section>
  )
}

function YourRating({ rating, onChange }: { rating: RatingView; onChange: () => void }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const format = useFormat()
  const rectification = rating.rectification
  const department = rectification ? localize.department(rectification.department) : ''
  const answered = rectification?.status === 'answered' || rectification?.status === 'closed'
  return (
    <div className="rating-entry" data-testid="rating-entry">
      <Typography.Title level={3}>
        {rating.step
          ? t('rating.yours.step', { step: localize.department(rating.step) })
          : t('rating.yours.application')}
      </Typography.Title>
      <p>
        <strong data-testid="rating-level">{t(`rating.levels.${rating.level}`)}</strong>
        {rating.reasons.length > 0 &&
          ` · ${localize.list(rating.reasons.map((reason) => t(`rating.reasons.${reason}`, { defaultValue: reason })))}`}
      </p>
      {rating.comment && <p className="rating-entry__comment">{rating.comment}</p>}
      <p className="rating-entry__meta">
        {t('rating.yours.ratedAt', { date: format.dateTime(rating.ratedAt) })} ·{' '}
        {t('rating.yours.department', { name: localize.department(rating.department) })}
        {rating.firstLevel !== rating.level && (
          <> · {t('rating.yours.changedFrom', { level: t(`rating.levels.${rating.firstLevel}`) })}</>
        )}
      </p>
      {rating.excluded && <Alert type="info" showIcon title={t('rating.yours.excluded')} />}
      {rectification?.status === 'open' && (
        <p data-testid="rectification-status">
          {t('rating.rectification.open', { department, date: format.dueDay(rectification.dueAt) })}
        </p>
      )}
      {rectification?.status === 'disputed' && (
        <p data-testid="rectification-status">{t('rating.rectification.disputed', { department })}</p>
      )}
      {answered && rectification.answer && (
        <div className="rating-entry__answer" data-testid="rectification-answer">
          <Typography.Title level={4}>
            {t('rating.rectification.answer', { department, date: format.dateTime(rectification.answeredAt) })}
          </Typography.Title>
          <p>
            {rectification.answerKind && <Tag>{t(`rating.rectification.kinds.${rectification.answerKind}`)}</Tag>}
            {rectification.answer}
          </p>
          {rectification.disputeDecision === 'upheld' && (
            <p>{t('rating.rectification.upheld', { note: rectification.disputeNote ?? '' })}</p>
          )}
        </div>
      )}
      {rating.mayChange && (
        <p>
          <Button onClick={onChange} data-testid="rating-change">
            {answered ? t('rating.yours.again') : t('rating.yours.change')}
          </Button>
          {!answered && (
            <span className="rating-entry__hint">
              {' '}
              {t('rating.yours.changeUntil', { date: format.dateTime(rating.changeableUntil) })}
            </span>
          )}
        </p>
      )}
    </div>
  )
}

function RatingForm({
  applicationId,
  data,
  title,
  steps,
  editing,
  onDone,
  onCancel,
}: {
  applicationId: string
  data: ApplicantRatings
  title: string
  steps?: Named[]
  editing?: RatingView
  onDone: () => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const rate = useRate(applicationId)
  const [level, setLevel] = useState<RatingLevel | undefined>(editing?.level)
  const [reasons, setReasons] = useState<string[]>(editing?.reasons ?? [])
  const [comment, setComment] = useState(editing?.comment ?? '')
  const [step, setStep] = useState<string | undefined>(steps?.[0]?.code)
  const [missing, setMissing] = useState<'level' | 'reasons' | null>(null)
  const id = useId()
  const ids = {
    title: `${id}-title`,
    level: `${id}-level`,
    reasons: `${id}-reasons`,
    reasonsHint: `${id}-reasons-hint`,
    comment: `${id}-comment`,
    commentHint: `${id}-comment-hint`,
    step: `${id}-step`,
    error: `${id}-error`,
  }
  const offered = level === undefined ? [] : good(level) ? data.goodReasons : data.badReasons

  const chooseLevel = (chosen: RatingLevel) => {
    setLevel(chosen)
    const fits = good(chosen) ? data.goodReasons : data.badReasons
    setReasons((current) => current.filter((reason) => fits.includes(reason)))
    setMissing(null)
  }

  const submit = () => {
    if (level === undefined) {
      setMissing('level')
      return
    }
    if (!good(level) && reasons.length === 0) {
      setMissing('reasons')
      return
    }
    setMissing(null)
    rate.mutate(
      {
        ratingId: editing?.id,
        input: { level, reasons, comment: comment.trim() || undefined, step: editing ? undefined : step },
      },
      { onSuccess: onDone },
    )
  }

  return (
    <form
      className="rating-form"
      aria-labelledby={ids.title}
      data-testid={editing ? 'rating-form-change' : steps ? 'rating-form-step' : 'rating-form'}
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
      noValidate
    >
      <Typography.Title level={3} id={ids.title}>
        {title}
      </Typography.Title>
      {rate.isError && <ProblemAlert error={rate.error} testId="rating-problem" />}
      {steps && (
        <fieldset className="form-field">
          <legend className="form-field__label">{t('rating.form.step')}</legend>
          <Radio.Group
            value={step}
            onChange={(event) => setStep(event.target.value as string)}
            options={steps.map((option) => ({ value: option.code, label: localize.department(option) }))}
          />
        </fieldset>
      )}
      <fieldset className={`form-field${missing === 'level' ? ' form-field--error' : ''}`}>
        <legend className="form-field__label">{t('rating.form.level')}</legend>
        {missing === 'level' && (
          <p id={ids.error} className="form-field__error" role="alert">
            {t('rating.form.levelRequired')}
          </p>
        )}
        <Radio.Group
          value={level}
          onChange={(event) => chooseLevel(event.target.value as RatingLevel)}
          optionType="button"
          buttonStyle="solid"
          options={LEVELS.map((value) => ({ value, label: t(`rating.levels.${value}`) }))}
          data-testid="rating-levels"
        />
      </fieldset>
      {level !== undefined && (
        <fieldset
          className={`form-field${missing === 'reasons' ? ' form-field--error' : ''}`}
          aria-describedby={ids.reasonsHint}
        >
          <legend className="form-field__label">{t('rating.form.reasons')}</legend>
          <p id={ids.reasonsHint} className="form-field__hint">
            {good(level) ? t('rating.form.reasonsHintGood') : t('rating.form.reasonsHintBad')}
          </p>
          {missing === 'reasons' && (
            <p className="form-field__error" role="alert">
              {t('rating.form.reasonRequired')}
            </p>
          )}
          <Checkbox.Group
            value={reasons}
            onChange={(values) => {
              setReasons(values as string[])
              setMissing(null)
            }}
            options={offered.map((reason) => ({ value: reason, label: t(`rating.reasons.${reason}`, { defaultValue: reason }) }))}
          />
        </fieldset>
      )}
      <div className="form-field">
        <label htmlFor={ids.comment} className="form-field__label">
          {t('rating.form.comment')}
        </label>
        <p id={ids.commentHint} className="form-field__hint">
          {t('rating.form.commentHint', { limit: data.commentLimit })}
        </p>
        <Input.TextArea
          id={ids.comment}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={data.commentLimit}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
          aria-describedby={ids.commentHint}
        />
      </div>
      <p>
        <Button type="primary" htmlType="submit" loading={rate.isPending} data-testid="rating-submit">
          {t('rating.form.submit')}
        </Button>
        {onCancel && (
          <Button type="link" onClick={onCancel}>
            {t('rating.form.cancel')}
          </Button>
        )}
      </p>
    </form>
  )
}
