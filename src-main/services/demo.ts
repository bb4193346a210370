/**
 * Demo data (演示数据): the agency, its officers, ~40 parties and `input.cases` cases spread over the 14 months before
 * the load day. Everything after the agency and officers goes through the ordinary services, step by step and in date
 * order, so each case has a real activity record, events, numbers and deadlines. Deterministic: a seeded PRNG
 * (mulberry32) and the load day decide everything; there is no Math.random here.
 */
import demo from '../../resources/demo/foundation.json'
import material from '../../resources/demo/cases.json'
import { AgencyInputSchema } from '../core/agency'
import { CASE_STATUSES, type CaseSource, type CaseStatus, type Procedure } from '../core/case'
import { contract } from '../contract'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../core/credit-code'
import { addDays, chineseDate, daysBetween } from '../core/dates'
import { alertLevel, type AlertLevel } from '../core/deadlines'
import { appError } from '../core/errors'
import { OfficerInputSchema } from '../core/officer'
import { PartyInputSchema, type PartyKind } from '../core/party'
import { residentIdCheckChar } from '../core/resident-id'
import { saveAgency, getAgency } from '../store/repos/agency'
import { insertOfficer, listOfficers } from '../store/repos/officers'
import { loadCalendar } from './calendar'
import { casesAdjustDeadline, casesFile, casesRecordEvent, casesRegister, casesSetFlag, casesTransition } from './cases'
import { change, today, type ServiceContext } from './context'
import { activeRules } from './deadlines'
import { partiesAdd } from './parties'
import { reviewDecide, reviewSubmit } from './review'
import { gateState } from './ops/review-gates'
import { discussionRecord, rightsWaive } from './hearings'
import { decisionGate } from '../core/gates'
import { REVIEW_ASPECTS, ReviewDecisionSchema } from '../core/legal-review'
import { caseReviews } from '../store/repos/review'

// ---------------------------------------------------------------------------------------------------------------
// material

interface Industry {
  label: string
  sites: string[]
  works: string[]
  equips: string[]
  ppe: string[]
  goods: string[]
  hotworks: string[]
  spaces: string[]
}
interface DemoParty {
  kind: PartyKind
  name: string
  district: string
  address: string
  phone: string
  industry?: string
  legalRep?: string
  legalRepPost?: string
  licences?: string
  birthDate?: string
  sex?: '男' | '女'
  employerOf?: string
  post?: string
}
interface DemoCause {
  cause: string
  industries: string[]
  summary: boolean
  fine: [number, number]
  facts: string
  n?: [number, number]
  target?: 'person'
}
interface Material {
  districts: Record<string, { code: string; postcode: string }>
  industries: Record<string, Industry>
  parties: DemoParty[]
  causes: DemoCause[]
  notes: Record<string, string>
}
const M = material as unknown as Material

/** How many days back the demo reaches (~14 months). */
const SPAN_DAYS = 425
/** Officer pairs (indexes into foundation.json officers); 刘芳 (法规科, legal reviewer) does not handle cases. */
const TEAMS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 5],
  [1, 5],
  [2, 3],
  [2, 5],
  [6, 1],
  [6, 5],
  [0, 2],
  [3, 1],
  [6, 2],
  [3, 5]
]
/** the bureau's heads who sit in collective discussions */
const HEADS = ['张卫东', '王建国', '刘芳', '周文斌'] as const
const CHEMICAL = new Set(['chem', 'hazdealer', 'fireworks'])
const EXTENSION_APPROVER = '局长 黄志远'

// ---------------------------------------------------------------------------------------------------------------
// deterministic randomness

class Rng {
  private a: number
  constructor(seed: number) {
    this.a = seed >>> 0
  }
  /** mulberry32 */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0
    let t = this.a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('demo: pick from an empty list')
    return list[Math.floor(this.next() * list.length)]!
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [v, w] of entries) {
      x -= w
      if (x < 0) return v
    }
    return entries.at(-1)![0]
  }
}

function hashSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

// ---------------------------------------------------------------------------------------------------------------
// identifiers with valid check characters

/** 9-character organisation code (GB 11714): 8 characters and a check character. */
function organisationCode(r: Rng): string {
  const body = Array.from({ length: 8 }, (_, i) =>
    i < 2 && r.chance(0.3) ? r.pick([...'ABCDEFGHJKLMNPQRTUWXY']) : String(r.int(0, 9))
  ).join('')
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, ch, i) => s + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * weights[i]!, 0)
  const c = 11 - (sum % 11)
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c))
}

