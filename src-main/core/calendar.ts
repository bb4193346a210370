/**
 * Working-day calendar and period arithmetic (期间计算). Pure.
 *
 * Counting rules (DOMAIN.md §8):
 * - the start day is not counted; counting begins the next day;
 * - working-day periods skip Saturdays, Sundays and statutory rest days, but count make-up workdays (调休上班日);
 * - calendar-day periods count every day; a last day on a rest day moves to the next working day;
 * - month periods end on the corresponding day of the target month, or its last day when there is none,
 *   then the rest-day rule applies;
 * - hour periods are computed on timestamps.
 * Years without official data fall back to weekends plus fixed-date and lunar-date holidays; every result
 * that touched such a year is flagged unverified.
 */
import { z } from 'zod'
import { addDays, isIsoDate } from './dates'

export const CalendarYearSchema = z
  .object({
    year: z.number().int().min(1949).max(2200),
    /** statutory rest days: holidays and the weekend days inside the holiday block */
    restDays: z.array(z.tuple([z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD'), z.string()])),
    /** weekend days worked instead (调休上班日) */
    makeupWorkdays: z.array(z.tuple([z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD'), z.string()]))
  })
  .superRefine((y, ctx) => {
    const seen = new Set<string>()
    for (const [list, label] of [
      [y.restDays, 'restDays'],
      [y.makeupWorkdays, 'makeupWorkdays']
    ] as const) {
      list.forEach(([d], i) => {
        if (!d.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path: [label, i], message: `${d} 不属于 ${y.year} 年` })
        if (seen.has(d)) ctx.addIssue({ code: 'custom', path: [label, i], message: `${d} 重复出现` })
        seen.add(d)
      })
    }
    for (const [d] of y.makeupWorkdays) {
      const dow = dayOfWeek(d)
      if (dow !== 0 && dow !== 6) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays'], message: `${d} 不是周末，不能作为调休上班日` })
    }
  })
export type CalendarYear = z.output<typeof CalendarYearSchema>

export interface CalendarData {
  /** identifies the data set; recorded with every computed deadline */
  version: string
  years: CalendarYear[]
}

/** 0 = Sunday … 6 = Saturday */
export function dayOfWeek(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

const lunarFormatter = (() => {
  try {
    return new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' })
  } catch {
    return null
  }
})()

/** Lunar month/day of a Gregorian date, when the runtime has ICU's Chinese calendar. */
function lunar(iso: string): { month: number; day: number; leap: boolean } | null {
  if (!lunarFormatter) return null
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const parts = lunarFormatter.formatToParts(new Date(Date.UTC(y, m - 1, d)))
  const month = parts.find((p) => p.type === 'month')?.value ?? ''
  const day = Number(parts.find((p) => p.type === 'day')?.value)
  const leap = month.includes('闰')
  const mm = Number(month.replace(/\D/g, ''))
  return Number.isFinite(mm) && Number.isFinite(day) && mm > 0 ? { month: mm, day, leap } : null
}

/**
 * Fallback rest days for a year without official data (全国年节及纪念日放假办法, 2024 revision, applied from 2025):
 * 元旦 1.1; 春节 lunar eve to 1.3; 劳动节 5.1–5.2; 端午 lunar 5.5; 中秋 lunar 8.15; 国庆 10.1–10.3. Before 2025 the eve and
 * 5.2 were not holidays. 清明 (a solar term) and the bridging arrangements cannot be derived, which is why such
 * results are flagged unverified.
 */
export function estimatedRestDay(iso: string): string | null {
  const md = iso.slice(5)
  const revised2024 = Number(iso.slice(0, 4)) >= 2025
  if (md === '01-01') return '元旦'
  if (md === '05-01' || (revised2024 && md === '05-02')) return '劳动节'
  if (md === '10-01' || md === '10-02' || md === '10-03') return '国庆节'
  const l = lunar(iso)
  if (!l || l.leap) return null
  if (l.month === 1 && l.day <= 3) return '春节'
  if (l.month === 12 && revised2024) {
    // lunar New Year's Eve is the last day of the 12th month (29th or 30th)
    const next = lunar(addDays(iso, 1))
    if (next && next.month === 1 && next.day === 1) return '春节'
  }
  if (l.month === 5 && l.day === 5) return '端午节'
  if (l.month === 8 && l.day === 15) return '中秋节'
  return null
}

export type PeriodUnit = 'WD' | 'CD' | 'months' | 'hours'

export interface PeriodResult {
  /** last day of the period (ISO date), or the instant for hour periods (ISO timestamp) */
  due: string
  /** false when any year the computation touched has no official calendar data */
  verified: boolean
  /** the years that lacked official data */
  unverifiedYears: number[]
  calendarVersion: string
  /** set when a calendar-day or month period's last day fell on a rest day and moved */
  rolledFrom?: string
}

export class WorkCalendar {
  private readonly rest = new Map<string, string>()
  private readonly makeup = new Map<string, string>()
  private readonly years = new Set<number>()
  private readonly estimates = new Map<string, string | null>()

  constructor(readonly data: CalendarData) {
    for (const y of data.years) {
      this.years.add(y.year)
      for (const [d, n] of y.restDays) this.rest.set(d, n)
      for (const [d, n] of y.makeupWorkdays) this.makeup.set(d, n)
    }
  }

  get version(): string {
    return this.data.version
  }

  hasOfficialData(year: number): boolean {
    return this.years.has(year)
  }

  officialYears(): number[] {
    return [...this.years].sort((a, b) => a - b)
  }

  /** Describe one day: is it a working day, and why. */
  day(iso: string): { workday: boolean; reason: 'weekday' | 'weekend' | 'holiday' | 'makeup'; name?: string; verified: boolean } {
    const year = Number(iso.slice(0, 4))
    const verified = this.years.has(year)
    const weekend = dayOfWeek(iso) === 0 || dayOfWeek(iso) === 6
    if (verified) {
      const m = this.makeup.get(iso)
      if (m !== undefined) return { workday: true, reason: 'makeup', name: m, verified }
      const r = this.rest.get(iso)
      if (r !== undefined) return { workday: false, reason: 'holiday', name: r, verified }
    } else {
      let est = this.estimates.get(iso)
      if (est === undefined) {
        est = estimatedRestDay(iso)
        this.estimates.set(iso, est)
      }
      if (est) return { workday: false, reason: 'holiday', name: est, verified }
    }
    return weekend ? { workday: false, reason: 'weekend', verified } : { workday: true, reason: 'weekday', verified }
  }

  isWorkday(iso: string): boolean {
    return this.day(iso).workday
  }

  private result(due: string, touched: Set<number>, rolledFrom?: string): PeriodResult {
    const unverifiedYears = [...touched].filter((y) => !this.years.has(y)).sort((a, b) => a - b)
    return {
      due,
      verified: unverifiedYears.length === 0,
      unverifiedYears,
      calendarVersion: this.data.version,
      ...(rolledFrom ? { rolledFrom } : {})
    }
  }

  /** The n-th working day after `start` (start not counted). n = 0 returns start itself. */
  addWorkingDays(start: string, n: number): PeriodResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('working-day periods are whole, non-negative numbers')
    const touched = new Set<number>([Number(start.slice(0, 4))])
    let d = start
    let left = n
    while (left > 0) {
      d = addDays(d, 1)
      touched.add(Number(d.slice(0, 4)))
      if (this.isWorkday(d)) left--
    }
    return this.result(d, touched)
  }

  /** Move a last day that is a rest day to the next working day. */
  private rollForward(last: string, touched: Set<number>): PeriodResult {
    let d = last
    while (!this.isWorkday(d)) {
      d = addDays(d, 1)
      touched.add(Number(d.slice(0, 4)))
    }
    return this.result(d, touched, d !== last ? last : undefined)
  }

  addCalendarDays(start: string, n: number): PeriodResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('calendar-day periods are whole, non-negative numbers')
    const last = addDays(start, n)
    return this.rollForward(last, new Set([Number(start.slice(0, 4)), Number(last.slice(0, 4))]))
  }

  /** 民法典 art. 202: the corresponding day of the target month, or its last day; then the rest-day rule. */
  addMonths(start: string, n: number): PeriodResult {
    const [y, m, d] = start.split('-').map(Number) as [number, number, number]
    const targetIndex = y * 12 + (m - 1) + n
    const ty = Math.floor(targetIndex / 12)
    const tm = (targetIndex % 12) + 1
    const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate()
    const last = `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
    return this.rollForward(last, new Set([y, ty]))
  }

  addHours(startInstant: string, n: number): PeriodResult {
    const t = Date.parse(startInstant)
    if (Number.isNaN(t)) throw new RangeError(`not a timestamp: ${startInstant}`)
    return { due: new Date(t + n * 3_600_000).toISOString(), verified: true, unverifiedYears: [], calendarVersion: this.data.version }
  }

  add(start: string, length: number, unit: PeriodUnit): PeriodResult {
    switch (unit) {
      case 'WD':
        return this.addWorkingDays(start, length)
      case 'CD':
        return this.addCalendarDays(start, length)
      case 'months':
        return this.addMonths(start, length)
      case 'hours':
        return this.addHours(start, length)
    }
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from)
    let count = 0
    for (let d = from; d < to;) {
      d = addDays(d, 1)
      if (this.isWorkday(d)) count++
    }
    return count
  }
}
