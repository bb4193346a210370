/**
 * Redaction of personal data before publication (行政处罚信息 双公示, DOMAIN.md §5 "Redaction").
 *
 * A published decision must never show a natural person's resident ID number, phone numbers, home address or bank
 * account, anywhere in the text (a free-text facts paragraph included), while organisation names and unified social
 * credit codes stay intact. Detection has two sources:
 *   - the subjects' own data (listed values): matched exactly, ignoring blanks, hyphens and brackets between characters;
 *   - patterns that need no listing: 18-digit IDs passing the GB 11643 checksum with a valid birth date, 15-digit legacy
 *     IDs with a valid birth date, mainland mobile numbers, landlines with an area code, and 16–19-digit bank accounts
 *     passing the Luhn check (12–25 digits right after a keyword such as 账号/卡号/账户).
 * Precedence:
 *   1. strings in `keep` are never altered (every candidate touching one is dropped);
 *   2. listed values are always masked;
 *   3. pattern matches are dropped when they touch a valid unified social credit code that is not also a valid ID
 *      number, or the serial of a document number such as 〔2026〕13812345678号.
 * Overlapping candidates are resolved by taking the non-overlapping set that covers the most non-separator characters
 * (the longest match wins over anything inside it), so no two replacements overlap. redactText repeats the pass until
 * findSensitive finds nothing, so `findSensitive(redactText(t, s, o).text, s, o)` is empty.
 *
 * Digits are recognised in half and full width (１３８…); masks replace characters one for one with '*' and keep
 * the original separators, so `138-1234-5678` becomes `138-****-5678`. Pure: no I/O.
 */
import { isValidCreditCode } from './credit-code'
import { residentIdProblem } from './resident-id'

export interface RedactionSubject {
  /** natural persons (自然人, 个体工商户 operator, legal representative): their ID number, phones, addresses, bank accounts */
  idNumbers?: string[]
  phones?: string[]
  addresses?: string[]
  bankAccounts?: string[]
}

export interface RedactionOptions {
  /** strings that must never be altered (organisation names, credit codes of organisations) */
  keep?: string[]
  /** mask style for ID numbers: 'partial' keeps first 6 and last 4 (110101********1234), 'full' replaces all */
  idMask?: 'partial' | 'full'
}

export interface RedactionHit {
  kind: 'id' | 'phone' | 'address' | 'bank'
  start: number
  end: number
}

type Kind = RedactionHit['kind']

interface Found extends RedactionHit {
  listed: boolean
  replacement: string
}

type Range = readonly [number, number]

const ADDRESS_PLACEHOLDER = '（住址已隐去）'
/** listed values shorter than this (after removing separators) are ignored: they would match unrelated numbers */
const MIN_LISTED_LENGTH = 6
/** listed addresses, and address tails, shorter than this are ignored */
const MIN_ADDRESS_LENGTH = 4
const MAX_PASSES = 8
/** how far (in characters, no digits or sentence ends in between) a bank keyword may precede the number */
const BANK_KEYWORD_WINDOW = 12

/** separators people put between digit groups: blanks and hyphens or dashes, never a line break */
const SEP = /[ \t\u00a0\u3000\u2010-\u2015-]/.source
const SEP_RUN = new RegExp(`^${SEP}{1,3}$`)
/** what may sit between the characters of a listed value: separators, brackets and dots */
const LOOSE_SEP = /[ \t\u00a0\u3000\u2010-\u2015().-]/.source
const AREA_CORE = /(?:10|2\d|[3-9]\d{2})/.source
/** +86 10 62345678, (0571)87654321, 010-12345678, 0755 1234567, 075512345678 */
const LANDLINE = new RegExp(
  `(?<!\\d)((?:\\+|00)86${SEP}{0,3}\\(?0?${AREA_CORE}\\)?|\\(0${AREA_CORE}\\)|0${AREA_CORE})(${SEP}{0,3})(\\d{7,8})(?!\\d)`,
  'g'
)
const MOBILE = /^1[3-9]\d{9}$/
const BANK_KEYWORD = new RegExp(`(?:账号|帐号|账户|帐户|卡号|银行卡|account)[^\\d。;!?\\n]{0,${BANK_KEYWORD_WINDOW}}$`, 'i')
/** the serial of a document number: 〔2026〕13号, [2026]第13号, (2026)13号 */
const DOC_NUMBER = /[〔【[(]\s*(?:19|20)\d{2}\s*[〕】\])]\s*第?\s*(\d+)\s*号/dg
const CREDIT_CODE_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g
const ADMIN_UNITS = '省市区县旗镇乡'
const KIND_ORDER: Record<Kind, number> = { id: 0, phone: 1, bank: 2, address: 3 }

