import { describe, expect, it } from 'vitest'
import {
  canRequestHearing,
  canSubmitReview,
  hearingActions,
  roundActions,
  roundOverdue,
  type RoundForActions
} from '../../src-main/core/review-actions'

const round = (over: Partial<RoundForActions> = {}): RoundForActions => ({
  status: 'in_review',
  due: '2026-11-20',
  decidedOn: null,
  response: null,
  coordinatedOn: null,
  ...over
})

describe('roundOverdue', () => {
  it('an open round is overdue the day after its due date, not on it', () => {
    expect(roundOverdue(round(), '2026-11-20')).toBe(false)
    expect(roundOverdue(round(), '2026-11-21')).toBe(true)
  })
  it('a decided round is overdue only when it was decided after its due date, whatever today is', () => {
    expect(roundOverdue(round({ status: 'approved', decidedOn: '2026-11-20' }), '2027-01-01')).toBe(false)
    expect(roundOverdue(round({ status: 'returned', decidedOn: '2026-11-21' }), '2026-11-21')).toBe(true)
  })
})

describe('canSubmitReview', () => {
  it('the first round may always be submitted', () => expect(canSubmitReview(null, [])).toBe(true))
  it('not while a round is in review', () => expect(canSubmitReview(round(), [{ step: 'review' }])).toBe(false))
  it('again after a round that did not pass', () => {
    expect(canSubmitReview(round({ status: 'returned' }), [])).toBe(true)
    expect(canSubmitReview(round({ status: 'rejected' }), [])).toBe(true)
  })
  it('after a pass only when the gates ask for a new review (the decision changed)', () => {
    for (const status of ['approved', 'approved_with_changes'] as const) {
      expect(canSubmitReview(round({ status }), [])).toBe(false)
      expect(canSubmitReview(round({ status }), [{ step: 'notice' }])).toBe(false)
      expect(canSubmitReview(round({ status }), [{ step: 'review' }])).toBe(true)
    }
  })
})

describe('roundActions', () => {
  it('only the latest round in review may be decided', () => {
    const old = round({ status: 'returned', decidedOn: '2026-11-18', response: 'accepted' })
    const open = round()
    expect(roundActions(open, [old, open], '2026-11-19')).toEqual({
      overdue: false,
      canDecide: true,
      canRespond: false,
      canCoordinate: false
    })
    expect(roundActions(old, [old, open], '2026-11-19').canDecide).toBe(false)
  })
  it('the latest decided round awaits the response, then coordination after a disagreement', () => {
    const decided = round({ status: 'approved_with_changes', decidedOn: '2026-11-19' })
    expect(roundActions(decided, [decided], '2026-11-19')).toMatchObject({ canRespond: true, canCoordinate: false })
    const disagreed = { ...decided, response: 'disagreed' as const }
    expect(roundActions(disagreed, [disagreed], '2026-11-19')).toMatchObject({ canRespond: false, canCoordinate: true })
    const coordinated = { ...disagreed, coordinatedOn: '2026-11-20' }
    expect(roundActions(coordinated, [coordinated], '2026-11-20')).toMatchObject({ canRespond: false, canCoordinate: false })
    const accepted = { ...decided, response: 'accepted' as const }
    expect(roundActions(accepted, [accepted], '2026-11-20')).toMatchObject({ canRespond: false, canCoordinate: false })
  })
  it('an earlier round offers no response', () => {
    const first = round({ status: 'returned', decidedOn: '2026-11-18' })
    const second = round({ status: 'approved', decidedOn: '2026-11-19' })
    expect(roundActions(first, [first, second], '2026-11-19')).toMatchObject({ canRespond: false, canCoordinate: false })
  })
})

describe('hearings', () => {
  it('a requested hearing may be scheduled, a scheduled one rescheduled or held, others neither', () => {
    expect(hearingActions({ status: 'requested' })).toEqual({ canSchedule: true, canHold: false })
    expect(hearingActions({ status: 'scheduled' })).toEqual({ canSchedule: true, canHold: true })
    for (const status of ['held', 'waived', 'not_eligible'] as const)
      expect(hearingActions({ status })).toEqual({ canSchedule: false, canHold: false })
  })
  it('a new request only when none is requested or scheduled', () => {
    expect(canRequestHearing([])).toBe(true)
    expect(canRequestHearing([{ status: 'held' }, { status: 'waived' }])).toBe(true)
    expect(canRequestHearing([{ status: 'held' }, { status: 'requested' }])).toBe(false)
    expect(canRequestHearing([{ status: 'scheduled' }])).toBe(false)
  })
})

describe('no review round once the case is decided', () => {
  it('canSubmitReview is false for a decided case, whatever the rounds say', () => {
    expect(canSubmitReview(null, [], true)).toBe(false)
    expect(canSubmitReview(null, [], false)).toBe(true)
  })
})
