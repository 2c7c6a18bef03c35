import { useTranslation } from 'react-i18next'
import type { Department, LocalizedText } from './types'

/** Picks the current language out of the backend's bilingual texts. */
export function useLocalize() {
  const { i18n } = useTranslation()
  const english = i18n.resolvedLanguage === 'en-US'
  return {
    english,
    /** English when the portal is in English and the text has one; Chinese otherwise. */
    text: (value: LocalizedText | null | undefined): string =>
      (english ? value?.en || value?.zh : value?.zh || value?.en) ?? '',
    department: (department: Department): string =>
      english ? department.nameEn || department.nameZh : department.nameZh,
    list: (items: readonly string[]): string => items.join(english ? ', ' : '、'),
  }
}
