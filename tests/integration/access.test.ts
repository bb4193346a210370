/**
 * Authorization at the boundary (services/authorize.ts): every channel of the contract declares who may call it
 * (contract/access.ts), and `invoke` refuses the others before the handler runs, writing nothing. Table-driven over
 * the contract, so a new channel is covered the day it is added; then the per-case rules on a demo home.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeHome, storeDigest, type TestHome } from '../helpers'
import { call, createContext, invoke, type ServiceContext } from '../../src-main/services'
import { contract, type Channel } from '../../src-main/contract'
import { ACCESS } from '../../src-main/contract/access'
import { REVIEW_ASPECTS } from '../../src-main/core/legal-review'
import { ROLES, type Principal, type Role } from '../../src-main/core/roles'

const PASSWORD = 'demo2026'

const activityCount = (t: TestHome) => (t.home.db.prepare('SELECT COUNT(*) AS n FROM activity_log').get() as { n: number }).n

const door = (t: TestHome, principal: Principal | null): ServiceContext =>
  createContext(t.home, { actor: 'door', now: t.ctx.now, requireAuth: true, principal, version: 'test' })

const signIn = (t: TestHome, login: string, password = PASSWORD) => call(t.ctx, 'auth.signIn', { login, password })

const approval = {
  outcome: 'approved' as const,
  aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])) as never,
  opinion: '事实清楚，证据确凿，程序合法，同意。',
  crimeSuspected: false,
  changes: ''
}

let t: TestHome
/** one signed-in user per single role */
const single = new Map<Role, Principal>()

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 40 })
  for (const role of ROLES) {
    await call(t.ctx, 'users.add', { login: `only-${role}`, name: `仅${role}`, roles: [role], password: PASSWORD })
    single.set(role, await signIn(t, `only-${role}`))
  }
}, 120_000)
afterAll(() => t.cleanup())

describe('the access table', () => {
  it('declares a rule for every channel of the contract, and none for a channel that does not exist', () => {
    const channels = Object.keys(contract).sort()
    expect(Object.keys(ACCESS).sort()).toEqual(channels)
    for (const c of channels) expect(ACCESS[c as Channel], c).toBeDefined()
  })
})

describe.each(Object.keys(contract).filter((c) => ACCESS[c as Channel].who !== 'anyone') as Channel[])('%s', (channel) => {
  const rule = ACCESS[channel]

  it('refuses an unsigned caller with AUTH_REQUIRED and writes nothing', async () => {
    const before = [activityCount(t), storeDigest(t)]
    const r = await invoke(door(t, null), channel, {})
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatchObject({ code: 'AUTH_REQUIRED', details: { channel } })
    expect([activityCount(t), storeDigest(t)]).toEqual(before)
  })

  const allowed: readonly Role[] = rule.who === 'setup' ? ['admin'] : rule.who === 'signed-in' ? ROLES : (rule.who as readonly Role[])
  const outsider = ROLES.find((r) => !allowed.includes(r))
  // a rule every role passes (signed-in) has no outsider
  if (outsider)
    it(`refuses a signed-in ${outsider} with FORBIDDEN naming the roles, and writes nothing`, async () => {
      const before = [activityCount(t), storeDigest(t)]
      const r = await invoke(door(t, single.get(outsider)!), channel, {})
      expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', details: { channel, roles: allowed } })
      expect(!r.ok && r.error.message).toMatch(/^只有.+可以执行此操作$/)
      expect([activityCount(t), storeDigest(t)]).toEqual(before)
    })
})

