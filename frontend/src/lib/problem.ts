import { useTranslation } from 'react-i18next'
import { isApiError } from '@/lib/api-client'

/** What people read about a failed call: the server's own localized words when it sent them. */
export interface ProblemMessage {
  status: number
  title: string
  detail?: string
  /** Field messages of a validation problem. */
  errors: string[]
}

function fieldErrors(errors: unknown): string[] {
  if (!Array.isArray(errors)) return []
  return errors
    .map((error: unknown) => {
      if (typeof error !== 'object' || error === null) return ''
      const { message } = error as { message?: unknown }
      return typeof message === 'string' ? message : ''
    })
    .filter((message) => message !== '')
}

/**
 * Turns an error into words. The backend answers problems in the language of the request
 * (Accept-Language), so its title and detail are shown as they are; without them (a proxy's
 * error page, no network) the portal says it in its own words.
 */
export function useProblemMessage() {
  const { t } = useTranslation()
  return (error: unknown): ProblemMessage => {
    const status = isApiError(error) ? error.status : 0
    const problem = isApiError(error) ? error.problem : undefined
    const fallback =
      status === 0
        ? t('workbench.problem.network')
        : status === 403
          ? t('workbench.problem.forbidden')
          : status === 404
            ? t('workbench.problem.notFound')
            : status === 409
              ? t('workbench.problem.conflict')
              : t('workbench.problem.unknown')
    // A 5xx title may be a technical message; people get the portal's words instead.
    const trusted = status >= 400 && status < 500
    return {
      status,
      title: (trusted && typeof problem?.title === 'string' && problem.title) || fallback,
      detail: trusted && typeof problem?.detail === 'string' ? problem.detail : undefined,
      errors: trusted ? fieldErrors(problem?.errors) : [],
    }
  }
}