/** Unified social credit code: 9 (market regulator) + 1 enterprise / 2 individual business, division, organisation code, check. */
export function demoCreditCode(name: string, kind: 'org' | 'sole', division: string): string {
  const r = new Rng(hashSeed(`cc:${name}`))
  let first17 = `9${kind === 'org' ? '1' : '2'}${division}${organisationCode(r)}`
  for (const ch of first17) if (!CREDIT_CODE_ALPHABET.includes(ch)) first17 = first17.replace(ch, '0')
  return first17 + creditCodeCheckChar(first17)
}

/** Resident ID: division, birth date, sequence whose last digit is odd for men and even for women, check. */
export function demoResidentId(name: string, division: string, birthDate: string, sex: '男' | '女'): string {
  const r = new Rng(hashSeed(`id:${name}:${birthDate}`))
  const last = r.int(0, 4) * 2 + (sex === '男' ? 1 : 0)
  const first17 = `${division}${birthDate.replace(/-/g, '')}${String(r.int(0, 99)).padStart(2, '0')}${last}`
  return first17 + residentIdCheckChar(first17)
}

// ---------------------------------------------------------------------------------------------------------------
// case plans

type Item =
  | { kind: 'status'; to: CaseStatus; off: number }
  | { kind: 'event'; type: 'paid' | 'published'; off: number }
  | { kind: 'extend'; length: number; off: number }
  | { kind: 'suspend'; off: number }

interface Special {
  target: CaseStatus
  /** the anchor status whose date makes deadline `rule` reach alert `level` today */
  anchor?: { status: CaseStatus; rule: string; level: AlertLevel }
  /** days since filing, with an extension of the decision period (延期) */
  extended?: { age: [number, number]; length: number }
  suspended?: boolean
  /** days in the current status */
  dwell?: [number, number]
  publish?: boolean
}

const SPECIALS: readonly Special[] = [
  { target: 'investigating', anchor: { status: 'filed', rule: 'decision', level: 'overdue' } },
  { target: 'internal_review', anchor: { status: 'filed', rule: 'decision', level: 'due1' } },
  { target: 'discussion', anchor: { status: 'filed', rule: 'decision', level: 'due3' } },
  { target: 'registered', anchor: { status: 'registered', rule: 'filing', level: 'due1' } },
  { target: 'registered', anchor: { status: 'registered', rule: 'filing', level: 'due3' } },
  { target: 'decided', anchor: { status: 'decided', rule: 'service', level: 'due3' }, publish: false },
  { target: 'closed', anchor: { status: 'closed', rule: 'archiving', level: 'overdue' } },
  { target: 'investigating', extended: { age: [96, 110], length: 30 } },
  { target: 'internal_review', extended: { age: [100, 115], length: 60 } },
  { target: 'hearing', extended: { age: [92, 104], length: 30 } },
  { target: 'legal_review', extended: { age: [88, 100], length: 30 } },
  { target: 'investigating', suspended: true, dwell: [20, 40] }
]

/** Share of cases by current status (scaled to the requested count). */
const STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['archived', 50],
  ['dossier', 8],
  ['closed', 10],
  ['closing_approval', 8],
  ['executing', 14],
  ['enforcement', 5],
  ['served', 6],
  ['decided', 6],
  ['discussion', 4],
  ['hearing', 3],
  ['notice', 6],
  ['legal_review', 4],
  ['internal_review', 6],
  ['investigating', 14],
  ['filed', 6],
  ['filing_approval', 4],
  ['registered', 8],
  ['not_filed', 6],
  ['revoked', 3],
  ['terminated', 3],
  ['transferred', 5],
  ['no_penalty', 5]
]
const SUMMARY_TARGETS = new Set<CaseStatus>([
  'archived',
  'dossier',
  'closed',
  'closing_approval',
  'executing',
  'enforcement',
  'transferred'
])
const SOURCE_WEIGHTS: readonly (readonly [CaseSource, number])[] = [
  ['inspection', 45],
  ['random', 20],
  ['complaint', 14],
  ['transfer', 7],
  ['assignment', 5],
  ['accident', 6]
]
const EXIT_FROM: Partial<Record<CaseStatus, readonly (readonly [CaseStatus, number])[]>> = {
  not_filed: [
    ['registered', 7],
    ['filing_approval', 3]
  ],
  transferred: [
    ['registered', 3],
    ['filed', 1],
    ['investigating', 3],
    ['internal_review', 2],
    ['discussion', 1]
  ],
  revoked: [
    ['filed', 1],
    ['investigating', 2],
    ['internal_review', 2]
  ],
  terminated: [
    ['filed', 1],
    ['investigating', 3],
    ['internal_review', 2],
    ['notice', 1]
  ],
  no_penalty: [
    ['internal_review', 4],
    ['legal_review', 1],
    ['notice', 3],
    ['hearing', 1],
    ['discussion', 1]
  ]
}
const TAIL: readonly CaseStatus[] = ['closing_approval', 'closed', 'dossier', 'archived']
/** Days the case has stayed in its current status, by status. */
const DWELL: Partial<Record<CaseStatus, [number, number]>> = {
  registered: [0, 12],
  filing_approval: [0, 6],
  filed: [0, 4],
  investigating: [0, 40],
  internal_review: [0, 12],
  legal_review: [0, 8],
  notice: [0, 6],
  hearing: [0, 8],
  discussion: [0, 6],
  decided: [0, 4],
  served: [0, 3],
  executing: [0, 30],
  enforcement: [5, 90],
  closing_approval: [0, 8],
  closed: [0, 20],
  dossier: [0, 8],
  not_filed: [0, 150],
  revoked: [0, 40],
  terminated: [0, 40],
  transferred: [0, 40],
  no_penalty: [0, 40]
}

