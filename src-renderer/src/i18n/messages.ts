/**
 * Every message, by locale: the main files (zh-CN.ts, en.ts, which take in cases.* and documents.*) and the areas,
 * merged the way vue-i18n sees them (i18n/index.ts). Plain data: tests and i18n/errors.ts read it without the DOM.
 */
import zhCN, { type Messages } from './zh-CN'
import en from './en'
import dossierZhCN from './dossier.zh-CN'
import dossierEn from './dossier.en'
import reviewZhCN from './review.zh-CN'
import reviewEn from './review.en'
import publicityZhCN from './publicity.zh-CN'
import publicityEn from './publicity.en'
import authZhCN from './auth.zh-CN'
import authEn from './auth.en'
import usersZhCN from './users.zh-CN'
import usersEn from './users.en'
import errorsZhCN from './errors.zh-CN'
import errorsEn from './errors.en'

export type { Messages }

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const MESSAGES = {
  'zh-CN': { ...zhCN, ...dossierZhCN, ...reviewZhCN, ...publicityZhCN, ...authZhCN, ...usersZhCN, ...errorsZhCN },
  en: { ...en, ...dossierEn, ...reviewEn, ...publicityEn, ...authEn, ...usersEn, ...errorsEn }
}
