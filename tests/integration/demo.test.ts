import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHome, type TestHome } from '../helpers'
import { call } from '../../src-main/services'
import { CASE_STATUSES, type CaseStatus } from '../../src-main/core/case'
import type { CaseSummary } from '../../src-main/core/case-views'
import { isValidCreditCode } from '../../src-main/core/credit-code'
import { isValidResidentId, residentIdInfo } from '../../src-main/core/resident-id'
import { AppErrorException } from '../../src-main/core/errors'
import { demoCreditCode, demoResidentId } from '../../src-main/demo/identifiers'

const TODAY = '2026-11-25'
/** general-procedure statuses that can only be reached through 立案 */
const AFTER_FILING: readonly CaseStatus[] = [
  'filed',
  'investigating',
  'internal_review',
  'legal_review',
  'notice',
  'hearing',
  'discussion',
  'decided',
  'served',
  'executing',
  'enforcement',
  'revoked',
  'terminated',
  'no_penalty'
]

async function allCases(t: TestHome): Promise<CaseSummary[]> {
  const { total, items } = await call(t.ctx, 'cases.list', { limit: 500 })
  expect(items).toHaveLength(total)
  return items.sort((a, b) => a.id - b.id)
}

async function failure(fn: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await fn()
  } catch (e) {
    if (e instanceof AppErrorException) return e.appError
    throw e
  }
  throw new Error('expected a failure')
}

describe('demo data (演示数据)', () => {
  let t: TestHome
  let cases: CaseSummary[]
  let loadMs = 0

  beforeAll(async () => {
    t = await makeHome()
    const start = performance.now()
    const r = await call(t.ctx, 'demo.load', { cases: 220 })
    loadMs = performance.now() - start
    expect(r).toMatchObject({ officers: 7, agency: true, cases: 220 })
    expect(r.parties).toBeGreaterThanOrEqual(30)
    cases = await allCases(t)
  }, 120_000)
  afterAll(() => t.cleanup())

  it('loads in reasonable time', () => {
    // a few seconds on a desktop; generous here because CI machines are shared
    expect(loadMs).toBeLessThan(60_000)
  })

  it('has 30+ parties of all three kinds with valid credit codes and ID numbers', async () => {
    const parties = await call(t.ctx, 'parties.list', { limit: 500 })
    expect(parties.length).toBeGreaterThanOrEqual(30)
    const kinds = new Set(parties.map((p) => p.kind))
    expect([...kinds].sort()).toEqual(['org', 'person', 'sole'])
    expect(parties.filter((p) => p.kind === 'org').length).toBeGreaterThan(parties.length / 2)
    for (const p of parties) {
      const d = p.data as Record<string, string>
      if (p.kind === 'person') {
        expect(isValidResidentId(d.idNumber!, TODAY), d.idNumber).toBe(true)
        expect(residentIdInfo(d.idNumber!).birthDate >= '1940-01-01').toBe(true)
        expect(d.birthDate! <= '2008-11-25').toBe(true) // adults
      } else {
        expect(isValidCreditCode(d.creditCode!), d.creditCode).toBe(true)
        expect(d.creditCode!.slice(0, 2)).toBe(p.kind === 'org' ? '91' : '92')
        if (d.operatorIdNumber) expect(isValidResidentId(d.operatorIdNumber, TODAY)).toBe(true)
      }
    }
  })

  it('generates identifiers deterministically with correct sex digits', () => {
    expect(demoCreditCode('某公司', 'org', '360405')).toBe(demoCreditCode('某公司', 'org', '360405'))
    const man = demoResidentId('张三', '360403', '1980-02-29', '男')
    const woman = demoResidentId('李四', '360403', '1990-12-31', '女')
    expect(residentIdInfo(man)).toEqual({ birthDate: '1980-02-29', sex: '男' })
    expect(residentIdInfo(woman)).toEqual({ birthDate: '1990-12-31', sex: '女' })
    expect(isValidResidentId(man) && isValidResidentId(woman)).toBe(true)
  })

  it('has 200+ cases in every status and both procedures, about a quarter summary', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200)
    const statuses = new Set(cases.map((c) => c.status))
    for (const s of CASE_STATUSES) expect(statuses.has(s), s).toBe(true)
    const summary = cases.filter((c) => c.procedure === 'summary').length
    expect(summary).toBeGreaterThan(cases.length * 0.15)
    expect(summary).toBeLessThan(cases.length * 0.4)
    expect(cases.some((c) => c.extended)).toBe(true)
    expect(cases.filter((c) => c.suspended)).toHaveLength(1)
  })

  it('numbers every filed general case and every summary decision', () => {
    for (const c of cases) {
      if (c.procedure === 'general' && (AFTER_FILING.includes(c.status) || c.filedOn !== null)) {
        expect(c.number, `${c.id} ${c.status}`).toMatch(/^（江）应急立〔\d{4}〕\d+号$/)
        expect(c.filedOn).not.toBeNull()
      }
      if (c.procedure === 'general' && ['registered', 'filing_approval', 'not_filed'].includes(c.status)) expect(c.number).toBeNull()
      if (c.procedure === 'summary' && !['registered', 'transferred'].includes(c.status) && c.number) {
        expect(c.number).toMatch(/^（江）应急当罚〔\d{4}〕\d+号$/)
      }
    }
    const numbers = cases.map((c) => c.number).filter((n): n is string => n !== null)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('spreads cases over the last 14 months with ordered, past event dates', async () => {
    const sourceDates = cases.map((c) => c.sourceDate).sort()
    expect(sourceDates[0]! >= '2025-09-25').toBe(true)
    expect(sourceDates[0]! < '2026-01-01').toBe(true)
    expect(sourceDates.at(-1)! <= TODAY).toBe(true)
    let paid = 0
    let published = 0
    for (const c of cases) {
      const d = await call(t.ctx, 'cases.get', { ref: String(c.id) })
      const dates = d.events.map((e) => e.date)
      expect([...dates].sort()).toEqual(dates)
      expect(dates[0]).toBe(c.sourceDate)
      expect(dates.at(-1)! <= TODAY).toBe(true)
      expect(d.facts).toMatch(/^经查，/)
      paid += d.events.filter((e) => e.type === 'paid').length
      published += d.events.filter((e) => e.type === 'published').length
    }
    expect(paid).toBeGreaterThan(10)
    expect(published).toBeGreaterThan(10)
  })

  it('shows overdue, due-in-1-day and due-in-3-days deadlines on the workbench', async () => {
    const wb = await call(t.ctx, 'workbench.summary', {})
    expect(wb.deadlines.overdue.length).toBeGreaterThan(0)
    expect(wb.deadlines.due1.length).toBeGreaterThan(0)
    expect(wb.deadlines.due3.length).toBeGreaterThan(0)
    // overdue duties of the agency itself, not only passed windows
    expect(wb.deadlines.overdue.some((d) => d.kind === 'duty' && d.code === 'decision')).toBe(true)
    expect(wb.counts.archived).toBeGreaterThan(0)
  })

  it('keeps a verifiable activity record of every step', async () => {
    expect(await call(t.ctx, 'audit.verify', {})).toMatchObject({ ok: true, firstBad: null })
    const n = (action: string) =>
      (t.home.db.prepare('SELECT COUNT(*) AS n FROM activity_log WHERE action = ?').get(action) as { n: number }).n
    expect(n('demo.load')).toBe(1)
    expect(n('case.register')).toBe(cases.length)
    expect(n('case.file')).toBe(cases.filter((c) => c.filedOn !== null).length)
    expect(n('case.transition')).toBeGreaterThan(cases.length * 3)
  })

  it('finds a case by a Chinese substring of its facts', async () => {
    const c = cases[Math.floor(cases.length / 2)]!
    const facts = (await call(t.ctx, 'cases.get', { ref: String(c.id) })).facts
    const q = facts.slice(12, 24)
    expect(q).toMatch(/^[\u4e00-\u9fff\d，、（）《》“”年月日]+$/)
    const hits = await call(t.ctx, 'cases.list', { q, limit: 500 })
    expect(hits.items.map((h) => h.id)).toContain(c.id)
  })

  it('refuses to load twice', async () => {
    expect((await failure(() => call(t.ctx, 'demo.load', { cases: 5 }))).code).toBe('DEMO_NOT_EMPTY')
  })
})

