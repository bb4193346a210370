/**
 * 重大执法决定法制审核: a case's review profile, the review rounds (submit → decide → respond / coordinate), the
 * review screen and the reviewer's queue. The catalogue is in review-catalogue.ts; the rounds' steps and the
 * decision gates are operations in ops/review-rounds.ts and ops/review-gates.ts.
 */
import { appError } from '../core/errors'
import { HEAD_DECISION_LABELS, type HeadDecision, type ReviewDecision } from '../core/legal-review'
import { MEASURE_LABELS, type Measure } from '../core/major-decision'
import { findCase, updateCase } from '../store/repos/cases'
import { catalogueOn, getProfile, openReviews, saveProfile, updateReview, type ReviewRecord } from '../store/repos/review'
import { change, today, transact, type ServiceContext } from './context'
import { mustCase } from './guards'
import { reviewView } from './ops/review-overview'
import { reviewFor } from './review-for'
import { decideReview, mustReview, submitReview, type ReviewSubmitInput } from './ops/review-rounds'

export function reviewsShow(ctx: ServiceContext, input: { caseId: number }) {
  return reviewFor(ctx, input.caseId)
}

export async function reviewsSetProfile(
  ctx: ServiceContext,
  input: { caseId: number; measures: Measure[]; confiscation: number; departure: boolean; departureReason: string; manualFlags: string[] }
) {
  await change(
    ctx,
    'review',
    async (db, at) => {
      const c = await mustCase(db, input.caseId)
      const { catalogue } = await catalogueOn(db, today(ctx))
      const unknown = input.manualFlags.filter((f) => !catalogue.manualFlags.some((m) => m.code === f))
      if (unknown.length)
        throw appError('VALIDATION_FAILED', `目录中没有这些标记：${unknown.join('、')}`, {
          issues: [{ path: 'manualFlags', message: '未知标记' }]
        })
      if (input.departure && !input.departureReason.trim()) {
        throw appError('VALIDATION_FAILED', '偏离裁量基准的，须写明理由', {
          issues: [{ path: 'departureReason', message: '请写明偏离裁量基准的理由' }]
        })
      }
      const before = await getProfile(db, c.id)
      await saveProfile(
        db,
        c.id,
        {
          measures: input.measures,
          confiscation: input.confiscation,
          departure: input.departure,
          departureReason: input.departureReason.trim(),
          manualFlags: input.manualFlags
        },
        at
      )
      await updateCase(db, { ...c, updatedAt: at })
      return { c, before }
    },
    ({ c, before }) => ({
      action: 'review.profile',
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `${c.name}：登记拟作出的处理（${[...input.measures.map((m) => MEASURE_LABELS[m]), input.confiscation ? `没收${input.confiscation}元` : ''].filter(Boolean).join('、') || '无其他处理'}${input.manualFlags.length ? `；标记：${input.manualFlags.join('、')}` : ''}）`,
      detail: { before, after: input }
    })
  )
  return reviewFor(ctx, input.caseId)
}

export async function reviewsSubmit(ctx: ServiceContext, input: ReviewSubmitInput) {
  return reviewView(ctx.home.store, await transact(ctx, (tx) => submitReview(tx, input)))
}

export async function reviewsDecide(
  ctx: ServiceContext,
  input: { reviewId: number; decision: ReviewDecision; decidedOn?: string | undefined }
) {
  return reviewView(ctx.home.store, await transact(ctx, (tx) => decideReview(tx, input)))
}

/** The handlers accept the opinion, or disagree (then a coordination record and the head's call follow). */
export async function reviewsRespond(
  ctx: ServiceContext,
  input: { reviewId: number; accept: boolean; note: string; date?: string | undefined }
) {
  const on = input.date ?? today(ctx)
  const r = await change(
    ctx,
    'review',
    async (db, at) => {
      const r = await mustReview(db, input.reviewId)
      if (r.status === 'in_review') throw appError('REVIEW_STATE_INVALID', '审核尚未作出结论')
      if (r.response) throw appError('REVIEW_STATE_INVALID', '已登记过承办机构的意见')
      if (!input.accept && !input.note.trim())
        throw appError('VALIDATION_FAILED', '有异议的，请写明理由', { issues: [{ path: 'note', message: '请写明异议理由' }] })
      const u: ReviewRecord = {
        ...r,
        response: input.accept ? 'accepted' : 'disagreed',
        responseNote: input.note,
        respondedOn: on,
        updatedAt: at
      }
      await updateReview(db, u)
      return u
    },
    (r) => ({
      action: 'review.respond',
      targetType: 'legal_review',
      targetId: r.id,
      caseId: String(r.caseId),
      summary: `承办机构${input.accept ? '采纳' : '对'}第${r.round}轮法制审核意见${input.accept ? '' : '提出异议'}${input.note ? `：${input.note}` : ''}`,
      detail: input
    })
  )
  return reviewView(ctx.home.store, r)
}

export async function reviewsCoordinate(
  ctx: ServiceContext,
  input: { reviewId: number; coordination: string; headName: string; headDecision: HeadDecision; date?: string | undefined }
) {
  const on = input.date ?? today(ctx)
  const r = await change(
    ctx,
    'review',
    async (db, at) => {
      const r = await mustReview(db, input.reviewId)
      if (r.response !== 'disagreed') throw appError('REVIEW_STATE_INVALID', '承办机构对审核意见无异议的，无需协调')
      if (r.coordinatedOn) throw appError('REVIEW_STATE_INVALID', '已登记协调意见和负责人决定')
      const u: ReviewRecord = {
        ...r,
        coordination: input.coordination,
        headName: input.headName,
        headDecision: input.headDecision,
        coordinatedOn: on,
        updatedAt: at
      }
      await updateReview(db, u)
      return u
    },
    (r) => ({
      action: 'review.coordinate',
      targetType: 'legal_review',
      targetId: r.id,
      caseId: String(r.caseId),
      summary: `法制审核意见分歧协调：${input.coordination}；${input.headName}决定：${HEAD_DECISION_LABELS[input.headDecision]}`,
      detail: input
    })
  )
  return reviewView(ctx.home.store, r)
}

/** Reviews waiting for a decision, for the reviewer's workbench. */
export async function reviewsQueue(ctx: ServiceContext, input: { reviewerId?: number | undefined }) {
  const db = ctx.home.store
  const t = today(ctx)
  const out = []
  for (const r of await openReviews(db, input.reviewerId)) {
    const c = (await findCase(db, r.caseId))!
    out.push({ ...(await reviewView(db, r)), caseName: c.name, caseNumber: c.number, overdue: r.due < t })
  }
  return out
}
