import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { MigrationReport, MigrationRequest } from '../types'
import { adminServicesQueryOptions } from './get-admin-services'

export function migrationsPath(code: string): string {
  return `/api/v1/workflow-admin/services/${encodeURIComponent(code)}/migrations`
}

/** 试运行: where every running application of the old version would land, and what blocks it. Changes nothing. */
export function useMigrationDryRun(code: string) {
  return useMutation({
    mutationFn: (request: MigrationRequest) =>
      apiClient.post<MigrationReport>(`${migrationsPath(code)}/dry-run`, request),
  })
}

/**
 * 迁移: moves every application that can move, each checked again at that moment; the others stay as
 * they are and come back with their reasons. The versions' running counts change.
 */
export function useMigrate(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: MigrationRequest) => apiClient.post<MigrationReport>(migrationsPath(code), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminServicesQueryOptions.queryKey }),
  })
}