// ---------------------------------------------------------------------------------------------------------------------
// masks

/** Full-width ASCII variants (０-９, Ａ-Ｚ, （, －, …) to ASCII; one UTF-16 unit for one, so offsets are unchanged. */
function normalize(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

function isMaskable(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(normalize(c))
}

/** Replace every digit or letter of `s` whose index among the digits and letters is not kept by '*'. */
function maskChars(s: string, keep: (index: number, count: number) => boolean): string {
  const count = [...s].filter(isMaskable).length
  let index = 0
  let out = ''
  for (const c of s) {
    if (!isMaskable(c)) {
      out += c
      continue
    }
    out += keep(index, count) ? c : '*'
    index++
  }
  return out
}

/**
 * Mask a resident ID number. 'partial' keeps the first 6 and last 4 characters of an 18-character number
 * (110101********1234) and the first 6 and last 3 of a 15-digit legacy number; any other length, and 'full',
 * masks every digit and letter. Separators in the input are kept in place.
 */
export function maskIdNumber(id: string, style: 'partial' | 'full' = 'partial'): string {
  if (style === 'full') return maskChars(id, () => false)
  return maskChars(id, (i, n) => (n === 18 ? i < 6 || i >= 14 : n === 15 ? i < 6 || i >= 12 : false))
}

/** Mobile: 138****5678 (a +86 prefix is kept); landline: area code kept, subscriber digits masked; anything else fully. */
function maskPhone(s: string): string {
  const digits = normalize(s).replace(/\D/g, '')
  const mobile = /^((?:00)?86)?1[3-9]\d{9}$/.exec(digits)
  if (mobile) {
    const p = mobile[1]?.length ?? 0
    return maskChars(s, (i) => i < p + 3 || i >= p + 7)
  }
  const landline = new RegExp(`^((?:00)?86)?(0?${AREA_CORE})\\d{7,8}$`).exec(digits)
  if (landline && (landline[1] !== undefined || landline[2]!.startsWith('0'))) {
    const area = (landline[1]?.length ?? 0) + landline[2]!.length
    return maskChars(s, (i) => i < area)
  }
  return maskChars(s, () => false)
}

/** Bank account: only the last 4 digits stay. */
function maskBank(s: string): string {
  return maskChars(s, (i, n) => i >= n - 4)
}

function replacementFor(kind: Kind, original: string, idMask: 'partial' | 'full'): string {
  switch (kind) {
    case 'id':
      return maskIdNumber(original, idMask)
    case 'phone':
      return maskPhone(original)
    case 'bank':
      return maskBank(original)
    case 'address':
      return ADDRESS_PLACEHOLDER
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// checks

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

function isValidId18(s: string): boolean {
  return residentIdProblem(s) === null
}

/** 15-digit number (1984–1999 era): area code, YYMMDD of 19YY, 3-digit sequence; no check digit. */
function isValidLegacyId(s: string): boolean {
  return /^[1-9]\d{14}$/.test(s) && isValidDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)))
}

function luhn(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48
    if (double) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
    double = !double
  }
  return sum % 10 === 0
}

