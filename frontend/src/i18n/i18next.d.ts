import 'i18next'
import type zhCN from './locales/zh-CN.json'
import type zhCNCertificates from './locales/zh-CN.certificates.json'
import type zhCNMigration from './locales/zh-CN.migration.json'
import type zhCNOfficials from './locales/zh-CN.officials.json'
import type zhCNRating from './locales/zh-CN.rating.json'
import type zhCNWorkbench from './locales/zh-CN.workbench.json'

// Chinese is the reference language: a key missing from it is a type error at the call site.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: {
      translation: typeof zhCN &
        typeof zhCNWorkbench &
        typeof zhCNOfficials &
        typeof zhCNCertificates &
        typeof zhCNMigration &
        typeof zhCNRating
    }
  }
}