describe('per-case rules on a demo home', () => {
  /** the first open review round: its case's team and the assigned reviewer (刘芳) */
  const openRound = () =>
    t.home.db
      .prepare(`SELECT id, case_id AS caseId, reviewer_id AS reviewerId FROM legal_reviews WHERE status = 'in_review' ORDER BY id`)
      .get() as {
      id: number
      caseId: number
      reviewerId: number
    }
  const userOfOfficer = async (officerId: number) => (await call(t.ctx, 'users.list', {})).find((u) => u.officerId === officerId)!

  it('a handler of the case may not record its review, even holding the reviewer role', async () => {
    const round = openRound()
    const team = (await call(t.ctx, 'cases.get', { ref: String(round.caseId) })).officers.map((o) => o.officerId)
    const handler = await userOfOfficer(team[0]!)
    const input = { reviewId: round.id, decidedOn: '2026-11-25', decision: approval }
    const before = [activityCount(t), storeDigest(t)]
    // as a handler only: the role part refuses
    const asHandler = await invoke(door(t, await signIn(t, handler.login)), 'reviews.decide', input)
    expect(!asHandler.ok && asHandler.error).toMatchObject({ code: 'FORBIDDEN', message: '只有法制审核人员可以执行此操作' })
    // a handler who is also a legal reviewer: the per-case rule refuses
    await call(t.ctx, 'users.edit', { id: handler.id, patch: { roles: ['handler', 'reviewer'] } })
    const before2 = [activityCount(t), storeDigest(t)]
    const both = await invoke(door(t, await signIn(t, handler.login)), 'reviews.decide', input)
    expect(!both.ok && both.error).toMatchObject({
      code: 'FORBIDDEN',
      message: '本案承办人不得审核本案',
      details: { caseId: round.caseId }
    })
    expect(before2[0]).toBeGreaterThan(before[0] as number) // the sign-ins were recorded
    await call(t.ctx, 'users.edit', { id: handler.id, patch: { roles: ['handler'] } })
  })

  it('another legal reviewer who is not assigned may not record it', async () => {
    const round = openRound()
    const team = (await call(t.ctx, 'cases.get', { ref: String(round.caseId) })).officers.map((o) => o.officerId)
    const other = (await call(t.ctx, 'officers.list', {})).find((o) => !team.includes(o.id) && o.id !== round.reviewerId)!
    const login = `reviewer-${other.id}`
    const exists = (await call(t.ctx, 'users.list', {})).find((u) => u.officerId === other.id)
    if (exists) await call(t.ctx, 'users.edit', { id: exists.id, patch: { officerId: null } })
    await call(t.ctx, 'users.add', { login, name: other.name, roles: ['reviewer'], officerId: other.id, password: PASSWORD })
    const p = await signIn(t, login)
    const before = [activityCount(t), storeDigest(t)]
    const r = await invoke(door(t, p), 'reviews.decide', { reviewId: round.id, decidedOn: '2026-11-25', decision: approval })
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', message: '只有本案指定的法制审核人员可以记录审核意见' })
    expect([activityCount(t), storeDigest(t)]).toEqual(before)
  })

  it('the assigned reviewer may, and the activity record names her login, user id and name', async () => {
    const round = openRound()
    const liufang = await userOfOfficer(round.reviewerId)
    expect(liufang.login).toBe('liufang')
    const ctx = door(t, await signIn(t, 'liufang'))
    const r = await invoke(ctx, 'reviews.decide', { reviewId: round.id, decidedOn: '2026-11-25', decision: approval })
    expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true)
    const entry = (await call(t.ctx, 'audit.list', { limit: 5 })).find((e) => e.action === 'review.decide')!
    expect(entry).toMatchObject({ actor: 'liufang', actorUserId: liufang.id, actorName: '刘芳', actorOfficerId: round.reviewerId })
    expect(await call(t.ctx, 'audit.verify', {})).toMatchObject({ ok: true })
  })

  it('covers the acting user in the entry hash: changing the recorded name breaks the chain', async () => {
    const seq = (t.home.db.prepare('SELECT MAX(seq) AS s FROM activity_log WHERE actor_user_id IS NOT NULL').get() as { s: number }).s
    t.home.db.exec('DROP TRIGGER activity_log_no_update')
    t.home.db.prepare(`UPDATE activity_log SET actor_name = '王建国' WHERE seq = ?`).run(seq)
    expect((await call(t.ctx, 'audit.verify', {})).firstBad).toEqual({ seq, reason: expect.stringMatching(/field was altered/) })
  })
})
