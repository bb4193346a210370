/**
 * A legal review round (法制审核): submitted with its materials and decision draft, then decided by a qualified
 * reviewer, whose opinion drafts the 法制审核意见书 in the same transaction.
 */
import { CASE_STATUS_LABELS, DECIDED_STATUSES } from '../../core/case'
import { isDecisionType } from '../../core/decisions'
import { appError } from '../../core/errors'
import {
  ASPECT_FORM_FIELD,
  OPINION_FORM_CONCLUSION,
  REVIEW_ASPECTS,
  REVIEW_ASPECT_LABELS,
  REVIEW_OUTCOME_LABELS,
  reviewerProblem,
  type ReviewDecision
} from '../../core/legal-review'
import type { Scope } from '../../store/engine/engine'
import { addCaseEvent, caseOfficers, findCase } from '../../store/repos/cases'
import { findDocument, type DocumentRecord } from '../../store/repos/documents'
import { findOfficer } from '../../store/repos/officers'
import { caseReviews, findReview, insertReview, updateReview, type ReviewRecord } from '../../store/repos/review'
import { loadCalendar } from '../calendar'
import { today, type Tx } from '../context'
import { activeRules, recomputeDeadlines } from './deadlines'
import { mustCase, notAfterToday } from '../guards'
import { assessCase } from './assessment'
import { followStatus } from './case-status'
import { createDocument } from './documents'
import { latestDecisionDraft, materialsNow } from './review-overview'

export async function mustReview(db: Scope, id: number): Promise<ReviewRecord> {
  const r = await findReview(db, id)
  if (!r) throw appError('REVIEW_NOT_FOUND', `未找到编号为 ${id} 的法制审核`)
  return r
}

/** The reviewer is still a qualified, active legal reviewer and not a handler of the case. */
async function mustBeReviewer(db: Scope, caseId: number, reviewerId: number) {
  const officerIds = ((await caseOfficers(db, [caseId])).get(caseId) ?? []).map((o) => o.officerId)
  const reviewer = await findOfficer(db, reviewerId)
  const problem = reviewerProblem(
    reviewer ? { id: reviewer.id, name: reviewer.name, legalReviewer: reviewer.legalReviewer, active: reviewer.active } : null,
    officerIds
  )
  if (problem || !reviewer)
    throw appError('REVIEWER_INVALID', problem ?? '未找到该审核人员', { issues: [{ path: 'reviewerId', message: problem ?? '未找到' }] })
  return reviewer
}

export interface ReviewSubmitInput {
  caseId: number
  reviewerId: number
  documentId?: number | undefined
  note: string
  submittedOn?: string | undefined
}

/** Submit the case (and its decision draft) for review: a new round with its due date; appends `review.submit`. */
export async function submitReview(tx: Tx, input: ReviewSubmitInput): Promise<ReviewRecord> {
  const { db, at, ctx } = tx
  const on = input.submittedOn ?? today(ctx)
  notAfterToday(ctx, on, 'submittedOn', '提交日期')
  const c = await mustCase(db, input.caseId)
  if (c.procedure !== 'general') throw appError('CASE_NOT_GENERAL_PROCEDURE', '简易程序案件不适用重大执法决定法制审核')
  if (!c.filedOn) throw appError('CASE_NOT_FILED', '案件尚未立案，不能提交法制审核')
  if (DECIDED_STATUSES.includes(c.status)) {
    throw appError('REVIEW_STATE_INVALID', `案件已作出处理决定（${CASE_STATUS_LABELS[c.status]}），法制审核应在决定前进行`)
  }
  const rounds = await caseReviews(db, c.id)
  const last = rounds.at(-1)
  if (last?.status === 'in_review') throw appError('REVIEW_STATE_INVALID', `第${last.round}轮法制审核尚未作出结论，不能重复提交`)
  const reviewer = await mustBeReviewer(db, c.id, input.reviewerId)
  let draft: DocumentRecord | null = null
  if (input.documentId !== undefined) {
    draft = await findDocument(db, input.documentId)
    if (!draft || draft.caseId !== c.id || !isDecisionType(draft.type) || draft.status !== 'draft') {
      throw appError('VALIDATION_FAILED', '送审的决定书应为本案尚未签发的处罚（不予处罚）决定书草稿', {
        issues: [{ path: 'documentId', message: '不是本案的决定书草稿' }]
      })
    }
  } else draft = await latestDecisionDraft(db, c.id)
  const a = await assessCase(db, c.id, on)
  // the same date the workbench shows: the legal_review deadline rule (the catalogue's review days edit it)
  const rule = (await activeRules(db)).rules.find((r) => r.code === 'legal_review')
  const due = (await loadCalendar(db)).add(on, rule?.length ?? a.catalogue.reviewDays, rule?.unit ?? 'WD').due.slice(0, 10)
  const id = await insertReview(
    db,
    {
      caseId: c.id,
      round: (last?.round ?? 0) + 1,
      catalogueVersion: a.catalogueVersion,
      triggers: a.triggers,
      materials: await materialsNow(db, c.id),
      documentId: draft?.id ?? null,
      documentRevision: draft?.revision ?? null,
      reviewerId: input.reviewerId,
      submittedOn: on,
      submittedBy: ctx.actor,
      submitNote: input.note,
      due
    },
    at
  )
  await addCaseEvent(db, c.id, { type: 'review_submitted', date: on, note: `提交法制审核（第${(last?.round ?? 0) + 1}轮）` }, ctx.actor, at)
  await followStatus(db, (await findCase(db, c.id))!, 'legal_review', on, '提交法制审核', ctx.actor, at)
  await recomputeDeadlines(db, c.id)
  const review = (await findReview(db, id))!
  await tx.record('review', {
    action: 'review.submit',
    targetType: 'legal_review',
    targetId: review.id,
    caseId: String(c.id),
    summary: `${c.name}：提交法制审核（第${review.round}轮，审核人员${reviewer.name}，${review.due}前完成${review.documentId ? `，决定书草稿第${review.documentRevision}稿` : '，未附决定书草稿'}）`,
    detail: {
      review: {
        ...review,
        materials: review.materials.map((m) => ({ code: m.code, present: m.present, refs: m.refs.map((x) => `${x.kind}:${x.id}`) }))
      }
    }
  })
  return review
}

