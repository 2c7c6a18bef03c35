import type { ParseKeys } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useMatches } from 'react-router'

/** What a route may declare in its `handle`. */
export interface RouteHandle {
  titleKey?: ParseKeys
}

/** Keeps the browser tab's title in step with the page and the language. */
export function DocumentTitle() {
  const { t } = useTranslation()
  const matches = useMatches()
  const titleKey = matches
    .map((match) => (match.handle as RouteHandle | undefined)?.titleKey)
    .filter((key): key is ParseKeys => key !== undefined)
    .at(-1)
  const title = titleKey
    ? `${t(titleKey)} · ${t('app.documentTitle')}`
    : t('app.documentTitle')

  useEffect(() => {
    document.title = title
  }, [title])
  return null
}
