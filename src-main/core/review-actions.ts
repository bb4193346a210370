/**
 * What may be done next on the 法制审核 tab: a new round, a decision on the open one, the handler's response,
 * the heads' coordination, a hearing request or its next step. The review view carries these so the UI
 * renders them and restates no rule. Pure.
 */
import type { ReviewStatus } from './legal-review'

export interface RoundForActions {
  status: ReviewStatus
  due: string
  decidedOn: string | null
  response: 'accepted' | 'disagreed' | null
  coordinatedOn: string | null
}

/** An open round past its due date, or a decided one decided after it. */
export function roundOverdue(r: Pick<RoundForActions, 'status' | 'due' | 'decidedOn'>, today: string): boolean {
  return r.status === 'in_review' ? r.due < today : r.decidedOn !== null && r.decidedOn > r.due
}

/** A new round: none yet, the last one did not pass, or the decision changed after it passed (the gates say so). */
export function canSubmitReview(
  latest: Pick<RoundForActions, 'status'> | null,
  gates: readonly { step: string }[],
  decided = false
): boolean {
  if (decided) return false
  if (!latest) return true
  if (latest.status === 'in_review') return false
  return (latest.status !== 'approved' && latest.status !== 'approved_with_changes') || gates.some((g) => g.step === 'review')
}

export interface RoundActions {
  overdue: boolean
  /** the reviewer may decide: the latest round is still in review */
  canDecide: boolean
  /** the handler may accept or disagree with the latest decided round */
  canRespond: boolean
  /** the handler disagreed and no head has coordinated yet */
  canCoordinate: boolean
}

/** The actions on one round of a case's list of rounds (oldest first). */
export function roundActions(r: RoundForActions, rounds: readonly RoundForActions[], today: string): RoundActions {
  const latest = rounds.at(-1) === r
  const decided = latest && r.status !== 'in_review'
  return {
    overdue: roundOverdue(r, today),
    canDecide: latest && r.status === 'in_review',
    canRespond: decided && !r.response,
    canCoordinate: decided && r.response === 'disagreed' && !r.coordinatedOn
  }
}

export type HearingStatus = 'requested' | 'scheduled' | 'held' | 'waived' | 'not_eligible'

/** A requested or scheduled hearing may be (re)scheduled; a scheduled one may be held. */
export function hearingActions(h: { status: HearingStatus }): { canSchedule: boolean; canHold: boolean } {
  return { canSchedule: h.status === 'requested' || h.status === 'scheduled', canHold: h.status === 'scheduled' }
}

/** A hearing may be requested unless one is already requested or scheduled. */
export function canRequestHearing(hearings: readonly { status: HearingStatus }[]): boolean {
  return !hearings.some((h) => h.status === 'requested' || h.status === 'scheduled')
}