// ---------------------------------------------------------------------------------------------------------------------
// detection

function overlaps(start: number, end: number, ranges: readonly Range[]): boolean {
  return ranges.some(([s, e]) => start < e && s < end)
}

function keepRanges(norm: string, keep: readonly string[]): Range[] {
  const out: Range[] = []
  for (const raw of keep) {
    if (raw.trim() === '') continue
    const k = normalize(raw)
    for (let i = norm.indexOf(k); i >= 0; i = norm.indexOf(k, i + 1)) out.push([i, i + k.length])
  }
  return out
}

/** Organisation credit codes (valid GB 32100, not also a valid ID number) and document-number serials. */
function softRanges(norm: string): Range[] {
  const out: Range[] = []
  for (const m of norm.matchAll(CREDIT_CODE_TOKEN)) {
    if (isValidCreditCode(m[0]) && !isValidId18(m[0])) out.push([m.index, m.index + 18])
  }
  for (const m of norm.matchAll(DOC_NUMBER)) {
    const serial = m.indices?.[1]
    if (serial) out.push([serial[0], serial[1]])
  }
  return out
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/** A listed value (separators removed) found with up to 3 separators between any two characters, never inside a longer number. */
function looseRegExp(compact: string): RegExp {
  const body = [...compact].map(escapeRegExp).join(`${LOOSE_SEP}{0,3}`)
  const head = /^\d/.test(compact) ? '(?<!\\d)' : ''
  const tail = /\d$/.test(compact) ? '(?!\\d)' : ''
  return new RegExp(head + body + tail, 'gi')
}

function splitListed(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => normalize(v).split(/[,;、/|]|或/)).filter((v) => v.trim() !== '')
}

function compactAlnum(v: string): string {
  return v.replace(/[^0-9A-Za-z]/g, '').toUpperCase()
}

function phoneVariants(raw: string): string[] {
  const digits = raw.replace(/\D/g, '')
  const out = new Set<string>([digits])
  const intl = /^(?:00)?86(\d+)$/.exec(digits)
  if (intl) {
    const rest = intl[1]!
    out.add(MOBILE.test(rest) ? rest : `0${rest}`)
  }
  for (const v of [...out]) {
    const subscriber = new RegExp(`^0${AREA_CORE}(\\d{7,8})$`).exec(v)
    if (subscriber) out.add(subscriber[1]!)
  }
  return [...out].filter((v) => v.length >= MIN_LISTED_LENGTH)
}

/** The whole address and every tail after a province/city/district/county/banner/town/township that keeps ≥ 4 characters. */
function addressVariants(raw: string): string[] {
  const a = raw.replace(/\s+/g, '')
  if (a.length < MIN_ADDRESS_LENGTH) return []
  const out = [a]
  for (let i = 0; i < a.length; i++) {
    if (ADMIN_UNITS.includes(a.charAt(i)) && a.length - i - 1 >= MIN_ADDRESS_LENGTH) out.push(a.slice(i + 1))
  }
  const placeholder = normalize(ADDRESS_PLACEHOLDER)
  return out.filter((v) => !placeholder.includes(v))
}

function addressRegExp(variant: string): RegExp {
  const body = [...variant].map(escapeRegExp).join('\\s*')
  const head = /^\d/.test(variant) ? '(?<!\\d)' : ''
  const tail = /\d$/.test(variant) ? '(?!\\d)' : ''
  return new RegExp(head + body + tail, 'g')
}

interface Group {
  start: number
  end: number
  digits: string
}

/** Maximal digit runs, chained when only 1–3 blanks or hyphens separate them ("110101 19900307 1234"). */
function digitChains(norm: string): Group[][] {
  const chains: Group[][] = []
  let current: Group[] = []
  for (const m of norm.matchAll(/\d+/g)) {
    const group = { start: m.index, end: m.index + m[0].length, digits: m[0] }
    const prev = current[current.length - 1]
    if (prev && SEP_RUN.test(norm.slice(prev.end, group.start))) {
      current.push(group)
    } else {
      if (current.length > 0) chains.push(current)
      current = [group]
    }
  }
  if (current.length > 0) chains.push(current)
  return chains
}

