/**
 * 集体讨论 (行政处罚法第五十七条第二款): the heads' discussion of a complex or serious case, taken inside the caller's
 * transaction (the discussions.record service, the demo). The attendees are users holding the head role, three or
 * more, picked from the user list (users.directory); the record and the 行政处罚集体讨论记录 it drafts name them as
 * the user list does, never as typed.
 */
import { appError } from '../../core/errors'
import { canAttendDiscussion, ROLE_LABELS } from '../../core/roles'
import { DISCUSSION_CONCLUSION_LABELS } from '../../core/review-views'
import type { User } from '../../core/users'
import type { Scope } from '../../store/engine/engine'
import { addCaseEvent, caseOfficers } from '../../store/repos/cases'
import { caseDocuments } from '../../store/repos/documents'
import { findOfficer } from '../../store/repos/officers'
import { insertDiscussion, type DiscussionConclusion } from '../../store/repos/review'
import { findUser } from '../../store/repos/users'
import type { Tx } from '../context'
import { mustCase, notAfterToday } from '../guards'
import { followStatus } from './case-status'
import { recomputeDeadlines } from './deadlines'
import { createDocument, saveDraft } from './documents'

/** The fewest heads a collective discussion needs. */
export const MIN_DISCUSSION_HEADS = 3

export interface DiscussionInput {
  caseId: number
  heldOn: string
  /** the user who chairs it: one of the attendees */
  chairId: number
  /** the users who attend: active heads, three or more distinct */
  attendeeIds: number[]
  conclusion: DiscussionConclusion
  conclusionText: string
  record: string
}

const invalid = (message: string, path: 'attendeeIds' | 'chairId', short: string) =>
  appError('DISCUSSION_ATTENDEES_INVALID', message, { issues: [{ path, message: short }] })

/** The attendees as the user list has them, and the chair among them; refuses anyone who is not an active head. */
export async function discussionPeople(
  db: Scope,
  input: { chairId: number; attendeeIds: readonly number[] }
): Promise<{ chair: User; attendees: User[] }> {
  const attendees: User[] = []
  for (const id of [...new Set(input.attendeeIds)]) {
    const u = await findUser(db, id)
    if (!u) throw invalid(`未找到编号为 ${id} 的用户，参加集体讨论的应为本机关的${ROLE_LABELS.head}`, 'attendeeIds', '未找到该用户')
    if (!u.active) throw invalid(`${u.name}的账户已停用，不能参加集体讨论`, 'attendeeIds', `${u.name}已停用`)
    if (!canAttendDiscussion(u))
      throw invalid(`${u.name}不是${ROLE_LABELS.head}，集体讨论应由本机关${ROLE_LABELS.head}参加`, 'attendeeIds', `${u.name}不是负责人`)
    attendees.push(u)
  }
  if (attendees.length < MIN_DISCUSSION_HEADS) {
    throw invalid(
      `集体讨论应有三名以上${ROLE_LABELS.head}参加，现只选了${attendees.length}名${attendees.length ? `（${attendees.map((u) => u.name).join('、')}）` : ''}`,
      'attendeeIds',
      '至少三人'
    )
  }
  const chair = attendees.find((u) => u.id === input.chairId)
  if (!chair) {
    const u = await findUser(db, input.chairId)
    throw invalid(`主持人应为参加讨论的${ROLE_LABELS.head}之一${u ? `，${u.name}不在参加人员中` : ''}`, 'chairId', '不在参加人员中')
  }
  return { chair, attendees }
}

/** 姓名（职务）, the post from the user's officer record where there is one. */
async function withPost(db: Scope, u: User): Promise<string> {
  const post = u.officerId !== null ? (await findOfficer(db, u.officerId))?.post : undefined
  return post ? `${u.name}（${post}）` : u.name
}

/** Drafts the case's 集体讨论记录, or updates its open draft, with the discussion's people and conclusion. */
async function draftRecord(tx: Tx, caseId: number, input: DiscussionInput, people: { chair: User; attendees: User[] }): Promise<number> {
  const { db } = tx
  const handlers = ((await caseOfficers(db, [caseId])).get(caseId) ?? []).map((o) => o.name)
  const fields: Record<string, unknown> = {
    chair: people.chair.name,
    attendees: (await Promise.all(people.attendees.map((u) => withPost(db, u)))).join('、'),
    conclusion: input.conclusionText,
    ...(input.record.trim() ? { discussion: input.record } : {})
  }
  const open = (await caseDocuments(db, caseId)).filter((d) => d.type === 'collective_discussion_record' && d.status === 'draft').at(-1)
  if (open)
    return (await saveDraft(tx, open, { ...(String(open.fields.reporter ?? '') ? {} : { reporter: handlers.join('、') }), ...fields })).id
  return (await createDocument(tx, { caseId, type: 'collective_discussion_record', fields: { reporter: handlers.join('、'), ...fields } }))
    .id
}

/**
 * 集体讨论: the heads' discussion, with its attendees (three or more active heads, one of them chairing) and
 * conclusion; drafts the 集体讨论记录 (`document.create`, or `document.save` of the open draft), then appends
 * `discussion.record`. Returns the discussion's id.
 */
export async function recordDiscussion(tx: Tx, input: DiscussionInput): Promise<number> {
  const { db, at, ctx } = tx
  notAfterToday(ctx, input.heldOn, 'heldOn')
  const c = await mustCase(db, input.caseId)
  if (c.procedure !== 'general') throw appError('CASE_NOT_GENERAL_PROCEDURE', '简易程序案件不需要集体讨论')
  if (!c.filedOn) throw appError('CASE_NOT_FILED', '案件尚未立案')
  if (input.heldOn < c.filedOn)
    throw appError('VALIDATION_FAILED', `讨论日期不能早于立案日期（${c.filedOn}）`, {
      issues: [{ path: 'heldOn', message: '早于立案' }]
    })
  const people = await discussionPeople(db, input)
  const documentId = await draftRecord(tx, c.id, input, people)
  const names = people.attendees.map((u) => u.name)
  const id = await insertDiscussion(
    db,
    {
      caseId: c.id,
      heldOn: input.heldOn,
      chair: people.chair.name,
      attendees: names,
      conclusion: input.conclusion,
      conclusionText: input.conclusionText,
      record: input.record,
      documentId,
      createdBy: ctx.actor
    },
    at
  )
  await addCaseEvent(
    db,
    c.id,
    { type: 'discussion_held', date: input.heldOn, note: DISCUSSION_CONCLUSION_LABELS[input.conclusion] },
    ctx.actor,
    at
  )
  await followStatus(db, c, 'discussion', input.heldOn, '集体讨论', ctx.actor, at)
  await recomputeDeadlines(db, c.id)
  await tx.record('review', {
    action: 'discussion.record',
    targetType: 'discussion',
    targetId: id,
    caseId: String(c.id),
    summary: `${c.name}：集体讨论（${input.heldOn}，主持${people.chair.name}，参加${names.join('、')}）结论：${DISCUSSION_CONCLUSION_LABELS[input.conclusion]}`,
    detail: {
      ...input,
      chair: { userId: people.chair.id, name: people.chair.name },
      attendees: people.attendees.map((u) => ({ userId: u.id, name: u.name })),
      documentId
    }
  })
  return id
}
