import { Input, Select, Switch } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useServices } from '@/lib/catalog/get-services'
import { useSession } from '@/lib/auth'
import { useNames } from '../lib/names'

/** A search by application number or applicant, which service, and only the tasks I claimed. */
export function QueueFilters({
  q,
  service,
  mine,
  onSearch,
  onService,
  onMine,
}: {
  q: string | undefined
  service: string | undefined
  mine: boolean
  onSearch: (q: string | undefined) => void
  onService: (service: string | undefined) => void
  onMine: (mine: boolean) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const { me } = useSession()
  const services = useServices({})
  const mineDepartments = new Set((me?.departments ?? []).map((department) => department.code))
  // The services my departments take part in; all of them when the session names no department.
  const offered = (services.data ?? []).filter(
    (each) =>
      mineDepartments.size === 0 ||
      each.departments.some((department) => mineDepartments.has(department.code)),
  )

  return (
    <>
      <div role="search" className="queue-filter">
        <label htmlFor={`${id}-q`} className="queue-filter__label">
          {t('workbench.filters.search')}
        </label>
        <Input.Search
          // a new key when the address changes, so that "clear filters" empties the box too
          key={q ?? ''}
          id={`${id}-q`}
          className="queue-filter__search"
          defaultValue={q}
          maxLength={100}
          allowClear
          placeholder={t('workbench.filters.searchPlaceholder')}
          enterButton={t('workbench.filters.searchButton')}
          onSearch={(value) => onSearch(value.trim() || undefined)}
          data-testid="queue-search"
        />
      </div>
      <div className="queue-filter">
        <label htmlFor={`${id}-service`} className="queue-filter__label">
          {t('workbench.filters.service')}
        </label>
        <Select
          id={`${id}-service`}
          className="queue-filter__select"
          value={service ?? ''}
          onChange={(value: string) => onService(value || undefined)}
          options={[
            { value: '', label: t('workbench.filters.allServices') },
            ...offered.map((each) => ({ value: each.code, label: names.text(each.name) })),
          ]}
          loading={services.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          data-testid="service-filter"
        />
      </div>
      <div className="queue-filter queue-filter--switch">
        <Switch
          id={`${id}-mine`}
          checked={mine}
          onChange={onMine}
          data-testid="mine-filter"
        />
        <label htmlFor={`${id}-mine`} className="queue-filter__label">
          {t('workbench.filters.mine')}
        </label>
      </div>
    </>
  )
}