function detect(text: string, subjects: RedactionSubject, options: RedactionOptions): Found[] {
  const norm = normalize(text)
  const hard = keepRanges(norm, options.keep ?? [])
  const soft = softRanges(norm)
  const idMask = options.idMask ?? 'partial'
  const found: Found[] = []
  const add = (kind: Kind, start: number, end: number, listed: boolean): void => {
    if (end <= start || overlaps(start, end, hard) || (!listed && overlaps(start, end, soft))) return
    found.push({ kind, start, end, listed, replacement: replacementFor(kind, text.slice(start, end), idMask) })
  }
  const addListed = (kind: Kind, variants: readonly string[]): void => {
    for (const v of new Set(variants)) {
      if (v.length < MIN_LISTED_LENGTH) continue
      for (const m of norm.matchAll(looseRegExp(v))) add(kind, m.index, m.index + m[0].length, true)
    }
  }

  // listed values
  addListed('id', splitListed(subjects.idNumbers).map(compactAlnum))
  addListed('phone', splitListed(subjects.phones).flatMap(phoneVariants))
  addListed('bank', splitListed(subjects.bankAccounts).map(compactAlnum))
  for (const raw of subjects.addresses ?? []) {
    for (const variant of addressVariants(normalize(raw))) {
      for (const m of norm.matchAll(addressRegExp(variant))) add('address', m.index, m.index + m[0].length, true)
    }
  }

  // patterns: every run of whole digit groups of a chain
  for (const chain of digitChains(norm)) {
    for (let i = 0; i < chain.length; i++) {
      let digits = ''
      let foursBefore = true // all groups i..j-1 have 4 digits (6222 0212 3456 7890 123)
      for (let j = i; j < chain.length; j++) {
        const group = chain[j]!
        if (j > i) foursBefore = foursBefore && chain[j - 1]!.digits.length === 4
        digits += group.digits
        if (digits.length > 25) break
        const start = chain[i]!.start
        const end = group.end
        const n = digits.length
        if (n === 18 && isValidId18(digits)) add('id', start, end, false)
        if (n === 17 && /[Xx]/.test(norm.charAt(end)) && isValidId18(`${digits}X`)) add('id', start, end + 1, false)
        if (n === 15 && isValidLegacyId(digits)) add('id', start, end, false)
        const mobile = /^((?:00)?86)?1[3-9]\d{9}$/.exec(digits)
        if (mobile) add('phone', mobile[1] !== undefined && norm.charAt(start - 1) === '+' ? start - 1 : start, end, false)
        const bankShape = j === i || (foursBefore && group.digits.length <= 4)
        if (
          bankShape &&
          ((n >= 16 && n <= 19 && luhn(digits)) || (n >= 12 && BANK_KEYWORD.test(norm.slice(Math.max(0, start - 20), start))))
        ) {
          add('bank', start, end, false)
        }
      }
    }
  }
  for (const m of norm.matchAll(LANDLINE)) {
    const [, prefix, sep, subscriber] = m
    // a bare area code glued to the number needs a subscriber number that can exist (not starting with 0 or 1)
    if (/^0\d+$/.test(prefix!) && sep === '' && !/^[2-9]/.test(subscriber!)) continue
    add('phone', m.index, m.index + m[0].length, false)
  }
  return select(found, norm)
}

function better(a: Found, b: Found): boolean {
  if (a.listed !== b.listed) return a.listed
  return KIND_ORDER[a.kind] < KIND_ORDER[b.kind]
}

/**
 * Weight of a candidate: its characters other than separators, doubled, plus one, so that the chosen set covers the
 * most characters, and of two sets covering the same characters the one with more (finer) hits wins — two adjacent
 * numbers rather than one spurious match spanning both.
 */