/**
 * The reviewer's conclusion; drafts the 法制审核意见书 (`document.create`) for the reviewer to complete and issue,
 * naming her as she signed in, then appends `review.decide`.
 */
export async function decideReview(
  tx: Tx,
  input: { reviewId: number; decision: ReviewDecision; decidedOn?: string | undefined }
): Promise<ReviewRecord> {
  const { db, at, ctx } = tx
  const on = input.decidedOn ?? today(ctx)
  notAfterToday(ctx, on, 'decidedOn', '审核日期')
  const r = await mustReview(db, input.reviewId)
  if (r.status !== 'in_review')
    throw appError('REVIEW_STATE_INVALID', `第${r.round}轮法制审核已作出结论（${REVIEW_OUTCOME_LABELS[r.status]}）`)
  if (on < r.submittedOn)
    throw appError('VALIDATION_FAILED', `审核日期不能早于提交日期（${r.submittedOn}）`, {
      issues: [{ path: 'decidedOn', message: '早于提交日期' }]
    })
  const c = await mustCase(db, r.caseId)
  const reviewer = await mustBeReviewer(db, c.id, r.reviewerId)
  // the draft must not have changed while it was under review
  if (r.documentId !== null) {
    const d = await findDocument(db, r.documentId)
    if (d && d.status === 'draft' && d.revision !== r.documentRevision) {
      throw appError(
        'REVIEW_DOCUMENT_CHANGED',
        `送审后决定书草稿已修改（送审第${r.documentRevision}稿，现为第${d.revision}稿），请承办人员重新提交`
      )
    }
  }
  const decision = input.decision
  // the reviewer as signed in (the access rule made sure it is the assigned one); a trusted caller: the officer record
  const decidedBy = ctx.principal?.name ?? reviewer.name
  const decided: ReviewRecord = { ...r, status: decision.outcome, decidedOn: on, decidedBy, decision, updatedAt: at }
  // the 法制审核意见书 is drafted from the opinion, in the same transaction
  const updated: ReviewRecord = { ...decided, opinionDocumentId: (await draftOpinion(tx, decided)).id }
  await updateReview(db, updated)
  await addCaseEvent(
    db,
    c.id,
    { type: 'review_decided', date: on, note: `法制审核意见：${REVIEW_OUTCOME_LABELS[decision.outcome]}` },
    ctx.actor,
    at
  )
  await recomputeDeadlines(db, c.id)
  await tx.record('review', {
    action: 'review.decide',
    targetType: 'legal_review',
    targetId: updated.id,
    caseId: String(c.id),
    summary: `${c.name}：法制审核意见“${REVIEW_OUTCOME_LABELS[input.decision.outcome]}”（第${updated.round}轮，${updated.decidedBy}；法制审核意见书文书编号 ${updated.opinionDocumentId}）`,
    detail: { reviewId: updated.id, round: updated.round, decidedOn: updated.decidedOn, decision: input.decision }
  })
  return (await findReview(db, updated.id))!
}

async function draftOpinion(tx: Tx, r: ReviewRecord) {
  const d = r.decision!
  const proposal = r.documentId ? await findDocument(tx.db, r.documentId) : null
  const aspects = REVIEW_ASPECTS.map(
    (a) => `${REVIEW_ASPECT_LABELS[a]}：${d.aspects[a].ok ? '无异议' : '存在问题'}${d.aspects[a].note ? `。${d.aspects[a].note}` : ''}`
  ).join('\n')
  const fields: Record<string, unknown> = {
    submittedOn: r.submittedOn,
    reviewers: r.decidedBy ?? '',
    triggers: r.triggers.map((t) => `${t.label}：${t.reason}`).join('；') || '承办机构提请审核',
    proposal: proposal ? String(proposal.fields.penalty ?? proposal.fields.reason ?? '') : r.submitNote,
    crimeSuspected: d.crimeSuspected,
    opinion: `${d.opinion}\n${aspects}${d.changes ? `\n${r.status === 'returned' ? '需补充' : '需修改'}：${d.changes}` : ''}`,
    conclusion: OPINION_FORM_CONCLUSION[d.outcome]
  }
  for (const a of REVIEW_ASPECTS) fields[ASPECT_FORM_FIELD[a]] = d.aspects[a].ok
  return createDocument(tx, { caseId: r.caseId, type: 'legal_review_opinion', fields })
}