interface Plan {
  procedure: Procedure
  source: CaseSource
  partyIndex: number
  extraPartyIndex: number | null
  cause: DemoCause
  facts: string
  penalty: { warning: boolean; fine: number }
  team: readonly [number, number]
  sourceDate: string
  items: (Item & { date: string })[]
  caseId: number
}

function gap(r: Rng, from: CaseStatus, to: CaseStatus): number {
  const g: Partial<Record<string, [number, number]>> = {
    'registered>filing_approval': [1, 3],
    'registered>filed': [1, 8],
    'filing_approval>filed': [1, 4],
    'filed>investigating': [0, 2],
    'investigating>internal_review': [12, 40],
    'internal_review>legal_review': [1, 4],
    'internal_review>notice': [2, 7],
    'legal_review>notice': [2, 6],
    'notice>hearing': [8, 14],
    'notice>discussion': [8, 14],
    'notice>decided': [8, 14],
    'hearing>discussion': [2, 7],
    'hearing>decided': [2, 6],
    'discussion>decided': [1, 4],
    'decided>served': [0, 4],
    'served>executing': [0, 1],
    'executing>enforcement': [20, 40],
    'executing>closing_approval': [1, 10],
    'enforcement>closing_approval': [1, 10],
    'closing_approval>closed': [1, 5],
    'closed>dossier': [2, 10],
    'dossier>archived': [2, 12],
    'registered>not_filed': [3, 12],
    'filing_approval>not_filed': [1, 5],
    'notice>no_penalty': [8, 14],
    'hearing>no_penalty': [2, 6],
    'discussion>no_penalty': [1, 4],
    'notice>terminated': [3, 20]
  }
  const range =
    g[`${from}>${to}`] ??
    (to === 'closing_approval' ? [1, 10] : to === 'transferred' || to === 'revoked' || to === 'terminated' ? [3, 20] : [2, 8])
  return r.int(range[0], range[1])
}

/** The statuses a case passes through to reach `target`. */
function statusPath(
  procedure: Procedure,
  target: CaseStatus,
  o: {
    approval: boolean
    legal: boolean
    hearing: boolean
    discussion: boolean
    enforcement: boolean
    exitFrom: CaseStatus | null
    exit: CaseStatus | null
  }
): CaseStatus[] {
  let main: CaseStatus[]
  if (procedure === 'summary') {
    main =
      o.exit === 'transferred'
        ? ['registered', 'transferred', ...TAIL]
        : ['registered', 'decided', 'served', 'executing', ...(o.enforcement ? ['enforcement' as const] : []), ...TAIL]
  } else {
    main = ['registered']
    if (o.approval) main.push('filing_approval')
    main.push('filed', 'investigating', 'internal_review')
    if (o.legal) main.push('legal_review')
    main.push('notice')
    if (o.hearing) main.push('hearing')
    if (o.discussion) main.push('discussion')
    main.push('decided', 'served', 'executing')
    if (o.enforcement) main.push('enforcement')
    main.push(...TAIL)
    if (o.exit && o.exitFrom) {
      main = [...main.slice(0, main.indexOf(o.exitFrom) + 1), o.exit, ...(o.exit === 'not_filed' ? [] : TAIL)]
    }
  }
  const at = main.indexOf(target)
  if (at < 0) throw new Error(`demo: ${target} is not on the planned path`)
  return main.slice(0, at + 1)
}

