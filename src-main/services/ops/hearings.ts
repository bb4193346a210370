/**
 * Steps of the parties' rights and the heads' discussion that other areas (the demo, the gates' fixes) take
 * inside their own transaction: a written waiver (行政处罚法第六十二条) and 集体讨论 (第五十七条第二款).
 */
import { appError } from '../../core/errors'
import { DISCUSSION_CONCLUSION_LABELS } from '../../core/review-views'
import type { Db } from '../../store/db'
import { addCaseEvent, caseEvents, updateCase } from '../../store/repos/cases'
import { caseHearings, insertDiscussion, insertWaiver, updateHearing, type DiscussionConclusion } from '../../store/repos/review'
import type { Tx } from '../context'
import { recomputeDeadlines } from './deadlines'
import { mustCase, notAfterToday } from '../guards'
import { followStatus } from './case-status'

/** The date the (last) penalty notice was served, or null. */
export function noticeServedOn(db: Db, caseId: number): string | null {
  return (
    caseEvents(db, caseId)
      .filter((e) => e.type === 'notice_served')
      .map((e) => e.date)
      .sort()
      .at(-1) ?? null
  )
}

export interface WaiverInput {
  caseId: number
  right: 'statement' | 'hearing'
  date: string
  note: string
}

/** A written waiver of the statement or hearing right, after the notice was served; appends `rights.waive`. */
export function waiveRight(tx: Tx, input: WaiverInput): void {
  const { db, at, ctx } = tx
  notAfterToday(ctx, input.date, 'date')
  const label = input.right === 'statement' ? '陈述申辩' : '听证'
  const c = mustCase(db, input.caseId)
  const served = noticeServedOn(db, c.id)
  if (!served) throw appError('HEARING_NOTICE_NOT_SERVED', '尚未送达告知书，不能登记放弃权利')
  if (input.date < served)
    throw appError('VALIDATION_FAILED', `放弃日期不能早于告知书送达日期（${served}）`, {
      issues: [{ path: 'date', message: '早于告知' }]
    })
  insertWaiver(db, { caseId: c.id, right: input.right, date: input.date, note: input.note, createdBy: ctx.actor }, at)
  if (input.right === 'hearing') {
    const open = caseHearings(db, c.id).find((h) => h.status === 'requested' || h.status === 'scheduled')
    if (open) updateHearing(db, { ...open, status: 'waived', waivedOn: input.date, waiverNote: input.note, updatedAt: at })
  }
  addCaseEvent(db, c.id, { type: 'waived', date: input.date, note: `当事人书面放弃${label}权利` }, ctx.actor, at)
  updateCase(db, { ...c, updatedAt: at })
  tx.record('review', {
    action: 'rights.waive',
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary: `${c.name}：当事人书面放弃${label}权利（${input.date}）：${input.note}`,
    detail: input
  })
}

export interface DiscussionInput {
  caseId: number
  heldOn: string
  chair: string
  attendees: string[]
  conclusion: DiscussionConclusion
  conclusionText: string
  record: string
}

/** 集体讨论: the heads' discussion, with attendees (three or more) and conclusion; appends `discussion.record`. */
export function recordDiscussion(tx: Tx, input: DiscussionInput): number {
  const { db, at, ctx } = tx
  notAfterToday(ctx, input.heldOn, 'heldOn')
  const c = mustCase(db, input.caseId)
  if (c.procedure !== 'general') throw appError('CASE_NOT_GENERAL_PROCEDURE', '简易程序案件不需要集体讨论')
  if (!c.filedOn) throw appError('CASE_NOT_FILED', '案件尚未立案')
  if (input.heldOn < c.filedOn)
    throw appError('VALIDATION_FAILED', `讨论日期不能早于立案日期（${c.filedOn}）`, {
      issues: [{ path: 'heldOn', message: '早于立案' }]
    })
  const people = [...new Set(input.attendees.map((a) => a.trim()).filter(Boolean))]
  if (people.length < 3)
    throw appError('VALIDATION_FAILED', '集体讨论应有三名以上负责人参加', { issues: [{ path: 'attendees', message: '至少三人' }] })
  const id = insertDiscussion(
    db,
    {
      caseId: c.id,
      heldOn: input.heldOn,
      chair: input.chair,
      attendees: people,
      conclusion: input.conclusion,
      conclusionText: input.conclusionText,
      record: input.record,
      documentId: null,
      createdBy: ctx.actor
    },
    at
  )
  addCaseEvent(
    db,
    c.id,
    { type: 'discussion_held', date: input.heldOn, note: DISCUSSION_CONCLUSION_LABELS[input.conclusion] },
    ctx.actor,
    at
  )
  followStatus(db, c, 'discussion', input.heldOn, '集体讨论', ctx.actor, at)
  recomputeDeadlines(db, c.id)
  tx.record('review', {
    action: 'discussion.record',
    targetType: 'discussion',
    targetId: id,
    caseId: String(c.id),
    summary: `${c.name}：集体讨论（${input.heldOn}，主持${input.chair}，参加${people.join('、')}）结论：${DISCUSSION_CONCLUSION_LABELS[input.conclusion]}`,
    detail: input
  })
  return id
}
