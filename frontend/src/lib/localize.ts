import { useTranslation } from 'react-i18next'
import { DEFAULT_LANGUAGE, isLanguage } from '@/i18n'
import { localizeSchema } from './form-texts'
import type { Department, LocalizedText } from '@/lib/catalog/types'

/** Picks the current language out of the backend's bilingual texts. */
export function useLocalize() {
  const { i18n } = useTranslation()
  const english = i18n.resolvedLanguage === 'en-US'
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
  return {
    english,
    language,
    /** English when the portal is in English and the text has one; Chinese otherwise. */
    text: (value: LocalizedText | null | undefined): string =>
      (english ? value?.en || value?.zh : value?.zh || value?.en) ?? '',
    department: (department: Department): string =>
      english ? department.nameEn || department.nameZh : department.nameZh,
    list: (items: readonly string[]): string => items.join(english ? ', ' : '、'),
    /** A service's form with its titles, group titles and option titles in this language. */
    schema: <T>(schema: T): T => localizeSchema(schema, language),
  }
}
