/**
 * The demo's case plans: `count` cases spread over the 14 months before `base`, each with its procedure, party,
 * cause, facts, penalty, team and the dated steps to run. Deterministic: the seed and the load day decide
 * everything. Pure: the calendar and the deadline rules come from the caller.
 */
import { CASE_STATUSES, type CaseSource, type CaseStatus, type Procedure } from '../core/case'
import type { WorkCalendar } from '../core/calendar'
import { addDays, chineseDate, daysBetween } from '../core/dates'
import { alertLevel, type AlertLevel, type DeadlineRule } from '../core/deadlines'
import { CHEMICAL, M, SPAN_DAYS, TEAMS, type DemoCause, type DemoParty, type Industry } from './material'
import {
  DWELL,
  EXIT_FROM,
  SOURCE_WEIGHTS,
  SPECIALS,
  STATUS_WEIGHTS,
  SUMMARY_TARGETS,
  TAIL,
  statusPath,
  timeline,
  type Item,
  type Special
} from './paths'
import { Rng } from './rng'

export interface Plan {
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

function fill(template: string, v: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m)
}

function roundTo(n: number, step: number): number {
  return Math.round(n / step) * step
}

export interface PlanInput {
  /** how many cases */
  count: number
  /** the load day: no step is dated after it */
  base: string
  calendar: WorkCalendar
  rules: readonly DeadlineRule[]
  /** the demo officers, in foundation.json order (teams are indexes into it) */
  officers: readonly { validUntil: string }[]
}

export function planCases(input: PlanInput): Plan[] {
  const { base, calendar: cal, rules, officers: officerRecs } = input
  const caseCount = input.count
  const r = new Rng(20261125)
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
  return plans
}