function weight(f: Found, norm: string): number {
  return 2 * norm.slice(f.start, f.end).replace(/[\s\u2010-\u2015().+-]/g, '').length + 1
}

/** The non-overlapping subset of greatest total weight (weighted interval scheduling); in text order. */
function select(found: readonly Found[], norm: string): Found[] {
  const byRange = new Map<string, Found>()
  for (const f of found) {
    const key = `${f.start}:${f.end}`
    const current = byRange.get(key)
    if (!current || better(f, current)) byRange.set(key, f)
  }
  const items = [...byRange.values()].sort((a, b) => a.end - b.end || a.start - b.start)
  const n = items.length
  const best = new Array<number>(n + 1).fill(0)
  const before = new Array<number>(n).fill(0)
  for (let k = 0; k < n; k++) {
    const item = items[k]!
    // number of earlier items ending at or before this one's start (ends are sorted)
    let lo = 0
    let hi = k
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (items[mid]!.end <= item.start) lo = mid + 1
      else hi = mid
    }
    before[k] = lo
    best[k + 1] = Math.max(best[k]!, weight(item, norm) + best[lo]!)
  }
  const chosen: Found[] = []
  for (let k = n; k > 0;) {
    const item = items[k - 1]!
    if (best[k] === best[k - 1]) {
      k--
    } else {
      chosen.push(item)
      k = before[k - 1]!
    }
  }
  return chosen.reverse()
}

// ---------------------------------------------------------------------------------------------------------------------
// API

function applyEdits(text: string, edits: readonly Found[]): string {
  let out = ''
  let at = 0
  for (const e of edits) {
    out += text.slice(at, e.start) + e.replacement
    at = e.end
  }
  return out + text.slice(at)
}

/** A position in the text after `edits` back to the text before them (inside a replacement: its start or end). */
function mapBack(pos: number, edits: readonly Found[], side: 'start' | 'end'): number {
  let delta = 0
  for (const e of edits) {
    const outStart = e.start + delta
    const outEnd = outStart + e.replacement.length
    if (pos <= outStart) return pos - delta
    if (pos < outEnd) return side === 'start' ? e.start : e.end
    if (pos === outEnd) return e.end
    delta += e.replacement.length - (e.end - e.start)
  }
  return pos - delta
}

/**
 * Mask every ID number, phone number, home address and bank account of the subjects (and every ID, phone or bank
 * account recognisable by its pattern) in `text`. Hits are ranges of the input text, in text order.
 */
export function redactText(
  text: string,
  subjects: RedactionSubject,
  options: RedactionOptions = {}
): { text: string; hits: RedactionHit[] } {
  const passes: Found[][] = []
  let current = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const found = detect(current, subjects, options)
    if (found.length === 0) break
    const next = applyEdits(current, found)
    if (next === current) break
    passes.push(found)
    current = next
  }
  const hits: RedactionHit[] = []
  passes.forEach((found, k) => {
    for (const f of found) {
      let start = f.start
      let end = f.end
      for (let q = k - 1; q >= 0; q--) {
        start = mapBack(start, passes[q]!, 'start')
        end = mapBack(end, passes[q]!, 'end')
      }
      hits.push({ kind: f.kind, start, end })
    }
  })
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  // a later pass can only re-mask what an earlier one left; report such a range once
  const merged: RedactionHit[] = []
  for (const h of hits) {
    const last = merged[merged.length - 1]
    if (last && h.start < last.end) last.end = Math.max(last.end, h.end)
    else merged.push(h)
  }
  return { text: current, hits: merged }
}

/** true when the text still contains something redactText would mask (for a final guard before export) */
export function findSensitive(text: string, subjects: RedactionSubject, options: RedactionOptions = {}): RedactionHit[] {
  return detect(text, subjects, options).map(({ kind, start, end }) => ({ kind, start, end }))
}
