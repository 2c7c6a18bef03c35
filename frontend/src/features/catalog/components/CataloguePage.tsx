import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { FILTER_KEYS, hasFilters, readFilters } from '../filters'
import { CatalogueFilters, type FilterChange } from './CatalogueFilters'
import { CatalogueSearch } from './CatalogueSearch'
import { ServiceResults } from './ServiceResults'

/** 办事服务: the searchable catalogue. The filters live in the URL, so a list can be shared. */
export function CataloguePage() {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = readFilters(searchParams)

  const update = (change: FilterChange) => {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous)
      for (const [key, value] of Object.entries(change)) {
        if (value) next.set(key, value)
        else next.delete(key)
      }
      return next
    })
  }

  return (
    <div className="page-width page-section catalogue">
      <Typography.Title level={1}>{t('catalog.title')}</Typography.Title>
      <Typography.Paragraph className="page-lead">{t('catalog.lead')}</Typography.Paragraph>
      <CatalogueSearch value={filters.q ?? ''} onSearch={(q) => update({ q })} />
      <CatalogueFilters filters={filters} onChange={update} />
      <ServiceResults
        filters={filters}
        onClearFilters={
          hasFilters(filters)
            ? () => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))
            : undefined
        }
      />
    </div>
  )
}
