/**
 * Model-based test of the decision gates (fast-check): random sequences of what the people of an agency and the
 * party may do to a general-procedure case, run against the real services and a real database, each step by a
 * random signed-in user (the case's handlers, a handler of another case, the assigned legal reviewer and another
 * one, a head, a clerk, an archivist: tests/cast.ts). Whatever the order and whoever tries, a decision that issues
 * must satisfy — judged independently of core/gates.ts, from the stored rows — every rule: an approved review of
 * exactly the issued version when a catalogue trigger applies, the statement and hearing windows elapsed or waived
 * in writing, no fine above the served notice, the notice served, a discussion when required; every review
 * decision was made by the reviewer assigned to its round, and only the case's handlers or a head issued the
 * decision. And the gates are not a wall: completing the steps lets it issue.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { clearDecisionGates, discussionHeads, fillFields, makeHome, type TestHome } from '../helpers'
import { door, filedOrgCase, makeCast, type Part } from '../cast'
import { call, invoke } from '../../src-main/services'
import { REVIEW_ASPECTS, type ReviewAspect, type ReviewOutcome } from '../../src-main/core/legal-review'
import { addDays } from '../../src-main/core/dates'
import { loadCalendar } from '../../src-main/services/calendar'

type Step =
  | { kind: 'wait'; days: number }
  | { kind: 'notice'; fine: number }
  | { kind: 'waive'; right: 'statement' | 'hearing' }
  | { kind: 'requestHearing' }
  | { kind: 'submit' }
  | { kind: 'decide'; outcome: 'approved' | 'approved_with_changes' | 'rejected' | 'returned' }
  | { kind: 'edit'; fine: number }
  | { kind: 'discuss' }
  | { kind: 'issue' }
  | { kind: 'skip'; to: 'closed' | 'dossier' | 'archived' }
/** a step and who takes it */
type Action = Step & { by: Part }

const PARTS: readonly Part[] = ['handler', 'handler2', 'otherHandler', 'reviewer', 'otherReviewer', 'head', 'clerk', 'archivist']
/** who passes the access rule of each step's channel on this case (contract/access.ts, as the model states it) */
const MAY: Record<string, readonly Part[]> = {
  'waivers.record': ['handler', 'handler2', 'head', 'clerk'],
  'hearings.request': ['handler', 'handler2', 'head', 'clerk'],
  'reviews.submit': ['handler', 'handler2'],
  'reviews.decide': ['reviewer'],
  'documents.save': ['handler', 'handler2', 'head', 'clerk'],
  'discussions.record': ['head'],
  'documents.issue': ['handler', 'handler2', 'head'],
  'cases.transition': ['handler', 'handler2', 'head']
}

const FINES = [5000, 30000, 60000, 90000]
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 8 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('notice' as const), fine: fc.constantFrom(...FINES) }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('waive' as const), right: fc.constantFrom('statement' as const, 'hearing' as const) }),
    weight: 1
  },
  { arbitrary: fc.constant({ kind: 'requestHearing' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'submit' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      outcome: fc.constantFrom(
        'approved' as const,
        'approved' as const,
        'approved_with_changes' as const,
        'rejected' as const,
        'returned' as const
      )
    }),
    weight: 2
  },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), fine: fc.constantFrom(...FINES) }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'discuss' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'issue' as const }), weight: 3 },
  // 推进 straight to 结案 / 立卷 / 已归档: only the approval and the archive job reach them
  {
    arbitrary: fc.record({
      kind: fc.constant('skip' as const),
      to: fc.constantFrom('closed' as const, 'dossier' as const, 'archived' as const)
    }),
    weight: 1
  }
)
/** the channel each step calls as its actor (waiting and the notice are the scenario's own) */
const CHANNEL: Partial<Record<Step['kind'], string>> = {
  waive: 'waivers.record',
  requestHearing: 'hearings.request',
  submit: 'reviews.submit',
  decide: 'reviews.decide',
  edit: 'documents.save',
  discuss: 'discussions.record',
  issue: 'documents.issue',
  skip: 'cases.transition'
}
/** anyone may try a step; those who may take it are drawn twice as often, so that the walks also get somewhere */
const action: fc.Arbitrary<Action> = step.chain((s) => {
  const may = MAY[CHANNEL[s.kind] ?? ''] ?? PARTS
  return fc
    .oneof({ arbitrary: fc.constantFrom(...may), weight: 2 }, { arbitrary: fc.constantFrom(...PARTS), weight: 1 })
    .map((by) => ({ ...s, by }))
})

