import { Alert, Button, Empty, Input, Pagination, Radio, Select, Tag, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Loading, LoadError } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { StaffOnly } from '@/components/StaffOnly'
import { useLocalize } from '@/lib/localize'
import {
  type AnswerKind,
  PAGE_SIZE,
  type Rectification,
  type RectificationStatus,
  useAnswerRectification,
  useDecideDispute,
  useRectifications,
} from '../api/rectifications'

const STATUSES: RectificationStatus[] = ['open', 'disputed', 'answered', 'closed']
const KINDS: AnswerKind[] = ['rectified', 'explained', 'disputed']
const LIGHT_COLORS = { green: 'green', yellow: 'gold', red: 'red' } as const

function isStatus(value: string | null): value is RectificationStatus {
  return STATUSES.includes(value as RectificationStatus)
}

/**
 * /admin/rectifications, 差评整改: the rectifications bad ratings opened — a department admin's departments', or all of
 * them for the platform admin — waiting ones first by due date, overdue in red; answer them, decide disputes.
 */
export function RectificationsPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin', 'admin']} title={t('rectifications.title')}>
      <Rectifications />
    </StaffOnly>
  )
}

function Rectifications() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status')
  const status = isStatus(statusParam) ? statusParam : undefined
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0)
  const list = useRectifications(status, page)
  const filterId = useId()

  const update = (next: { status?: RectificationStatus; page?: number }) => {
    const search = new URLSearchParams()
    if (next.status) search.set('status', next.status)
    if (next.page) search.set('page', String(next.page))
    setParams(search)
  }

  let body
  if (list.isPending) {
    body = <Loading className="queue-loading" label={t('rectifications.loading')} />
  } else if (list.isError) {
    body = <LoadError error={list.error} onRetry={() => void list.refetch()} testId="rectifications-error" />
  } else if (list.data.items.length === 0) {
    body = <Empty description={t('rectifications.empty')} data-testid="rectifications-empty" />
  } else {
    body = (
      <>
        <p>{t('rectifications.total', { count: list.data.total })}</p>
        <ol className="rectification-list" data-testid="rectifications">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <RectificationItem item={item} />
            </li>
          ))}
        </ol>
        {list.data.total > PAGE_SIZE && (
          <Pagination
            current={page + 1}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={(next) => update({ status, page: next - 1 })}
            showSizeChanger={false}
          />
        )}
      </>
    )
  }

  return (
    <div className="page-width page-section rectifications">
      <Typography.Title level={1}>{t('rectifications.title')}</Typography.Title>
      <p>{t('rectifications.lead')}</p>
      <div className="queue-filter">
        <label htmlFor={filterId}>{t('rectifications.filter')}</label>{' '}
        <Select
          id={filterId}
          value={status ?? 'all'}
          style={{ minWidth: 180 }}
          onChange={(value: string) => update({ status: isStatus(value) ? value : undefined })}
          options={[
            { value: 'all', label: t('rectifications.statuses.all') },
            ...STATUSES.map((value) => ({ value, label: t(`rectifications.statuses.${value}`) })),
          ]}
          data-testid="rectifications-filter"
        />
      </div>
      {body}
    </div>
  )
}

function useDates() {
  const { i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en-US' ? 'en-GB' : 'zh-CN'
  return {
    dateTime: (value: string | null) =>
      value
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
            new Date(value),
          )
        : '',
    /** A limit ends at midnight after its last day: show that day. */
    dueDay: (value: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
        new Date(new Date(value).getTime() - 1),
      ),
  }
}