/** Offsets (days from the source date) of every step, with payment, publicity, extension and suspension. */
function timeline(r: Rng, procedure: Procedure, path: CaseStatus[], fine: number, publish: boolean): Item[] {
  const items: Item[] = [{ kind: 'status', to: 'registered', off: 0 }]
  let t = 0
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!
    const to = path[i]!
    if (to === 'closing_approval' && fine > 0 && (from === 'executing' || from === 'enforcement')) {
      // the fine is paid first: within the 15-day window, or after the court has enforced it
      const paidAt = t + (from === 'enforcement' ? r.int(20, 90) : r.int(2, 13))
      items.push({ kind: 'event', type: 'paid', off: paidAt })
      t = paidAt + r.int(1, 8)
    } else if (procedure === 'summary' && (to === 'decided' || to === 'served' || to === 'executing')) {
      // 当场处罚: decided and handed over on the spot
    } else if (procedure === 'summary' && to === 'transferred') {
      t += r.int(0, 3)
    } else {
      t += gap(r, from, to)
    }
    items.push({ kind: 'status', to, off: t })
    // publicity (公示) after the decision has been served, within 7 working days of the decision
    if (to === 'served' && publish) items.push({ kind: 'event', type: 'published', off: t + r.int(0, 3) })
    if (to === 'executing' && fine > 0 && i === path.length - 1) {
      // still executing: paid within the window, or not yet
      items.push({ kind: 'event', type: 'paid', off: t + r.int(2, 13) })
    }
  }
  return items.sort((a, b) => a.off - b.off)
}

// ---------------------------------------------------------------------------------------------------------------

function fill(template: string, v: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m)
}

function roundTo(n: number, step: number): number {
  return Math.round(n / step) * step
}

/** Seed the demo agency, officers, parties and cases into an empty home. Refuses to mix demo data into real data. */
/**
 * Load the demo in one transaction (the services' own transactions become savepoints): a failure leaves the
 * home empty and the load can be retried. Listeners get one data.changed event at the end.
 */
export function demoLoad(
  ctx: ServiceContext,
  input: { cases: number } = { cases: 0 }
): { officers: number; agency: boolean; parties: number; cases: number } {
  const quiet: ServiceContext = { ...ctx, emit: () => undefined }
  const result = ctx.home.db.transaction(() => demoLoadSteps(quiet, input)).immediate()
  ctx.emit({ type: 'data.changed', area: 'demo', action: 'demo.load' })
  return result
}

