import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { AdminService, ValidationResult } from '../types'
import { adminServicesQueryOptions } from './get-admin-services'

export const VALIDATION_PATH = '/api/v1/workflow-definitions/validation'
export const PUBLISH_PATH = '/api/v1/workflow-admin/definitions'

/** Definitions travel as the YAML file itself, so that the backend reports problems by its lines. */
const YAML = 'application/yaml'

/** Where the file lives in the workflows folder: <category>/<code>.yaml. */
export interface DefinitionFile {
  file: string
  yaml: string
}

function withFile(path: string, file: string): string {
  return `${path}?${new URLSearchParams({ file }).toString()}`
}

/** Checks a definition without publishing it: { valid, problems }. */
export function useValidateDefinition() {
  return useMutation({
    mutationFn: ({ file, yaml }: DefinitionFile) =>
      apiClient.postText<ValidationResult>(withFile(VALIDATION_PATH, file), yaml, YAML),
  })
}

/**
 * Publishes a definition: the service with its new latest version (the same one when nothing
 * changed). An invalid file is a 400 problem whose `errors` are the definition's problems.
 */
export function usePublishDefinition() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, yaml }: DefinitionFile) =>
      apiClient.postText<AdminService>(withFile(PUBLISH_PATH, file), yaml, YAML),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminServicesQueryOptions.queryKey }),
  })
}
