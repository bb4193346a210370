/**
 * The views offer only what their caller may do: the 法制审核 tab, the case screen and the document screen each keep an
 * action only where the same call would pass `invoke`'s checks for that signed-in user (authorize.ts `mayCall`).
 * Checked both ways: what a view offers, the call then accepts; what it withholds, the call refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillFields, makeHome, type TestHome } from '../helpers'
import { door, filedOrgCase, makeCast, type Cast, type Part } from '../cast'
import { call, invoke } from '../../src-main/services'
import type { ChannelOutput } from '../../src-main/contract'

let t: TestHome
let cast: Cast
let caseId: number
let decisionId: number

const as = <C extends Parameters<typeof call>[1]>(part: Part, channel: C, input: unknown) =>
  invoke(door(t, cast.people[part]), channel, input, { error: () => undefined })
const view = async (part: Part) => {
  const r = await as(part, 'reviews.show', { caseId })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'reviews.show'>
}
const doc = async (part: Part) => {
  const r = await as(part, 'documents.get', { id: decisionId })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'documents.get'>
}
const detail = async (part: Part) => {
  const r = await as(part, 'cases.get', { ref: String(caseId) })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'cases.get'>
}

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 0 })
  cast = await makeCast(t)
  caseId = await filedOrgCase(t, cast.caseOfficerIds, 60000)
  await call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-09-02' })
  decisionId = (await call(t.ctx, 'documents.create', { caseId, type: 'penalty_decision_org', fields: fillFields('penalty_decision_org') }))
    .id
}, 60_000)
afterAll(() => t.cleanup())

describe('views shaped by the caller', () => {
  it('the review tab offers the submission to the case handlers only, the decision to the assigned reviewer only', async () => {
    expect((await view('handler')).canSubmit).toBe(true)
    for (const p of ['otherHandler', 'head', 'clerk', 'reviewer', 'archivist'] as const) expect((await view(p)).canSubmit, p).toBe(false)
    const round = await as('handler', 'reviews.submit', {
      caseId,
      reviewerId: cast.reviewerOfficerId,
      documentId: decisionId,
      note: '提请法制审核',
      submittedOn: '2026-09-04'
    })
    expect(round.ok).toBe(true)
    const decides = async (p: Part) => (await view(p)).rounds.at(-1)!.canDecide
    expect(await decides('reviewer')).toBe(true)
    for (const p of ['handler', 'handler2', 'otherReviewer', 'head', 'clerk'] as const) expect(await decides(p), p).toBe(false)
    // heads record discussions; the handlers and the clerks record written waivers
    expect((await view('head')).canRecordDiscussion).toBe(true)
    expect((await view('handler')).canRecordDiscussion).toBe(false)
    expect((await view('clerk')).canWaive).toBe(true)
    expect((await view('otherHandler')).canWaive).toBe(false)
    expect((await view('reviewer')).canSetProfile).toBe(false)
    expect((await view('handler')).canSetProfile).toBe(true)
  })

  it('the document screen lets the drafters edit, and only the handlers and heads issue', async () => {
    expect(await doc('handler')).toMatchObject({ mayEdit: true, mayIssue: true })
    expect(await doc('head')).toMatchObject({ mayEdit: true, mayIssue: true })
    expect(await doc('clerk')).toMatchObject({ mayEdit: true, mayIssue: false })
    expect(await doc('otherHandler')).toMatchObject({ mayEdit: false, mayIssue: false })
    expect(await doc('reviewer')).toMatchObject({ mayEdit: false, mayIssue: false })
    // what is withheld is refused
    const r = await as('otherHandler', 'documents.save', { id: decisionId, revision: (await doc('handler')).revision, fields: { fine: 1 } })
    expect(!r.ok && r.error.code).toBe('FORBIDDEN')
  })

  it('the case screen offers 推进 to its handlers and heads, approvals to heads only', async () => {
    expect((await detail('handler')).allowedTransitions.length).toBeGreaterThan(0)
    expect((await detail('otherHandler')).allowedTransitions).toEqual([])
    expect((await detail('clerk')).allowedTransitions).toEqual([])
    expect((await detail('handler')).approvalKinds).toEqual([])
    const moved = await as('otherHandler', 'cases.transition', { id: caseId, to: 'terminated', date: '2026-09-05' })
    expect(!moved.ok && moved.error.code).toBe('FORBIDDEN')
  })
})
