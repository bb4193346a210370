/**
 * 听证 (hearing, 行政处罚法第六十三至六十五条), written waivers of the statement and hearing rights (第六十二条), and
 * 集体讨论 (collective discussion by the heads, 第五十七条第二款).
 */
import { appError } from '../core/errors'
import type { Scope } from '../store/engine/engine'
import { addCaseEvent, caseOfficers, updateCase } from '../store/repos/cases'
import { caseDeadlines } from '../store/repos/case-deadlines'
import { findOfficer } from '../store/repos/officers'
import { caseHearings, findHearing, insertHearing, updateHearing, type HearingRecord } from '../store/repos/review'
import { change, transact, type ServiceContext } from './context'
import { mustCase, notAfterToday as notFuture } from './guards'
import { loadCalendar } from './calendar'
import { recomputeDeadlines } from './ops/deadlines'
import { assessCase } from './ops/assessment'
import { followStatus } from './ops/case-status'
import { recordDiscussion, type DiscussionInput } from './ops/discussions'
import { noticeServedOn, waiveRight, type WaiverInput } from './ops/hearings'
import { reviewFor } from './review-for'

async function mustHearing(db: Scope, id: number): Promise<HearingRecord> {
  const h = await findHearing(db, id)
  if (!h) throw appError('HEARING_NOT_FOUND', `未找到编号为 ${id} 的听证记录`)
  return h
}

const EXPLAIN_HEARING = (h: HearingRecord) => `听证申请（${h.requestedOn}）`

/** The party asks for a hearing: within the 5-working-day window after the notice; eligibility per the catalogue. */
export async function hearingsRequest(ctx: ServiceContext, input: { caseId: number; requestedOn: string; note: string }) {
  notFuture(ctx, input.requestedOn, 'requestedOn')
  await change(
    ctx,
    'review',
    async (db, at) => {
      const c = await mustCase(db, input.caseId)
      const served = await noticeServedOn(db, c.id)
      if (!served)
        throw appError('HEARING_NOTICE_NOT_SERVED', '尚未送达行政处罚告知书，当事人还不能申请听证', {
          issues: [{ path: 'requestedOn', message: '尚未告知' }]
        })
      if (input.requestedOn < served)
        throw appError('VALIDATION_FAILED', `申请日期不能早于告知书送达日期（${served}）`, {
          issues: [{ path: 'requestedOn', message: '早于告知' }]
        })
      const end = (await caseDeadlines(db, c.id)).find((d) => d.code === 'hearing_request')?.due
      if (end && input.requestedOn > end) {
        throw appError('HEARING_REQUEST_LATE', `听证申请期已于${end}届满，逾期提出的视为放弃听证权利（行政处罚法第六十四条）`, {
          issues: [{ path: 'requestedOn', message: `晚于${end}` }]
        })
      }
      const open = (await caseHearings(db, c.id)).find((h) => h.status === 'requested' || h.status === 'scheduled')
      if (open) throw appError('HEARING_STATE_INVALID', `已有尚未举行的${EXPLAIN_HEARING(open)}`)
      const a = await assessCase(db, c.id, input.requestedOn)
      const eligible = a.hearing.eligible
      const id = await insertHearing(
        db,
        {
          caseId: c.id,
          status: eligible ? 'requested' : 'not_eligible',
          requestedOn: input.requestedOn,
          eligible,
          eligibility: eligible
            ? a.hearing.reasons.join('；')
            : `不属于行政处罚法第六十三条规定的听证范围${input.note ? `（${input.note}）` : ''}`
        },
        at
      )
      await addCaseEvent(db, c.id, { type: 'hearing_requested', date: input.requestedOn, note: input.note }, ctx.actor, at)
      if (eligible) await followStatus(db, c, 'hearing', input.requestedOn, '当事人申请听证', ctx.actor, at)
      else await updateCase(db, { ...c, updatedAt: at })
      await recomputeDeadlines(db, c.id)
      return { c, h: (await findHearing(db, id))! }
    },
    ({ c, h }) => ({
      action: 'hearing.request',
      targetType: 'hearing',
      targetId: h.id,
      caseId: String(c.id),
      summary: `${c.name}：当事人申请听证（${h.requestedOn}）${h.eligible ? `，符合听证条件：${h.eligibility}` : '，不符合听证条件'}`,
      detail: { hearing: h, note: input.note }
    })
  )
  return reviewFor(ctx, input.caseId)
}