const decision = (outcome: ReviewOutcome) => {
  const bad = outcome !== 'approved'
  return {
    outcome,
    aspects: Object.fromEntries(
      REVIEW_ASPECTS.map((a) => [a, a === 'discretion' && bad ? { ok: false, note: '裁量理由不充分' } : { ok: true, note: '' }])
    ) as Record<ReviewAspect, { ok: boolean; note: string }>,
    opinion: bad ? '裁量理由不充分，请补充说明。' : '事实清楚，证据确凿，同意。',
    crimeSuspected: false,
    changes: bad ? '补充裁量理由' : ''
  }
}

interface Outcome {
  issued: boolean
  refusals: Set<string>
  /** steps refused to someone who may not take them */
  forbidden: number
  /** review decisions the walk made (all by the assigned reviewer) */
  decided: number
}

async function runScenario(intendedFine: number, actions: Action[]): Promise<Outcome> {
  const t = await makeHome()
  try {
    await call(t.ctx, 'demo.load', { cases: 0 })
    const cast = await makeCast(t)
    const reviewerId = cast.reviewerOfficerId
    const heads = await discussionHeads(t.ctx)
    const caseId = await filedOrgCase(t, cast.caseOfficerIds, intendedFine)
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-09-01' })
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'internal_review', date: '2026-09-01' })
    const doc = await call(t.ctx, 'documents.create', {
      caseId,
      type: 'penalty_decision_org',
      fields: fillFields('penalty_decision_org', { fine: 20000 })
    })
    let day = '2026-09-01'
    const refusals = new Set<string>()
    let forbidden = 0
    const quiet = (channel: string, input: unknown) => invoke(t.ctx, channel, input, { error: () => undefined })
    /** the step by its actor, signed in: refused with FORBIDDEN exactly when the model says they may not */
    const by = async (part: Part, channel: string, input: unknown) => {
      const r = await invoke(door(t, cast.people[part]), channel, input, { error: () => undefined })
      const mayNot = !MAY[channel]!.includes(part)
      if (mayNot) forbidden++
      expect(!r.ok && r.error.code === 'FORBIDDEN', `${part} ${channel}: ${r.ok ? 'ok' : r.error.code}`).toBe(mayNot)
      return r
    }
    let issued = false
    for (const a of actions) {
      if (issued) break
      const caseNow = await call(t.ctx, 'cases.get', { ref: String(caseId) })
      switch (a.kind) {
        case 'wait':
          day = addDays(day, a.days) < '2026-11-20' ? addDays(day, a.days) : '2026-11-20'
          break
        case 'notice': {
          if (caseNow.events.some((e) => e.type === 'notice_served') || !caseNow.allowedTransitions.includes('notice')) break
          const n = await call(t.ctx, 'documents.create', {
            caseId,
            type: 'penalty_notice',
            fields: fillFields('penalty_notice', { fine: a.fine, hearingEligible: a.fine >= 50000 })
          })
          await call(t.ctx, 'documents.issue', { id: n.id, issuedOn: day })
          await call(t.ctx, 'cases.transition', { id: caseId, to: 'notice', date: day })
          break
        }
        case 'waive':
          await by(a.by, 'waivers.record', { caseId, right: a.right, date: day, note: '当事人书面放弃' })
          break
        case 'requestHearing':
          await by(a.by, 'hearings.request', { caseId, requestedOn: day, note: '' })
          break
        case 'submit':
          await by(a.by, 'reviews.submit', { caseId, reviewerId, documentId: doc.id, note: '', submittedOn: day })
          break
        case 'decide': {
          const open = (await call(t.ctx, 'reviews.show', { caseId })).rounds.find((r) => r.status === 'in_review')
          if (open) await by(a.by, 'reviews.decide', { reviewId: open.id, decision: decision(a.outcome), decidedOn: day })
          break
        }
        case 'edit': {
          const cur = await call(t.ctx, 'documents.get', { id: doc.id })
          const r = await by(a.by, 'documents.save', { id: doc.id, revision: cur.revision, fields: { fine: a.fine } })
          // the only other refusal: the draft is frozen while it is under review
          if (!r.ok && r.error.code !== 'FORBIDDEN') expect(r.error.code).toBe('DOCUMENT_UNDER_REVIEW')
          break
        }
        case 'discuss':
          await by(a.by, 'discussions.record', {
            caseId,
            heldOn: day,
            ...heads,
            conclusion: 'penalty',
            conclusionText: '同意处罚',
            record: ''
          })
          break
        case 'skip': {
          // whoever asks: refused — without the role (FORBIDDEN) or naming the step that must be done, writing nothing
          const before = (await call(t.ctx, 'audit.list', { limit: 1 }))[0]!.seq
          const r = await by(a.by, 'cases.transition', { id: caseId, to: a.to, date: day })
          expect(r.ok, `${a.by} moved the case to ${a.to}`).toBe(false)
          if (!r.ok && r.error.code !== 'FORBIDDEN') expect(r.error.code).toBe('STEP_REQUIRED')
          expect((await call(t.ctx, 'audit.list', { limit: 1 }))[0]!.seq).toBe(before)
          break
        }
        case 'issue': {
          const r = await by(a.by, 'documents.issue', { id: doc.id, issuedOn: day })
          if (r.ok) {
            issued = true
            await checkInvariants(t, caseId, doc.id, day)
          } else if (r.error.code !== 'FORBIDDEN') {
            refusals.add(r.error.code)
            // a refusal writes nothing: the draft is still a draft without a number
            expect(await call(t.ctx, 'documents.get', { id: doc.id })).toMatchObject({ status: 'draft', number: null })
          }
          break
        }
      }
    }
    const decided = checkActors(t, caseId, doc.id, cast.people)
    if (!issued) {
      // liveness: completing whatever is still missing lets the same decision issue
      // (the drafting screen judges the gates for today, so the remaining steps are taken today)
      const last = '2026-11-25'
      // the reviewer answers a pending submission first (the draft is frozen while in review)
      const pending = (await call(t.ctx, 'reviews.show', { caseId })).rounds.find((r) => r.status === 'in_review')
      if (pending) await call(t.ctx, 'reviews.decide', { reviewId: pending.id, decision: decision('approved'), decidedOn: last })
      // a heavier penalty than noticed would need a new notice: the handler lowers it instead
      const notice = (await call(t.ctx, 'documents.list', { caseId }))
        .filter((x) => x.type === 'penalty_notice' && x.status === 'issued')
        .at(-1)
      const cur = await call(t.ctx, 'documents.get', { id: doc.id })
      if (notice) {
        const noticeFine = Number((await call(t.ctx, 'documents.get', { id: notice.id })).fields.fine)
        if (Number(cur.fields.fine) > noticeFine)
          await call(t.ctx, 'documents.save', { id: doc.id, revision: cur.revision, fields: { fine: noticeFine } })
      }
      await clearDecisionGates(t.ctx, doc.id, last)
      const r = await quiet('documents.issue', { id: doc.id, issuedOn: last })
      if (!r.ok) throw new Error(`still refused after completing the steps: ${r.error.code} ${r.error.message}`)
      await checkInvariants(t, caseId, doc.id, last)
    }
    return { issued, refusals, forbidden, decided }
  } finally {
    t.cleanup()
  }
}

