/**
 * Calendar dates as ISO strings (YYYY-MM-DD), the only date format crossing the contract.
 * Pure arithmetic on the proleptic Gregorian calendar, in UTC, so no time zone can shift a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

function toEpochDay(iso: string): number {
  const m = ISO_DATE.exec(iso)
  if (!m || !isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from)
}

export function addDays(iso: string, days: number): string {
  return new Date((toEpochDay(iso) + days) * 86_400_000).toISOString().slice(0, 10)
}

/** The local calendar date of an instant (the user's desk is in China; callers pass their own offset). */
export function isoDateOf(instant: Date, utcOffsetMinutes = 8 * 60): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** An instant as the desk's clock shows it: `2026-11-25 10:15` (China time unless told). */
export function localDateTimeOf(instant: Date, utcOffsetMinutes = 8 * 60): string {
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** 2026-11-24 → 2026年11月24日 */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso)
  if (!m) return iso
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}
