import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { CatalogueDataset } from '../types'

export const DATA_CATALOGUE_PATH = '/api/v1/exchange/catalogue'

export const dataCatalogueQueryOptions = queryOptions({
  queryKey: ['exchange', 'catalogue'],
  queryFn: ({ signal }) => apiClient.get<CatalogueDataset[]>(DATA_CATALOGUE_PATH, { signal }),
  // changes only when the platform ships a new catalogue
  staleTime: Infinity,
})

/** 数据目录: the datasets departments hold, with the titles of their fields. */
export function useDataCatalogue() {
  return useQuery(dataCatalogueQueryOptions)
}
