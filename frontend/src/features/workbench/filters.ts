import type { QueueFilters } from './api/get-tasks'
import { isQueueLight } from './types'

export const QUEUE_FILTER_KEYS = ['q', 'service', 'light', 'mine', 'page'] as const

/**
 * The queue filters a URL holds (its page counts from 1, as people do); values the backend
 * would not know are left out.
 */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const q = params.get('q')?.trim().slice(0, 100)
  const service = params.get('service')?.trim()
  const light = params.get('light')
  const page = Number.parseInt(params.get('page') ?? '', 10)
  return {
    ...(q ? { q } : {}),
    ...(service ? { service } : {}),
    ...(isQueueLight(light) ? { light } : {}),
    ...(params.get('mine') === 'true' ? { mine: true } : {}),
    ...(Number.isFinite(page) && page > 1 ? { page: page - 1 } : {}),
  }
}

export function hasQueueFilters(filters: QueueFilters): boolean {
  return Boolean(filters.q || filters.service || filters.light || filters.mine)
}
