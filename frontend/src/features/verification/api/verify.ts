import { useMutation } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { VerificationResult } from '../types'

export const VERIFICATION_PATH = '/api/v1/certificates/verification'

export type VerificationInput = { token: string } | { file: File }

/**
 * Verifies a QR code's token or an uploaded file. The token goes in the body of a POST, never in an address,
 * so it stays out of access logs.
 */
export function useVerify() {
  return useMutation({
    mutationFn: (input: VerificationInput) => {
      if ('token' in input) return apiClient.post<VerificationResult>(VERIFICATION_PATH, { token: input.token })
      const form = new FormData()
      form.append('file', input.file)
      return apiClient.postForm<VerificationResult>(`${VERIFICATION_PATH}/file`, form)
    },
  })
}

/** The token of a pasted code or verification link (…/verify#t=<token>), or of an address's fragment. */
export function tokenOf(text: string): string {
  const trimmed = text.trim()
  const fragment = /[#&]t=([^&\s]+)/.exec(trimmed)
  if (fragment) {
    try {
      return decodeURIComponent(fragment[1]!)
    } catch {
      return fragment[1]!
    }
  }
  return trimmed
}
