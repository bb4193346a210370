/**
 * Value formatters used in document templates ({f.fine | amountCn}) and in the UI. Pure.
 */
import nzhcn from 'nzh/cn'
import { chineseDate, isIsoDate } from './dates'
import { maskResidentId } from './party'

/** Yuan with two decimals and thousands separators: 50,000.00 */
export function amountFigures(yuan: number): string {
  return yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** Capital numerals per the financial writing rules: 伍万元整 (nzh). */
export function amountCapitals(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`not an amount: ${yuan}`)
  return nzhcn.toMoney(Math.round(yuan * 100) / 100, { outSymbol: false })
}

/** 人民币伍万元整（¥50,000.00） — the form both figures and capitals must agree in. */
export function amountCn(yuan: number): string {
  return `人民币${amountCapitals(yuan)}（¥${amountFigures(yuan)}）`
}

/** 2026-11-24T09:05 (local) → 2026年11月24日9时05分 */
export function chineseDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(value)
  if (!m) return chineseDate(value)
  return `${chineseDate(m[1]!)}${Number(m[2])}时${m[3]}分`
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

export type Formatter = (value: unknown, arg?: string) => unknown

export const FORMATTER_FUNCTIONS: Record<string, Formatter> = {
  cnDate: (v) => (typeof v === 'string' && isIsoDate(v.slice(0, 10)) ? chineseDate(v.slice(0, 10)) : v),
  cnDateTime: (v) => (typeof v === 'string' ? chineseDateTime(v) : v),
  amountCn: (v) => {
    const n = toNumber(v)
    return n === null ? v : amountCn(n)
  },
  amountFig: (v) => {
    const n = toNumber(v)
    return n === null ? v : amountFigures(n)
  },
  amount: (v) => {
    const n = toNumber(v)
    return n === null ? v : amountCapitals(n)
  },
  upper: (v) => (typeof v === 'string' ? v.toUpperCase() : v),
  maskId: (v) => (typeof v === 'string' && v ? maskResidentId(v) : v),
  join: (v, sep) =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === 'object' && x && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join(sep ?? '、')
      : v,
  checkbox: (v) => (v ? '☑' : '☐'),
  default: (v, fallback) => (v === undefined || v === null || v === '' ? (fallback ?? '') : v),
  /** a lead-in such as "经查，" unless the text already opens with it (facts are often written starting 经查) */
  lead: (v, lead) => {
    if (typeof v !== 'string' || !v || !lead) return v
    const head = lead.replace(/[，,：:\s]+$/, '')
    return v.startsWith(head) ? v : lead + v
  }
}
