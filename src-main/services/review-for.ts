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

export async function reviewFor(ctx: ServiceContext, caseId: number): Promise<ReviewShow> {
  const v = await reviewOverview(ctx.home.store, caseId, today(ctx))
  const may = (channel: Parameters<typeof mayCall>[1], input: Record<string, unknown>) => mayCall(ctx, channel, input)
  return {
    ...v,
    canSubmit: v.canSubmit && (await may('reviews.submit', { caseId })),
    canSetProfile: !v.decided && (await may('reviews.setProfile', { caseId })),
    canWaive: await may('waivers.record', { caseId }),
    canRecordDiscussion: await may('discussions.record', { caseId }),
    canRequestHearing: v.canRequestHearing && (await may('hearings.request', { caseId })),
    rounds: await Promise.all(
      v.rounds.map(async (r) => ({
        ...r,
        canDecide: r.canDecide && (await may('reviews.decide', { reviewId: r.id })),
        canRespond: r.canRespond && (await may('reviews.respond', { reviewId: r.id })),
        canCoordinate: r.canCoordinate && (await may('reviews.coordinate', { reviewId: r.id }))
      }))
    ),
    hearings: await Promise.all(
      v.hearings.map(async (h) => ({
        ...h,
        canSchedule: h.canSchedule && (await may('hearings.schedule', { hearingId: h.id })),
        canHold: h.canHold && (await may('hearings.hold', { hearingId: h.id }))
      }))
    )
  }
}