/**
 * Who did what, judged from the activity record and the review rows: every review decision was made by the user of
 * the officer assigned to its round (刘芳), signed in; the decision, if issued, by a handler of the case or a head.
 */
function checkActors(t: TestHome, caseId: number, docId: number, people: Awaited<ReturnType<typeof makeCast>>['people']): number {
  const db = t.home.db
  const decisions = db
    .prepare(
      `SELECT a.actor, a.actor_user_id AS userId, a.actor_officer_id AS officerId, r.reviewer_id AS reviewerId, r.status, r.decided_by AS decidedBy
       FROM activity_log a JOIN legal_reviews r ON r.id = CAST(a.target_id AS INTEGER)
       WHERE a.action = 'review.decide' AND a.case_id = ?`
    )
    .all(String(caseId)) as { actor: string; userId: number; officerId: number; reviewerId: number; status: string; decidedBy: string }[]
  for (const d of decisions) {
    expect(d).toMatchObject({ actor: people.reviewer.login, userId: people.reviewer.userId, officerId: d.reviewerId })
    expect(d.reviewerId).toBe(people.reviewer.officerId)
    expect(d.decidedBy).toBe(people.reviewer.name)
  }
  // every decided round, approved or not, has such an entry
  const decided = (
    db.prepare(`SELECT COUNT(*) AS n FROM legal_reviews WHERE case_id = ? AND status != 'in_review'`).get(caseId) as { n: number }
  ).n
  expect(decisions).toHaveLength(decided)
  const issuers = db.prepare(`SELECT actor FROM activity_log WHERE action = 'document.issue' AND target_id = ?`).all(String(docId)) as {
    actor: string
  }[]
  for (const i of issuers) expect([people.handler.login, people.handler2.login, people.head.login]).toContain(i.actor)
  return decisions.length
}

