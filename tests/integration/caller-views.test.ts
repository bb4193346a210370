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
const view = (part: Part) => {
  const r = as(part, 'reviews.show', { caseId })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'reviews.show'>
}
const doc = (part: Part) => {
  const r = as(part, 'documents.get', { id: decisionId })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'documents.get'>
}
const detail = (part: Part) => {
  const r = as(part, 'cases.get', { ref: String(caseId) })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as ChannelOutput<'cases.get'>
}

beforeAll(() => {
  t = makeHome()
  call(t.ctx, 'demo.load', { cases: 0 })
  cast = makeCast(t)
  caseId = filedOrgCase(t, cast.caseOfficerIds, 60000)
  call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-09-02' })
  decisionId = call(t.ctx, 'documents.create', { caseId, type: 'penalty_decision_org', fields: fillFields('penalty_decision_org') }).id
}, 60_000)
afterAll(() => t.cleanup())

describe('views shaped by the caller', () => {
  it('the review tab offers the submission to the case handlers only, the decision to the assigned reviewer only', () => {
    expect(view('handler').canSubmit).toBe(true)
    for (const p of ['otherHandler', 'head', 'clerk', 'reviewer', 'archivist'] as const) expect(view(p).canSubmit, p).toBe(false)
    const round = as('handler', 'reviews.submit', {
      caseId,
      reviewerId: cast.reviewerOfficerId,
      documentId: decisionId,
      note: '提请法制审核',
      submittedOn: '2026-09-04'
    })
    expect(round.ok).toBe(true)
    const decides = (p: Part) => view(p).rounds.at(-1)!.canDecide
    expect(decides('reviewer')).toBe(true)
    for (const p of ['handler', 'handler2', 'otherReviewer', 'head', 'clerk'] as const) expect(decides(p), p).toBe(false)
    // heads record discussions; the handlers and the clerks record written waivers
    expect(view('head').canRecordDiscussion).toBe(true)
    expect(view('handler').canRecordDiscussion).toBe(false)
    expect(view('clerk').canWaive).toBe(true)
    expect(view('otherHandler').canWaive).toBe(false)
    expect(view('reviewer').canSetProfile).toBe(false)
    expect(view('handler').canSetProfile).toBe(true)
  })

  it('the document screen lets the drafters edit, and only the handlers and heads issue', () => {
    expect(doc('handler')).toMatchObject({ mayEdit: true, mayIssue: true })
    expect(doc('head')).toMatchObject({ mayEdit: true, mayIssue: true })
    expect(doc('clerk')).toMatchObject({ mayEdit: true, mayIssue: false })
    expect(doc('otherHandler')).toMatchObject({ mayEdit: false, mayIssue: false })
    expect(doc('reviewer')).toMatchObject({ mayEdit: false, mayIssue: false })
    // what is withheld is refused
    const r = as('otherHandler', 'documents.save', { id: decisionId, revision: doc('handler').revision, fields: { fine: 1 } })
    expect(!r.ok && r.error.code).toBe('FORBIDDEN')
  })

  it('the case screen offers 推进 to its handlers and heads, approvals to heads only', () => {
    expect(detail('handler').allowedTransitions.length).toBeGreaterThan(0)
    expect(detail('otherHandler').allowedTransitions).toEqual([])
    expect(detail('clerk').allowedTransitions).toEqual([])
    expect(detail('handler').approvalKinds).toEqual([])
    const moved = as('otherHandler', 'cases.transition', { id: caseId, to: 'terminated', date: '2026-09-05' })
    expect(!moved.ok && moved.error.code).toBe('FORBIDDEN')
  })
})
