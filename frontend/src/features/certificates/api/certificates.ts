import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '@/lib/api-client'
import type { AdminDetail, AdminPage, CertificateDetail, CertificateSummary } from '../types'

export const WALLET_PATH = '/api/v1/certificates'
export const ADMIN_PATH = '/api/v1/certificate-admin/certificates'

const enc = encodeURIComponent

/** Where the holder's browser downloads the PDF and the QR code: same origin, so the session cookie goes along. */
export const pdfHref = (number: string) => `${WALLET_PATH}/${enc(number)}/pdf`
export const qrHref = (number: string) => `${WALLET_PATH}/${enc(number)}/qr`

export function useWallet(enabled: boolean) {
  return useQuery({
    queryKey: ['certificates', 'wallet'],
    queryFn: ({ signal }) => apiClient.get<CertificateSummary[]>(WALLET_PATH, { signal }),
    enabled,
  })
}

export function useCertificate(number: string, enabled: boolean) {
  return useQuery({
    queryKey: ['certificates', 'wallet', number],
    queryFn: ({ signal }) => apiClient.get<CertificateDetail>(`${WALLET_PATH}/${enc(number)}`, { signal }),
    enabled,
  })
}

export const ADMIN_PAGE_SIZE = 20

export function useIssuedCertificates(q: string, page: number) {
  return useQuery({
    queryKey: ['certificate-admin', 'list', q, page],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), size: String(ADMIN_PAGE_SIZE) })
      if (q) params.set('q', q)
      return apiClient.get<AdminPage>(`${ADMIN_PATH}?${params}`, { signal })
    },
    placeholderData: keepPreviousData,
  })
}

export function useIssuedCertificate(number: string) {
  return useQuery({
    queryKey: ['certificate-admin', 'detail', number],
    queryFn: ({ signal }) => apiClient.get<AdminDetail>(`${ADMIN_PATH}/${enc(number)}`, { signal }),
  })
}

export function useRevokeCertificate(number: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) => apiClient.post<AdminDetail>(`${ADMIN_PATH}/${enc(number)}/revocation`, { reason }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['certificate-admin', 'detail', number], detail)
      void queryClient.invalidateQueries({ queryKey: ['certificate-admin', 'list'] })
    },
  })
}
