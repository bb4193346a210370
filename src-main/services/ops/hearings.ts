/**
 * Steps of the parties' rights that other areas (the demo, the gates' fixes) take inside their own transaction:
 * a written waiver (行政处罚法第六十二条). 集体讨论 is in ops/discussions.ts.
 */
import { appError } from '../../core/errors'
import type { Scope } from '../../store/engine/engine'
import { addCaseEvent, caseEvents, updateCase } from '../../store/repos/cases'
import { caseHearings, insertWaiver, updateHearing } from '../../store/repos/review'
import type { Tx } from '../context'
import { mustCase, notAfterToday } from '../guards'

/** The date the (last) penalty notice was served, or null. */
export async function noticeServedOn(db: Scope, caseId: number): Promise<string | null> {
  return (
    (await caseEvents(db, caseId))
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
export async function waiveRight(tx: Tx, input: WaiverInput): Promise<void> {
  const { db, at, ctx } = tx
  notAfterToday(ctx, input.date, 'date')
  const label = input.right === 'statement' ? '陈述申辩' : '听证'
  const c = await mustCase(db, input.caseId)
  const served = await noticeServedOn(db, c.id)
  if (!served) throw appError('HEARING_NOTICE_NOT_SERVED', '尚未送达告知书，不能登记放弃权利')
  if (input.date < served)
    throw appError('VALIDATION_FAILED', `放弃日期不能早于告知书送达日期（${served}）`, {
      issues: [{ path: 'date', message: '早于告知' }]
    })
  await insertWaiver(db, { caseId: c.id, right: input.right, date: input.date, note: input.note, createdBy: ctx.actor }, at)
  if (input.right === 'hearing') {
    const open = (await caseHearings(db, c.id)).find((h) => h.status === 'requested' || h.status === 'scheduled')
    if (open) await updateHearing(db, { ...open, status: 'waived', waivedOn: input.date, waiverNote: input.note, updatedAt: at })
  }
  await addCaseEvent(db, c.id, { type: 'waived', date: input.date, note: `当事人书面放弃${label}权利` }, ctx.actor, at)
  await updateCase(db, { ...c, updatedAt: at })
  await tx.record('review', {
    action: 'rights.waive',
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary: `${c.name}：当事人书面放弃${label}权利（${input.date}）：${input.note}`,
    detail: input
  })
}
