import { Radio, Select } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartments } from '@/lib/catalog/get-departments'
import type { ServiceFilters } from '@/lib/catalog/get-services'
import { useLocalize } from '@/lib/localize'
import { AUDIENCES, CATEGORIES } from '@/lib/catalog/types'

export type FilterChange = Partial<Record<keyof ServiceFilters, string | undefined>>

/** Category, department and audience; each change goes into the URL. */
export function CatalogueFilters({
  filters,
  onChange,
}: {
  filters: ServiceFilters
  onChange: (change: FilterChange) => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const id = useId()
  const departments = useDepartments()

  const departmentOptions = [
    { value: '', label: t('catalog.filters.allDepartments') },
    ...(departments.data ?? []).map((department) => ({
      value: department.code,
      label: localize.department(department),
    })),
  ]

  return (
    <div className="catalogue-filters">
      <div className="catalogue-filter">
        <span id={`${id}-category`} className="catalogue-filter__label">
          {t('catalog.filters.category')}
        </span>
        <Radio.Group
          aria-labelledby={`${id}-category`}
          name={`${id}-category-choice`}
          className="catalogue-filter__choices"
          optionType="button"
          buttonStyle="solid"
          value={filters.category ?? ''}
          onChange={(event) => onChange({ category: event.target.value as string })}
          options={[
            { value: '', label: t('catalog.filters.all') },
            ...CATEGORIES.map((category) => ({
              value: category,
              label: t(`catalog.categories.${category}`),
            })),
          ]}
          data-testid="category-filter"
        />
      </div>
      <div className="catalogue-filter">
        <span id={`${id}-audience`} className="catalogue-filter__label">
          {t('catalog.filters.audience')}
        </span>
        <Radio.Group
          aria-labelledby={`${id}-audience`}
          name={`${id}-audience-choice`}
          className="catalogue-filter__choices"
          optionType="button"
          buttonStyle="solid"
          value={filters.audience ?? ''}
          onChange={(event) => onChange({ audience: event.target.value as string })}
          options={[
            { value: '', label: t('catalog.filters.all') },
            ...AUDIENCES.map((audience) => ({
              value: audience,
              label: t(`catalog.audiences.${audience}`),
            })),
          ]}
          data-testid="audience-filter"
        />
      </div>
      <div className="catalogue-filter">
        <label htmlFor={`${id}-department`} className="catalogue-filter__label">
          {t('catalog.filters.department')}
        </label>
        <Select
          id={`${id}-department`}
          className="catalogue-filter__select"
          value={filters.department ?? ''}
          onChange={(department: string) => onChange({ department })}
          options={departmentOptions}
          loading={departments.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          data-testid="department-filter"
        />
      </div>
    </div>
  )
}