/** The rules, judged from the stored rows — not by calling the gate function. */
async function checkInvariants(t: TestHome, caseId: number, docId: number, issuedOn: string) {
  const db = t.home.db
  const d = db.prepare('SELECT status, revision, fields FROM documents WHERE id = ?').get(docId) as {
    status: string
    revision: number
    fields: string
  }
  expect(d.status).toBe('issued')
  const fine = Number((JSON.parse(d.fields) as { fine: number }).fine)
  const intended =
    (db.prepare('SELECT intended_fine_fen FROM cases WHERE id = ?').get(caseId) as { intended_fine_fen: number }).intended_fine_fen / 100
  const notices = db
    .prepare(`SELECT fields FROM documents WHERE case_id = ? AND type = 'penalty_notice' AND status = 'issued' ORDER BY id`)
    .all(caseId) as { fields: string }[]
  const noticeFine = notices.length ? Number((JSON.parse(notices.at(-1)!.fields) as { fine: number }).fine) : null
  const served = (
    db.prepare(`SELECT MAX(date) AS d FROM case_events WHERE case_id = ? AND type = 'notice_served'`).get(caseId) as { d: string | null }
  ).d
  // the notice was served, and the decision is not heavier than it
  expect(served).not.toBeNull()
  if (noticeFine !== null) expect(fine).toBeLessThanOrEqual(noticeFine)
  // windows: 3 and 5 working days after service, unless waived in writing
  const cal = await loadCalendar(t.home.store)
  const waived = (right: string) =>
    (
      db
        .prepare('SELECT COUNT(*) AS n FROM case_waivers WHERE case_id = ? AND right_kind = ? AND date >= ?')
        .get(caseId, right, served) as { n: number }
    ).n > 0
  if (!waived('statement')) expect(issuedOn > cal.add(served!, 3, 'WD').due.slice(0, 10)).toBe(true)
  const hearingRequested =
    (db.prepare(`SELECT COUNT(*) AS n FROM hearings WHERE case_id = ? AND eligible = 1`).get(caseId) as { n: number }).n > 0
  if ((noticeFine ?? 0) >= 50000 && !waived('hearing') && !hearingRequested)
    expect(issuedOn > cal.add(served!, 5, 'WD').due.slice(0, 10)).toBe(true)
  if (hearingRequested) {
    expect(
      (
        db
          .prepare(`SELECT COUNT(*) AS n FROM hearings WHERE case_id = ? AND eligible = 1 AND status IN ('held', 'waived')`)
          .get(caseId) as { n: number }
      ).n
    ).toBeGreaterThan(0)
  }
  // a triggered case (the largest fine intended, noticed or decided ≥ 50,000 for an organisation)
  const hearingHeld =
    (db.prepare(`SELECT COUNT(*) AS n FROM hearings WHERE case_id = ? AND status = 'held'`).get(caseId) as { n: number }).n > 0
  const triggered = Math.max(intended, noticeFine ?? 0, fine) >= 50000 || hearingHeld
  if (triggered) {
    const r = db
      .prepare('SELECT status, document_id, document_revision FROM legal_reviews WHERE case_id = ? ORDER BY round DESC LIMIT 1')
      .get(caseId) as { status: string; document_id: number; document_revision: number } | undefined
    expect(r && ['approved', 'approved_with_changes'].includes(r.status)).toBe(true)
    expect(r!.document_id).toBe(docId)
    expect(r!.document_revision).toBe(d.revision)
    expect(
      (db.prepare('SELECT COUNT(*) AS n FROM discussions WHERE case_id = ? AND held_on <= ?').get(caseId, issuedOn) as { n: number }).n
    ).toBeGreaterThan(0)
  }
}

describe('decision gates under random action sequences', () => {
  it('a plain sequence issues', async () => {
    const o = await runScenario(10000, [
      { kind: 'notice', fine: 30000, by: 'handler' },
      { kind: 'wait', days: 8, by: 'handler' },
      { kind: 'issue', by: 'handler2' }
    ])
    expect([...o.refusals]).toEqual([])
    expect(o.issued).toBe(true)
  })

  it('never issue a decision that skips a step, and let it issue once the steps are done', async () => {
    const seen = new Set<string>()
    let issuedCount = 0
    let forbidden = 0
    let decided = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(10000, 60000), fc.array(action, { minLength: 4, maxLength: 30 }), async (fine, actions) => {
        const o = await runScenario(fine, actions)
        for (const r of o.refusals) seen.add(r)
        if (o.issued) issuedCount++
        forbidden += o.forbidden
        decided += o.decided
      }),
      { numRuns: 80, seed: 20261125 }
    )
    // the random walks met the gates (not just one of them) and also got through them
    expect([...seen].filter((c) => c.startsWith('GATE_')).length).toBeGreaterThanOrEqual(4)
    if (process.env.DEBUG_GATES) console.log('GATES-MODEL', { issuedCount, forbidden, decided, seen: [...seen] })
    expect(issuedCount, [...seen].join(',')).toBeGreaterThan(0)
    // and met people who may not take a step
    expect(forbidden).toBeGreaterThan(20)
    // and reached review decisions, every one of them the assigned reviewer's (checkActors)
    expect(decided).toBeGreaterThan(5)
  }, 240_000)
})
