import type { QueueFilters } from './api/get-tasks'
import { isQueueLight } from './types'

export const QUEUE_FILTER_KEYS = ['service', 'light', 'mine', 'page'] as const

/**
 * The queue filters a URL holds (its page counts from 1, as people do); values the backend
 * would not know are left out.
 */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const service = params.get('service')?.trim()
  const light = params.get('light')
  const page = Number.parseInt(params.get('page') ?? '', 10)
  return {
    ...(service ? { service } : {}),
    ...(isQueueLight(light) ? { light } : {}),
    ...(params.get('mine') === 'true' ? { mine: true } : {}),
    ...(Number.isFinite(page) && page > 1 ? { page: page - 1 } : {}),
  }
}

export function hasQueueFilters(filters: QueueFilters): boolean {
  return Boolean(filters.service || filters.light || filters.mine)
}
