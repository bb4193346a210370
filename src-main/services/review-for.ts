/**
 * The 法制审核 tab as the caller may act on it: the overview (ops/review-overview.ts) says what the case's state
 * allows; here each offered action is kept only where the caller may make that call (authorize.ts `mayCall`: the
 * channel's roles, its per-case rule and the seal), so the screen offers a handler no review decision and a reviewer
 * no submission.
 */
import type { z } from 'zod'
import type { ReviewShowSchema } from '../core/review-views'
import { mayCall } from './authorize'
import { today, type ServiceContext } from './context'
import { reviewOverview } from './ops/review-overview'

export type ReviewShow = z.output<typeof ReviewShowSchema>

export function reviewFor(ctx: ServiceContext, caseId: number): ReviewShow {
  const v = reviewOverview(ctx.home.db, caseId, today(ctx))
  const may = (channel: Parameters<typeof mayCall>[1], input: Record<string, unknown>) => mayCall(ctx, channel, input)
  return {
    ...v,
    canSubmit: v.canSubmit && may('reviews.submit', { caseId }),
    canSetProfile: !v.decided && may('reviews.setProfile', { caseId }),
    canWaive: may('waivers.record', { caseId }),
    canRecordDiscussion: may('discussions.record', { caseId }),
    canRequestHearing: v.canRequestHearing && may('hearings.request', { caseId }),
    rounds: v.rounds.map((r) => ({
      ...r,
      canDecide: r.canDecide && may('reviews.decide', { reviewId: r.id }),
      canRespond: r.canRespond && may('reviews.respond', { reviewId: r.id }),
      canCoordinate: r.canCoordinate && may('reviews.coordinate', { reviewId: r.id })
    })),
    hearings: v.hearings.map((h) => ({
      ...h,
      canSchedule: h.canSchedule && may('hearings.schedule', { hearingId: h.id }),
      canHold: h.canHold && may('hearings.hold', { hearingId: h.id })
    }))
  }
}
