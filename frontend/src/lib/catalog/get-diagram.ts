import { queryOptions, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { currentLanguage, type Language } from '@/i18n'
import { apiClient } from '@/lib/api-client'

/**
 * A workflow version's Mermaid state diagram. The backend writes the labels in the request's
 * language, so the language is part of the key; a published version never changes.
 */
export const diagramQueryOptions = (url: string, language: Language) =>
  queryOptions({
    queryKey: ['catalog', 'diagram', url, language],
    queryFn: ({ signal }) => apiClient.getText(url, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })

/** The diagram in the interface language, asked for again when the language changes. */
export function useDiagram(url: string) {
  // Subscribes to language changes.
  useTranslation()
  return useQuery(diagramQueryOptions(url, currentLanguage()))
}
