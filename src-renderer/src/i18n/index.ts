import { createI18n } from 'vue-i18n'
import zhCN, { type Messages } from './zh-CN'
import en from './en'
import dossierZhCN from './dossier.zh-CN'
import dossierEn from './dossier.en'
import reviewZhCN from './review.zh-CN'
import reviewEn from './review.en'
import publicityZhCN from './publicity.zh-CN'
import publicityEn from './publicity.en'
import errorsZhCN from './errors.zh-CN'
import errorsEn from './errors.en'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const STORAGE_KEY = 'casebinder.locale'

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale
  } catch {
    // storage unavailable: fall back to the default
  }
  return 'zh-CN'
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...zhCN, ...dossierZhCN, ...reviewZhCN, ...publicityZhCN, ...errorsZhCN },
    en: { ...en, ...dossierEn, ...reviewEn, ...publicityEn, ...errorsEn }
  }
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // not persisted; harmless
  }
}