function demoLoadSteps(
  ctx: ServiceContext,
  input: { cases: number }
): { officers: number; agency: boolean; parties: number; cases: number } {
  const base = today(ctx)
  const caseCount = Math.max(0, Math.floor(input.cases))
  change(
    ctx,
    'demo',
    (db, at) => {
      if (getAgency(db) || listOfficers(db, true).length > 0) {
        throw appError('DEMO_NOT_EMPTY', '数据目录中已有数据，不能载入演示数据（请使用新的数据目录）')
      }
      saveAgency(db, AgencyInputSchema.parse(demo.agency), at)
      for (const o of demo.officers) {
        const { validUntilOffsetDays, ...rest } = o
        insertOfficer(db, OfficerInputSchema.parse({ ...rest, validUntil: addDays(base, validUntilOffsetDays) }), at)
      }
      return null
    },
    () => ({
      action: 'demo.load',
      targetType: 'home',
      targetId: null,
      summary: `载入演示数据：执法主体 1 个，执法人员 ${demo.officers.length} 名${caseCount > 0 ? `，当事人 ${M.parties.length} 个，案件 ${caseCount} 件（随后逐件登记、办理）` : ''}`,
      detail: {
        agency: demo.agency,
        officers: demo.officers,
        baseDate: base,
        parties: caseCount > 0 ? M.parties.length : 0,
        cases: caseCount
      }
    })
  )
  const officers = listOfficers(ctx.home.db, true)
  const officerRecs = demo.officers.map((o) => officers.find((x) => x.certNo === o.certNo)!)

  if (caseCount === 0) return { officers: demo.officers.length, agency: true, parties: 0, cases: 0 }

  // parties
  const partyIds: number[] = []
  for (const p of M.parties) {
    const d = M.districts[p.district]
    if (!d) throw new Error(`demo: unknown district ${p.district}`)
    const data =
      p.kind === 'person'
        ? {
            kind: 'person' as const,
            name: p.name,
            idNumber: demoResidentId(p.name, d.code, p.birthDate!, p.sex!),
            employer: p.employerOf ?? '',
            post: p.post ?? '',
            address: p.address,
            postcode: d.postcode,
            phone: p.phone
          }
        : {
            kind: p.kind,
            name: p.name,
            creditCode: demoCreditCode(p.name, p.kind, d.code),
            address: p.address,
            postcode: d.postcode,
            legalRep: p.legalRep!,
            ...(p.kind === 'org'
              ? { legalRepPost: p.legalRepPost ?? '' }
              : { operatorIdNumber: demoResidentId(p.legalRep!, d.code, p.birthDate!, p.sex!) }),
            phone: p.phone,
            licences: p.licences ?? ''
          }
    partyIds.push(partiesAdd(ctx, PartyInputSchema.parse(data)).id)
  }

  // plans
  const r = new Rng(20261125)
  const cal = loadCalendar(ctx.home.db)
  const rules = activeRules(ctx.home.db).rules
  const earliest = addDays(base, -SPAN_DAYS)
  const industryOf = (p: DemoParty): Industry => {
    const key = p.kind === 'person' ? M.parties.find((x) => x.name === p.employerOf)?.industry : p.industry
    return M.industries[key ?? 'general'] ?? M.industries.general!
  }
  const industryKey = (p: DemoParty): string =>
    (p.kind === 'person' ? M.parties.find((x) => x.name === p.employerOf)?.industry : p.industry) ?? 'general'
  const orgs = M.parties.map((p, i) => [p, i] as const).filter(([p]) => p.kind === 'org')
  const soles = M.parties.map((p, i) => [p, i] as const).filter(([p]) => p.kind === 'sole')
  const persons = M.parties.map((p, i) => [p, i] as const).filter(([p]) => p.kind === 'person')

  const targets: { target: CaseStatus; special: Special | null }[] = []
  if (caseCount >= CASE_STATUSES.length) for (const s of CASE_STATUSES) targets.push({ target: s, special: null })
  if (caseCount >= CASE_STATUSES.length + SPECIALS.length) for (const s of SPECIALS) targets.push({ target: s.target, special: s })
  while (targets.length < caseCount) targets.push({ target: r.weighted(STATUS_WEIGHTS), special: null })
  targets.length = caseCount

  /** a date whose deadline under `code` is at alert `level` today */
  const anchorDate = (code: string, level: AlertLevel): string | null => {
    const rule = rules.find((x) => x.code === code)
    if (!rule) return null
    // a working day if one fits; otherwise any day (a calendar-day period can only end on a working day)
    for (const workdayOnly of [true, false]) {
      for (let k = 0; k < 400; k++) {
        const d = addDays(base, -k)
        if (workdayOnly && !cal.isWorkday(d)) continue
        const due = cal.add(d, rule.length, rule.unit).due.slice(0, 10)
        if (alertLevel(due, base, null) === level && (level !== 'overdue' || daysBetween(due, base) >= 2)) return d
      }
    }
    return null
  }
  const snap = (d: string, dir: 1 | -1): string => {
    let x = d
    for (let i = 0; i < 10 && !cal.isWorkday(x); i++) x = addDays(x, dir)
    return cal.isWorkday(x) ? x : d
  }

  const plans: Plan[] = targets.map(({ target, special }) => {
    // procedure
    const summary = !special && SUMMARY_TARGETS.has(target) && r.chance(target === 'transferred' || target === 'enforcement' ? 0.35 : 0.6)
    const procedure: Procedure = summary ? 'summary' : 'general'
    // exits and optional steps
    let exit: CaseStatus | null = null
    let exitFrom: CaseStatus | null = null
    if (procedure === 'general') {
      if (EXIT_FROM[target]) exit = target
      else if (TAIL.includes(target) && r.chance(0.18)) exit = r.pick(['no_penalty', 'revoked', 'terminated', 'transferred'] as const)
      if (exit) exitFrom = r.weighted(EXIT_FROM[exit]!)
    } else if (target === 'transferred') exit = 'transferred'
    const needs = new Set<CaseStatus>([target, ...(exitFrom ? [exitFrom] : [])])
    // party and cause
    const personCase = procedure === 'general' && r.chance(0.08)
    const [party, partyIndex] = personCase
      ? r.pick(persons)
      : procedure === 'summary'
        ? r.chance(0.65)
          ? r.pick(orgs)
          : r.pick(soles)
        : r.chance(0.85)
          ? r.pick(orgs)
          : r.pick(soles)
    const big = party.kind === 'org' ? 50000 : 20000
    const forceBig = needs.has('legal_review') || needs.has('hearing') || needs.has('discussion')
    const ind = industryKey(party)
    let causes = M.causes.filter(
      (c) => (party.kind === 'person') === (c.target === 'person') && (c.industries.includes('*') || c.industries.includes(ind))
    )
    if (procedure === 'summary') causes = causes.filter((c) => c.summary)
    if (forceBig) causes = causes.filter((c) => c.fine[1] >= big)
    const cause = r.pick(causes)
    // penalty
    let penalty: { warning: boolean; fine: number }
    if (procedure === 'summary') {
      // a warning needs no payment, so cases still being executed carry a fine
      const warn = target !== 'executing' && target !== 'enforcement'
      penalty =
        party.kind === 'org'
          ? warn && r.chance(0.15)
            ? { warning: true, fine: 0 }
            : { warning: false, fine: r.int(1, 6) * 500 }
          : warn && r.chance(0.4)
            ? { warning: true, fine: 0 }
            : { warning: false, fine: r.int(1, 4) * 50 }
    } else {
      const hi = party.kind === 'sole' ? (cause.fine[0] + cause.fine[1]) / 2 : cause.fine[1]
      let fine = roundTo(cause.fine[0] + r.next() * (hi - cause.fine[0]), 1000)
      if (forceBig) fine = Math.min(cause.fine[1], Math.max(fine, big))
      penalty = { warning: false, fine }
    }
    const isBig = procedure === 'general' && penalty.fine >= big
    const path = statusPath(procedure, target, {
      approval: needs.has('filing_approval') || r.chance(0.35),
      legal: needs.has('legal_review') || isBig || r.chance(0.08),
      hearing: needs.has('hearing') || (isBig && r.chance(0.4)),
      discussion: needs.has('discussion') || isBig || r.chance(0.06),
      enforcement: needs.has('enforcement') || (TAIL.includes(target) && penalty.fine > 0 && r.chance(0.06)),
      exit,
      exitFrom
    })
    const publish = special?.publish ?? true
    let items = timeline(r, procedure, path, penalty.fine, publish)
    const lastStatus = [...items].reverse().find((i) => i.kind === 'status')!
    const L = lastStatus.off
    // place on the calendar
    let anchorIdx = -1
    let anchorAt = ''
    const anchored = special?.anchor ? anchorDate(special.anchor.rule, special.anchor.level) : null
    if (special?.anchor && anchored) {
      anchorIdx = items.findIndex((i) => i.kind === 'status' && i.to === special.anchor!.status)
      anchorAt = anchored
    }
    let start: string
    const anchorOff = anchorIdx >= 0 ? items[anchorIdx]!.off : null
    if (anchorOff !== null) start = addDays(anchorAt, -anchorOff)
    else if (special?.extended) {
      const filedOff = items.find((i) => i.kind === 'status' && i.to === 'filed')!.off
      start = addDays(base, -r.int(special.extended.age[0], special.extended.age[1]) - filedOff)
    } else {
      const dw = special?.dwell ?? DWELL[target] ?? [0, Math.max(0, SPAN_DAYS - L - 5)]
      start = addDays(base, -r.int(dw[0], dw[1]) - L)
    }
    if (start < earliest) start = earliest
    // general cases still awaiting a decision: keep within the 90-day limit, or extend it (延期)
    const filed = items.find((i) => i.kind === 'status' && i.to === 'filed')
    const settled = items.some(
      (i) => i.kind === 'status' && ['decided', 'no_penalty', 'revoked', 'terminated', 'transferred'].includes(i.to)
    )
    let extension = special?.extended?.length ?? 0
    if (procedure === 'general' && filed && !settled && !special) {
      const age = daysBetween(addDays(start, filed.off), base)
      if (age > 84) {
        if (r.chance(0.5)) extension = age > 112 ? 60 : 30
        else start = addDays(start, age - r.int(60, 84))
      }
    }
    if (extension > 0 && filed) items.push({ kind: 'extend', length: extension, off: filed.off + r.int(70, 85) })
    if (special?.suspended) {
      const inv = items.find((i) => i.kind === 'status' && i.to === 'investigating')!
      items.push({ kind: 'suspend', off: inv.off + r.int(2, 10) })
    }
    items = items.sort((a, b) => a.off - b.off)
    // dates: working days, ordered, never after today; an anchor keeps its date
    let prev = ''
    const dated: (Item & { date: string })[] = []
    for (const it of items) {
      let d = addDays(start, it.off)
      if (anchorOff !== null && it.off === anchorOff) d = anchorAt
      else d = snap(d, anchorOff !== null && it.off < anchorOff ? -1 : 1)
      if (d < prev) d = prev
      if (d > base) {
        if (it.kind === 'event' || it.kind === 'extend' || it.kind === 'suspend') continue
        d = base
      }
      prev = d
      dated.push({ ...it, date: d })
    }
    const sourceDate = dated[0]!.date
    // officers valid on the day rule 1 is checked
    const checkOn = dated.find((i) => i.kind === 'status' && i.to === (procedure === 'summary' ? 'decided' : 'filed'))?.date ?? sourceDate
    const valid = TEAMS.filter((t) => t.every((i) => officerRecs[i]!.validUntil >= checkOn && officerRecs[i]!.validUntil >= sourceDate))
    const chem = valid.filter((t) => t.includes(6))
    const team = CHEMICAL.has(ind) && chem.length && r.chance(0.7) ? r.pick(chem) : r.pick(valid)
    // facts
    const n = cause.n ? r.int(cause.n[0], cause.n[1]) : r.int(1, 5)
    const industry = industryOf(party)
    const facts = fill(cause.facts, {
      party: party.name,
      date: chineseDate(sourceDate),
      address: party.address,
      site: r.pick(industry.sites),
      n: String(n),
      work: r.pick(industry.works).replace(/(作业)?$/, '作业'),
      equip: r.pick(industry.equips),
      ppe: r.pick(industry.ppe),
      goods: r.pick(industry.goods),
      hotwork: r.pick(industry.hotworks),
      space: r.pick(industry.spaces),
      label: industry.label,
      employer: party.employerOf ?? ''
    })
    // 双罚: the principal also answers for some of a unit's violations
    const principal = persons.find(([p]) => p.employerOf === party.name)
    const extraPartyIndex = procedure === 'general' && principal && cause.fine[1] >= 50000 && r.chance(0.3) ? principal[1] : null
    const source: CaseSource = procedure === 'summary' ? r.pick(['inspection', 'random'] as const) : r.weighted(SOURCE_WEIGHTS)
    return { procedure, source, partyIndex, extraPartyIndex, cause, facts, penalty, team, sourceDate, items: dated, caseId: 0 }
  })

  // the legal reviewer (法规科) is never on a case team, so she may review every case
  const reviewer = officerRecs.find((o) => o.legalReviewer)!
  const approve = (reviewId: number, date: string) =>
    reviewDecide(ctx, {
      reviewId,
      decidedOn: date,
      decision: ReviewDecisionSchema.parse({
        outcome: 'approved',
        aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])),
        opinion: '执法主体合法，事实清楚，证据确凿，适用依据正确，程序合法，裁量适当，同意承办机构的处理意见。'
      })
    })
  /** a review still in progress is decided (approved) the day the case moves on */
  const closeReview = (caseId: number, date: string) => {
    const open = caseReviews(ctx.home.db, caseId).find((x) => x.status === 'in_review')
    if (open) approve(open.id, date)
  }
  /** the steps the decision gates ask for that the plan did not spell out: a written waiver, a review, a discussion */
  const satisfyGates = (caseId: number, date: string, kind: 'penalty' | 'no_penalty') => {
    for (const g of decisionGate(gateState(ctx.home.db, caseId, { draft: null, decisionDate: date, kind }))) {
      if (g.code === 'GATE_WINDOW_OPEN') {
        for (const right of ['statement', 'hearing'] as const)
          rightsWaive(ctx, { caseId, right, date, note: '当事人书面声明放弃陈述、申辩和听证的权利' })
      } else if (g.code === 'GATE_REVIEW_REQUIRED') {
        approve(reviewSubmit(ctx, { caseId, reviewerId: reviewer.id, note: '提请法制审核', submittedOn: date }).id, date)
      } else if (g.code === 'GATE_DISCUSSION_REQUIRED') {
        discussionRecord(ctx, {
          caseId,
          heldOn: date,
          chair: HEADS[0]!,
          attendees: [...HEADS],
          conclusion: kind,
          conclusionText: '同意承办机构的处理意见',
          record: ''
        })
      }
    }
  }

  // run every step in date order, through the services
  const steps = plans.flatMap((p, pi) => p.items.map((it, si) => ({ p, pi, si, it })))
  steps.sort((a, b) => (a.it.date < b.it.date ? -1 : a.it.date > b.it.date ? 1 : a.pi - b.pi || a.si - b.si))
  const note = (key: string) => M.notes[key] ?? ''
  const fineText = (p: Plan) => (p.penalty.fine > 0 ? `罚款人民币${p.penalty.fine}元` : '警告')
  for (const { p, it } of steps) {
    if (it.kind === 'status' && it.to === 'registered') {
      const input = contract['cases.register'].input.parse({
        source: p.source,
        sourceDate: it.date,
        procedure: p.procedure,
        cause: p.cause.cause,
        facts: p.facts,
        parties: [
          { partyId: partyIds[p.partyIndex]!, role: 'party' },
          ...(p.extraPartyIndex !== null ? [{ partyId: partyIds[p.extraPartyIndex]!, role: 'responsible_person' as const }] : [])
        ],
        officerIds: p.team.map((i) => officerRecs[i]!.id),
        intendedPenalty: p.penalty
      })
      p.caseId = casesRegister(ctx, input).id
    } else if (it.kind === 'status' && it.to === 'filed') {
      casesFile(ctx, contract['cases.file'].input.parse({ id: p.caseId, filedOn: it.date, note: note('filed') }))
    } else if (it.kind === 'status' && p.procedure === 'general' && it.to === 'legal_review') {
      // a real review round: submitted to the legal reviewer, decided when the case moves on
      reviewSubmit(ctx, { caseId: p.caseId, reviewerId: reviewer.id, note: '案件拟作出较大数额罚款，提请法制审核', submittedOn: it.date })
    } else if (it.kind === 'status' && p.procedure === 'general' && it.to === 'discussion') {
      const next = p.items[p.items.indexOf(it) + 1]
      const to = next?.kind === 'status' ? next.to : 'decided'
      closeReview(p.caseId, it.date)
      discussionRecord(ctx, {
        caseId: p.caseId,
        heldOn: it.date,
        chair: HEADS[0]!,
        attendees: [...HEADS],
        conclusion: to === 'no_penalty' ? 'no_penalty' : to === 'transferred' ? 'transfer' : 'penalty',
        conclusionText:
          to === 'no_penalty'
            ? '违法行为轻微并及时改正，没有造成危害后果，决定不予行政处罚'
            : to === 'transferred'
              ? '涉嫌犯罪，移送司法机关'
              : `同意承办机构意见，${fineText(p)}`,
        record: ''
      })
    } else if (it.kind === 'status') {
      const key = p.procedure === 'summary' && ['decided', 'served', 'transferred'].includes(it.to) ? `summary_${it.to}` : it.to
      const text = it.to === 'decided' ? `${note(key)}：${fineText(p)}` : note(key)
      closeReview(p.caseId, it.date)
      if (p.procedure === 'general' && (it.to === 'decided' || it.to === 'no_penalty'))
        satisfyGates(p.caseId, it.date, it.to === 'decided' ? 'penalty' : 'no_penalty')
      casesTransition(ctx, contract['cases.transition'].input.parse({ id: p.caseId, to: it.to, date: it.date, note: text }))
    } else if (it.kind === 'event') {
      const text = it.type === 'paid' ? `${note('paid')}${p.penalty.fine}元` : note('published')
      casesRecordEvent(ctx, contract['cases.recordEvent'].input.parse({ id: p.caseId, type: it.type, date: it.date, note: text }))
    } else if (it.kind === 'extend') {
      casesAdjustDeadline(
        ctx,
        contract['deadlines.adjust'].input.parse({
          caseId: p.caseId,
          adjustment: {
            code: 'decision',
            kind: 'extension',
            length: it.length,
            reason: '案情复杂，需进一步调查取证，经负责人批准延长办案期限',
            approvedBy: EXTENSION_APPROVER
          }
        })
      )
    } else {
      casesSetFlag(
        ctx,
        contract['cases.setFlag'].input.parse({
          id: p.caseId,
          flag: 'suspended',
          on: true,
          reason: '涉案设备需委托检测机构进行技术鉴定，案件中止调查'
        })
      )
    }
  }
  return { officers: demo.officers.length, agency: true, parties: partyIds.length, cases: plans.length }
}
