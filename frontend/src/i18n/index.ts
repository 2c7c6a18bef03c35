import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import enUS from './locales/en-US.json'
import enUSCertificates from './locales/en-US.certificates.json'
import enUSMigration from './locales/en-US.migration.json'
import enUSOfficials from './locales/en-US.officials.json'
import enUSRating from './locales/en-US.rating.json'
import enUSWorkbench from './locales/en-US.workbench.json'
import zhCN from './locales/zh-CN.json'
import zhCNCertificates from './locales/zh-CN.certificates.json'
import zhCNMigration from './locales/zh-CN.migration.json'
import zhCNOfficials from './locales/zh-CN.officials.json'
import zhCNRating from './locales/zh-CN.rating.json'
import zhCNWorkbench from './locales/zh-CN.workbench.json'

export const LANGUAGES = ['zh-CN', 'en-US'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'
export const LANGUAGE_STORAGE_KEY = 'tongban.language'

export const resources = {
  'zh-CN': {
    translation: { ...zhCN, ...zhCNWorkbench, ...zhCNOfficials, ...zhCNCertificates, ...zhCNMigration, ...zhCNRating },
  },
  'en-US': {
    translation: { ...enUS, ...enUSWorkbench, ...enUSOfficials, ...enUSCertificates, ...enUSMigration, ...enUSRating },
  },
} as const

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language)
}

/** The language the person chose last time; a first visit gets Chinese. */
export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
  } catch {
    // Storage can be disabled (private mode, strict policies); the default still works.
    return DEFAULT_LANGUAGE
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Not remembering is acceptable; failing to switch is not.
  }
  await i18n.changeLanguage(language)
}

// Screen readers pick their pronunciation from <html lang>, so it follows every switch.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE
})

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  interpolation: {
    // React escapes what it renders.
    escapeValue: false,
  },
})

export default i18n