describe('demo data determinism', () => {
  it('gives the same cases in the same order for the same day', async () => {
    const names: string[][] = []
    for (let i = 0; i < 2; i++) {
      const t = await makeHome()
      try {
        await call(t.ctx, 'demo.load', { cases: 60 })
        names.push((await allCases(t)).map((c) => `${c.name}|${c.status}|${c.sourceDate}|${c.number ?? ''}`))
      } finally {
        t.cleanup()
      }
    }
    expect(names[0]).toHaveLength(60)
    expect(names[1]).toEqual(names[0])
  }, 120_000)

  it('loads only the agency and officers when asked for no cases', async () => {
    const t = await makeHome()
    try {
      const r = await call(t.ctx, 'demo.load', { cases: 0 })
      expect(r).toMatchObject({ officers: 7, agency: true, parties: 0, cases: 0, password: 'demo2026' })
      expect((await call(t.ctx, 'cases.list', {})).total).toBe(0)
      // one account per demo officer plus admin, every role present, all signing in with the one demo password
      expect(r.accounts).toHaveLength(8)
      expect(new Set(r.accounts.flatMap((a) => a.roles))).toEqual(new Set(['admin', 'handler', 'reviewer', 'head', 'archivist', 'clerk']))
      const users = await call(t.ctx, 'users.list', {})
      expect(users.map((u) => u.login)).toEqual(r.accounts.map((a) => a.login))
      expect(users.filter((u) => u.officerId !== null)).toHaveLength(7)
      for (const a of r.accounts)
        expect((await call(t.ctx, 'auth.signIn', { login: a.login, password: r.password })).roles).toEqual(a.roles)
      const hashes = t.home.db.prepare('SELECT DISTINCT password_hash FROM users').all()
      expect(hashes).toHaveLength(1) // hashed once per load
      const load = t.home.db.prepare(`SELECT detail FROM activity_log WHERE action = 'demo.load'`).get() as { detail: string }
      expect(load.detail).not.toContain(r.password)
      expect(load.detail).not.toContain('scrypt$')
    } finally {
      t.cleanup()
    }
  })
})