/** Hearing notice: at least 7 working days before the hearing; the chair is not an investigator of the case. */
export async function hearingsSchedule(
  ctx: ServiceContext,
  input: {
    hearingId: number
    noticeOn: string
    scheduledAt: string
    place: string
    chairId: number
    clerk: string
    public: boolean
    privateReason: string
  }
) {
  notFuture(ctx, input.noticeOn, 'noticeOn')
  const h = await change(
    ctx,
    'review',
    async (db, at) => {
      const h = await mustHearing(db, input.hearingId)
      if (h.status !== 'requested' && h.status !== 'scheduled')
        throw appError('HEARING_STATE_INVALID', h.status === 'not_eligible' ? '该申请不符合听证条件' : '听证已举行或者当事人已放弃')
      if (input.noticeOn < h.requestedOn)
        throw appError('VALIDATION_FAILED', `通知日期不能早于申请日期（${h.requestedOn}）`, {
          issues: [{ path: 'noticeOn', message: '早于申请日期' }]
        })
      const hearingDay = input.scheduledAt.slice(0, 10)
      const earliest = (await loadCalendar(db)).add(input.noticeOn, 7, 'WD').due.slice(0, 10)
      if (hearingDay < earliest) {
        throw appError(
          'HEARING_NOTICE_TOO_SHORT',
          `应当在举行听证的七日前通知当事人（行政处罚法第六十四条；按工作日计算），${input.noticeOn}通知的，听证最早于${earliest}举行`,
          {
            issues: [{ path: 'scheduledAt', message: `最早${earliest}` }]
          }
        )
      }
      const chair = await findOfficer(db, input.chairId)
      if (!chair || !chair.active)
        throw appError('HEARING_CHAIR_INVALID', '听证主持人应为本机关在岗人员', { issues: [{ path: 'chairId', message: '未找到' }] })
      const investigators = ((await caseOfficers(db, [h.caseId])).get(h.caseId) ?? []).map((o) => o.officerId)
      if (investigators.includes(chair.id)) {
        throw appError('HEARING_CHAIR_INVALID', `${chair.name}是本案调查人员，不能主持听证（行政处罚法第六十四条第四项）`, {
          issues: [{ path: 'chairId', message: '本案调查人员' }]
        })
      }
      if (!input.public && !input.privateReason.trim()) {
        throw appError('VALIDATION_FAILED', '听证应当公开举行；不公开的，须写明涉及国家秘密、商业秘密或者个人隐私的理由', {
          issues: [{ path: 'privateReason', message: '请写明不公开的理由' }]
        })
      }
      const u: HearingRecord = {
        ...h,
        status: 'scheduled',
        noticeOn: input.noticeOn,
        scheduledAt: input.scheduledAt,
        place: input.place,
        chairId: chair.id,
        chairName: chair.name,
        clerk: input.clerk,
        public: input.public,
        privateReason: input.public ? '' : input.privateReason.trim(),
        updatedAt: at
      }
      await updateHearing(db, u)
      return u
    },
    (h) => ({
      action: 'hearing.schedule',
      targetType: 'hearing',
      targetId: h.id,
      caseId: String(h.caseId),
      summary: `通知听证：${h.scheduledAt?.replace('T', ' ')}在${h.place}${h.public ? '公开' : '不公开'}举行，主持人${h.chairName}，书记员${h.clerk}（${h.noticeOn}通知）`,
      detail: { hearing: h }
    })
  )
  return reviewFor(ctx, h.caseId)
}

/** The hearing was held (or the party did not come: a no-show counts as waiver, 第六十五条 of the old law / 第六十四条第八项). */
export async function hearingsHold(
  ctx: ServiceContext,
  input: { hearingId: number; heldOn: string; agents: string[]; noShow: boolean; summary: string }
) {
  notFuture(ctx, input.heldOn, 'heldOn')
  const h = await change(
    ctx,
    'review',
    async (db, at) => {
      const h = await mustHearing(db, input.hearingId)
      if (h.status !== 'scheduled')
        throw appError('HEARING_STATE_INVALID', h.status === 'requested' ? '尚未通知听证时间和地点' : '该听证已结束')
      if (input.heldOn < (h.scheduledAt ?? '').slice(0, 10))
        throw appError('VALIDATION_FAILED', `听证日期不能早于通知的时间（${h.scheduledAt?.slice(0, 10)}）`, {
          issues: [{ path: 'heldOn', message: '早于通知时间' }]
        })
      if (input.agents.length > 2)
        throw appError('VALIDATION_FAILED', '当事人可以委托一至二人代理（行政处罚法第六十四条第五项）', {
          issues: [{ path: 'agents', message: '至多二人' }]
        })
      const u: HearingRecord = input.noShow
        ? {
            ...h,
            status: 'waived',
            waivedOn: input.heldOn,
            waiverNote: `当事人无正当理由拒不出席听证，视为放弃听证权利。${input.summary}`.trim(),
            updatedAt: at
          }
        : { ...h, status: 'held', heldOn: input.heldOn, agents: input.agents, summary: input.summary, updatedAt: at }
      await updateHearing(db, u)
      await addCaseEvent(
        db,
        h.caseId,
        { type: input.noShow ? 'waived' : 'hearing_held', date: input.heldOn, note: input.noShow ? '当事人未出席听证' : '举行听证' },
        ctx.actor,
        at
      )
      await recomputeDeadlines(db, h.caseId)
      return u
    },
    (h) => ({
      action: input.noShow ? 'hearing.no_show' : 'hearing.hold',
      targetType: 'hearing',
      targetId: h.id,
      caseId: String(h.caseId),
      summary: input.noShow
        ? `当事人未出席听证（${input.heldOn}），视为放弃`
        : `举行听证（${input.heldOn}，主持人${h.chairName}${h.agents.length ? `，委托代理人${h.agents.join('、')}` : ''}）`,
      detail: { hearing: h }
    })
  )
  return reviewFor(ctx, h.caseId)
}

/** A written waiver of the statement or hearing right, after the notice was served. */
export async function waiversRecord(ctx: ServiceContext, input: WaiverInput) {
  await transact(ctx, (tx) => waiveRight(tx, input))
  return reviewFor(ctx, input.caseId)
}

/** 集体讨论: the heads' discussion, with attendees and conclusion. */
export async function discussionsRecord(ctx: ServiceContext, input: DiscussionInput) {
  await transact(ctx, (tx) => recordDiscussion(tx, input))
  return reviewFor(ctx, input.caseId)
}
