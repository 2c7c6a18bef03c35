import { Button, Input, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading, LoadError, SignInPrompt } from '@/components/PageStates'
import { useSession } from '@/lib/auth'
import { useDepartments } from '@/lib/catalog/get-departments'
import { useNames } from '@/lib/names'
import { DATA_USE_LIMIT, useApplicationIds, useDataCatalogue, useDataUses } from '../api/data-uses'
import { KINDS, type DataUse, type DataUseFilter, type Kind } from '../types'
import '../data-use.css'

export const PAGE_SIZE = 20

/** /my/data-uses, 我的数据使用记录: every use departments made of the signed-in person's data. */
export function DataUsePage() {
  const { t } = useTranslation()
  const session = useSession()
  if (session.status === 'loading') return <Loading page label={t('dataUse.loading')} />
  if (session.status !== 'signed-in') {
    return <SignInPrompt title={t('dataUse.title')} body={t('dataUse.signIn')} button={t('dataUse.signInButton')} />
  }
  return <DataUses />
}

function DataUses() {
  const { t } = useTranslation()
  const names = useNames()
  const titleId = useId()
  // the filter and the page live in the address: back from an application returns to the same rows
  const [params, setParams] = useSearchParams()
  const filter: DataUseFilter = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    department: params.get('department') ?? '',
  }
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0)
  const uses = useDataUses(filter, true)
  const catalogue = useDataCatalogue()
  const applicationIds = useApplicationIds(Boolean(uses.data?.some((use) => use.applicationNumber)))
  const filtered = Boolean(filter.from || filter.to || filter.department)

  const show = (next: DataUseFilter, nextPage = 0) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value)
    if (nextPage > 0) search.set('page', String(nextPage))
    setParams(search)
  }

  const datasets = new Map((catalogue.data ?? []).map((dataset) => [dataset.code, dataset]))
  const dataOf = (use: DataUse): string => {
    const dataset = use.dataset ? datasets.get(use.dataset) : undefined
    const what = use.dataset ? (dataset ? names.text(dataset.name) : use.dataset) : t('dataUse.table.applicationData')
    const fields = use.fields.map((code) => {
      const field = dataset?.fields.find((each) => each.code === code)
      return field ? names.text(field.title) : code
    })
    return fields.length > 0 ? `${what}${names.english ? ': ' : '：'}${names.list(fields)}` : what
  }

  const all = uses.data ?? []
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE))
  const current = Math.min(page, pages - 1)
  const rows = all.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE)

  return (
    <div className="page-width page-section" data-testid="data-uses">
      <Typography.Title level={1} id={titleId}>
        {t('dataUse.title')}
      </Typography.Title>
      <Typography.Paragraph className="page-lead">{t('dataUse.lead')}</Typography.Paragraph>

      <FilterForm key={params.toString()} filter={filter} onApply={(next) => show(next)} onReset={() => show({ from: '', to: '', department: '' })} />

      {uses.isPending && <Loading inline label={t('dataUse.loading')} />}
      {uses.isError && <LoadError message={t('dataUse.error')} onRetry={() => void uses.refetch()} />}
      {uses.data && all.length === 0 && (
        <Typography.Paragraph className="catalogue-empty" data-testid="no-data-uses">
          {filtered ? t('dataUse.empty') : t('dataUse.emptyAll')}
        </Typography.Paragraph>
      )}
      {uses.data && all.length > 0 && (
        <>
          <Typography.Paragraph role="status">{t('dataUse.count', { count: all.length })}</Typography.Paragraph>
          {all.length >= DATA_USE_LIMIT && (
            <Typography.Paragraph>{t('dataUse.limited', { count: DATA_USE_LIMIT })}</Typography.Paragraph>
          )}
          <div className="table-scroll">
            <table className="data-table" aria-labelledby={titleId} data-testid="data-use-table">
              <thead>
                <tr>
                  <th scope="col">{t('dataUse.table.at')}</th>
                  <th scope="col">{t('dataUse.table.department')}</th>
                  <th scope="col">{t('dataUse.table.kind')}</th>
                  <th scope="col">{t('dataUse.table.data')}</th>
                  <th scope="col">{t('dataUse.table.purpose')}</th>
                  <th scope="col">{t('dataUse.table.application')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((use) => {
                  const id = use.applicationNumber ? applicationIds.data?.get(use.applicationNumber) : undefined
                  return (
                    <tr key={use.id} data-testid={`data-use-${use.id}`}>
                      <th scope="row">
                        <time dateTime={use.at}>{names.dateTime(use.at)}</time>
                      </th>
                      <td>{names.department(use.department)}</td>
                      <td>{KINDS.includes(use.kind as Kind) ? t(`dataUse.kind.${use.kind as Kind}`) : use.kind}</td>
                      <td>
                        {dataOf(use)}
                        {use.enterprise && <span className="data-use__enterprise">{t('dataUse.table.enterprise')}</span>}
                      </td>
                      <td>{use.purpose || t('dataUse.table.none')}</td>
                      <td>
                        {use.applicationNumber ? (
                          id ? (
                            <Link
                              to={`/my/applications/${encodeURIComponent(id)}`}
                              aria-label={t('dataUse.table.applicationFor', { number: use.applicationNumber })}
                            >
                              {use.applicationNumber}
                            </Link>
                          ) : (
                            use.applicationNumber
                          )
                        ) : (
                          t('dataUse.table.none')
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="data-use__pager" aria-label={t('dataUse.pagination')}>
              <Button disabled={current === 0} onClick={() => show(filter, current - 1)}>
                {t('dataUse.previous')}
              </Button>
              <span>{t('dataUse.page', { page: current + 1, pages })}</span>
              <Button disabled={current + 1 >= pages} onClick={() => show(filter, current + 1)}>
                {t('dataUse.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </div>
  )
}

function FilterForm({
  filter,
  onApply,
  onReset,
}: {
  filter: DataUseFilter
  onApply: (filter: DataUseFilter) => void
  onReset: () => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const departments = useDepartments()
  const id = useId()
  const [draft, setDraft] = useState(filter)
  const [invalid, setInvalid] = useState(false)
  const filtered = Boolean(filter.from || filter.to || filter.department)

  return (
    <form
      className="data-use__filters"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault()
        if (draft.from && draft.to && draft.from > draft.to) {
          setInvalid(true)
          return
        }
        setInvalid(false)
        onApply(draft)
      }}
    >
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('dataUse.filters.heading')}
      </h2>
      <div>
        <label htmlFor={`${id}-from`}>{t('dataUse.filters.from')}</label>
        <Input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`}>{t('dataUse.filters.to')}</label>
        <Input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-department`}>{t('dataUse.filters.department')}</label>
        <select
          id={`${id}-department`}
          className="data-use__select"
          value={draft.department}
          onChange={(event) => setDraft({ ...draft, department: event.target.value })}
        >
          <option value="">{t('dataUse.filters.allDepartments')}</option>
          {(departments.data ?? []).map((department) => (
            <option key={department.code} value={department.code}>
              {names.department(department.code)}
            </option>
          ))}
        </select>
      </div>
      <Button type="primary" htmlType="submit">
        {t('dataUse.filters.apply')}
      </Button>
      {filtered && <Button onClick={onReset}>{t('dataUse.filters.reset')}</Button>}
      {invalid && (
        <p className="data-use__error" role="alert">
          {t('dataUse.filters.invalidPeriod')}
        </p>
      )}
    </form>
  )
}