function RectificationItem({ item }: { item: Rectification }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const dates = useDates()
  const titleId = useId()
  return (
    <article className="rectification" aria-labelledby={titleId} data-testid="rectification" data-id={item.id}>
      <Typography.Title level={2} id={titleId} className="rectification__title">
        {item.applicationNumber} · {localize.department(item.service)}
      </Typography.Title>
      <p>
        <Tag data-testid="rectification-status">{t(`rectifications.statuses.${item.status}`)}</Tag>
        {item.light && (
          <Tag color={LIGHT_COLORS[item.light]} data-testid="rectification-light" data-light={item.light}>
            {t(`rectifications.lights.${item.light}`)}
          </Tag>
        )}
        <span data-testid="rectification-due">
          {t('rectifications.columns.due')}：{dates.dueDay(item.dueAt)}
        </span>
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('rectifications.columns.department')}</dt>
          <dd>{localize.department(item.department)}</dd>
        </div>
        {item.step && (
          <div className="facts__row">
            <dt>{t('rectifications.detail.step')}</dt>
            <dd>{localize.department(item.step)}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('rectifications.columns.rating')}</dt>
          <dd data-testid="rectification-level">{t(`rating.levels.${item.level}`, { defaultValue: String(item.level) })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('rectifications.detail.reasons')}</dt>
          <dd>{localize.list(item.reasons.map((reason) => t(`rating.reasons.${reason}`, { defaultValue: reason })))}</dd>
        </div>
        {item.comment && (
          <div className="facts__row">
            <dt>{t('rectifications.detail.comment')}</dt>
            <dd>{item.comment}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('rectifications.detail.openedAt')}</dt>
          <dd>{dates.dateTime(item.openedAt)}</dd>
        </div>
      </dl>
      {item.answer && (
        <div className="rectification__answer" data-testid="rectification-answer">
          <Typography.Title level={3}>
            {t('rectifications.detail.answer', {
              kind: item.answerKind ? t(`rating.rectification.kinds.${item.answerKind}`) : '',
              name: item.answeredByName ?? '',
              date: dates.dateTime(item.answeredAt),
            })}
          </Typography.Title>
          <p>{item.answer}</p>
        </div>
      )}
      {item.disputeDecision && (
        <p data-testid="rectification-decision">
          {t('rectifications.detail.decision')}：
          {t(item.disputeDecision === 'upheld' ? 'rectifications.detail.upheld' : 'rectifications.detail.rejected')}
          {item.disputeNote && ` — ${item.disputeNote}`}
        </p>
      )}
      {(item.status === 'answered' || item.status === 'closed') && (
        <p>
          {t('rectifications.detail.currentLevel', { level: t(`rating.levels.${item.currentLevel}`, { defaultValue: String(item.currentLevel) }) })}
          {item.ratedAgain && ` ${t('rectifications.detail.ratedAgain')}`}
        </p>
      )}
      {item.mayAnswer && <AnswerForm item={item} />}
      {item.mayDecide && <DecideForm item={item} />}
    </article>
  )
}

function AnswerForm({ item }: { item: Rectification }) {
  const { t } = useTranslation()
  const answer = useAnswerRectification(item.id)
  const [kind, setKind] = useState<AnswerKind>('rectified')
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const id = useId()
  return (
    <form
      className="rectification__form"
      aria-labelledby={`${id}-title`}
      data-testid="rectification-answer-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim().length < 2) {
          setMissing(true)
          return
        }
        setMissing(false)
        answer.mutate({ kind, answer: text.trim() })
      }}
    >
      <Typography.Title level={3} id={`${id}-title`}>
        {t('rectifications.answer.title')}
      </Typography.Title>
      {answer.isError && <ProblemAlert error={answer.error} testId="rectification-problem" />}
      <fieldset className="form-field">
        <legend className="form-field__label">{t('rectifications.answer.kind')}</legend>
        <Radio.Group
          value={kind}
          onChange={(event) => setKind(event.target.value as AnswerKind)}
          options={KINDS.map((value) => ({ value, label: t(`rating.rectification.kinds.${value}`) }))}
        />
      </fieldset>
      <div className={`form-field${missing ? ' form-field--error' : ''}`}>
        <label htmlFor={`${id}-text`} className="form-field__label">
          {t('rectifications.answer.text')}
        </label>
        <p id={`${id}-hint`} className="form-field__hint">
          {t('rectifications.answer.textHint')}
        </p>
        {missing && (
          <p className="form-field__error" role="alert">
            {t('rectifications.answer.textRequired')}
          </p>
        )}
        <Input.TextArea
          id={`${id}-text`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={2000}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          aria-describedby={`${id}-hint`}
        />
      </div>
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="rectification-answer-submit">
        {t('rectifications.answer.submit')}
      </Button>
    </form>
  )
}

function DecideForm({ item }: { item: Rectification }) {
  const { t } = useTranslation()
  const decide = useDecideDispute(item.id)
  const [upheld, setUpheld] = useState<boolean | undefined>(undefined)
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState<'choice' | 'note' | null>(null)
  const id = useId()
  return (
    <form
      className="rectification__form"
      aria-labelledby={`${id}-title`}
      data-testid="rectification-decide-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (upheld === undefined) {
          setMissing('choice')
          return
        }
        if (note.trim().length < 2) {
          setMissing('note')
          return
        }
        setMissing(null)
        decide.mutate({ upheld, note: note.trim() })
      }}
    >
      <Typography.Title level={3} id={`${id}-title`}>
        {t('rectifications.decide.title')}
      </Typography.Title>
      {decide.isError && <ProblemAlert error={decide.error} testId="rectification-problem" />}
      {missing && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t(missing === 'choice' ? 'rectifications.decide.choiceRequired' : 'rectifications.decide.noteRequired')}
        />
      )}
      <fieldset className="form-field">
        <legend className="form-field__label">{t('rectifications.decide.title')}</legend>
        <Radio.Group
          value={upheld}
          onChange={(event) => setUpheld(event.target.value as boolean)}
          options={[
            { value: true, label: t('rectifications.decide.upheld') },
            { value: false, label: t('rectifications.decide.rejected') },
          ]}
        />
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-note`} className="form-field__label">
          {t('rectifications.decide.note')}
        </label>
        <Input.TextArea
          id={`${id}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </div>
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="rectification-decide-submit">
        {t('rectifications.decide.submit')}
      </Button>
    </form>
  )
}
