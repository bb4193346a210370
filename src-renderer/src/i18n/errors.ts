/**
 * The one place an AppError becomes the text the user reads. The services write their message in zh-CN and name
 * the particular case (dates, numbers, names), so a Chinese UI shows it as is; any other language shows the
 * catalogue text for the code (errors.<locale>.ts), with `{name}` filled from the error's details. The server's
 * message is the fallback for a code the catalogue lacks (a newer server); the catalogue's zh-CN text stands in
 * for a Chinese error that came without a message.
 */
import type { AppError } from '../../../src-main/core/errors'
import { MESSAGES, type Locale } from './messages'

/** The language the services write their messages in. */
export const SERVER_LOCALE: Locale = 'zh-CN'

/** Interpolation values: the scalar details, plus `count` (how many field issues). */
function params(details: AppError['details']): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(details ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v
  if (Array.isArray(details?.issues) && out.count === undefined) out.count = details.issues.length
  return out
}

export function errorText(error: AppError, locale: Locale): string {
  if (locale === SERVER_LOCALE && error.message) return error.message
  const text = (MESSAGES[locale].errors as Partial<Record<string, string>>)[error.code]
  if (text === undefined) return error.message
  const values = params(error.details)
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
}
