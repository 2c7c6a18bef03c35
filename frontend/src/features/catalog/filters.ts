import type { ServiceFilters } from '@/lib/catalog/get-services'
import { isAudience, isCategory } from '@/lib/catalog/types'

export const FILTER_KEYS = ['q', 'category', 'department', 'audience'] as const

/** The catalogue filters a URL holds; values the backend would not know are left out. */
export function readFilters(params: URLSearchParams): ServiceFilters {
  const q = params.get('q')?.trim()
  const category = params.get('category')
  const department = params.get('department')?.trim()
  const audience = params.get('audience')
  return {
    ...(q ? { q } : {}),
    ...(isCategory(category) ? { category } : {}),
    ...(department ? { department } : {}),
    ...(isAudience(audience) ? { audience } : {}),
  }
}

export function hasFilters(filters: ServiceFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined)
}
