import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { Attachment } from '../types'
import { applicationKeys, applicationPath } from './applications'

export function attachmentPath(applicationId: string, attachmentId: string): string {
  return `${applicationPath(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`
}

/** Uploads one file for a material; the backend judges the type by the content, not the name. */
export function uploadAttachment(applicationId: string, material: string, file: File) {
  const body = new FormData()
  body.append('file', file)
  return apiClient.postForm<Attachment>(
    `${applicationPath(applicationId)}/attachments?material=${encodeURIComponent(material)}`,
    body,
  )
}

export function useUploadAttachment(applicationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ material, file }: { material: string; file: File }) =>
      uploadAttachment(applicationId, material, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationKeys.one(applicationId) }),
  })
}

export function useDeleteAttachment(applicationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (attachmentId: string) =>
      apiClient.delete<void>(attachmentPath(applicationId, attachmentId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationKeys.one(applicationId) }),
  })
}
