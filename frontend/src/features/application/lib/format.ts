import { useTranslation } from 'react-i18next'

/** Dates and times in the interface language; the backend sends instants and plain dates. */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en-US' ? 'en-GB' : 'zh-CN'
  return {
    /** An instant, e.g. 2026年11月27日 08:25. */
    dateTime: (value: string | null | undefined): string =>
      value
        ? new Intl.DateTimeFormat(locale, {
            dateStyle: 'long',
            timeStyle: 'short',
            timeZone: 'Asia/Shanghai',
          }).format(new Date(value))
        : '',
    /** A plain date (yyyy-mm-dd), never shifted by the browser's time zone. */
    date: (value: string | null | undefined): string => {
      if (!value) return ''
      const [year, month, day] = value.slice(0, 10).split('-').map(Number)
      if (!year || !month || !day) return value
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, day)),
      )
    },
    /** The date of an instant in the city's time zone. */
    dayOf: (value: string | null | undefined): string =>
      value
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
            new Date(value),
          )
        : '',
    /** A time limit ends at midnight after its last working day: show that day. */
    dueDay: (value: string | null | undefined): string =>
      value
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
            new Date(new Date(value).getTime() - 1),
          )
        : '',
    bytes: (size: number): string =>
      size >= 1024 * 1024
        ? `${(size / 1024 / 1024).toFixed(1)} MB`
        : `${Math.max(1, Math.round(size / 1024))} KB`,
  }
}
