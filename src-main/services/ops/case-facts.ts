/** Dated facts of a case outside the status machine: the 延期 / 中止 flags, payment received, decision published. */
import { appError } from '../../core/errors'
import { addDays } from '../../core/dates'
import { addCaseEvent, caseEvents, updateCase, type CaseRecord } from '../../store/repos/cases'
import { addAdjustment } from '../../store/repos/case-deadlines'
import { today, type Tx } from '../context'
import { recomputeDeadlines } from './deadlines'
import { mustCase } from '../guards'
import { checkDate } from './case-checks'

export interface CaseFlagInput {
  id: number
  flag: 'extended' | 'suspended'
  on: boolean
  reason: string
  date?: string | undefined
}

/**
 * Overlay flags: 延期 (extended) and 中止 (suspended). A suspension is dated; when the case resumes, the
 * suspended days are excluded from the decision period automatically. Appends `case.flag`.
 */
export async function setCaseFlag(tx: Tx, input: CaseFlagInput): Promise<CaseRecord> {
  const { db, at, ctx } = tx
  const label = input.flag === 'extended' ? '延期' : '中止'
  const t = today(ctx)
  const date = input.date ?? t
  const c = await mustCase(db, input.id)
  if (c[input.flag] === input.on) throw appError('CASE_TRANSITION_INVALID', `案件${input.on ? '已处于' : '未处于'}${label}状态`)
  checkDate(c, date, t, '日期')
  await updateCase(db, { ...c, [input.flag]: input.on, updatedAt: at })
  if (input.flag === 'suspended') {
    await addCaseEvent(db, c.id, { type: input.on ? 'suspended' : 'resumed', date, note: input.reason }, ctx.actor, at)
    if (!input.on) {
      const since = [...(await caseEvents(db, c.id))].reverse().find((e) => e.type === 'suspended')
      if (since && since.date < date) {
        await addAdjustment(
          db,
          c.id,
          {
            code: 'decision',
            kind: 'exclusion',
            from: since.date,
            to: addDays(date, -1),
            reason: `案件中止（${since.note || input.reason}）`
          },
          at
        )
      }
    }
    await recomputeDeadlines(db, c.id)
  }
  await tx.record('cases', {
    action: 'case.flag',
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary: `${c.name}：${input.on ? '' : '解除'}${label}（${date}，${input.reason}）`,
    detail: input
  })
  return c
}

export interface CaseEventInput {
  id: number
  type: 'paid' | 'published'
  date: string
  note: string
}

/** Payment received or decision published, after the step it follows; appends `case.paid` / `case.published`. */
export async function recordCaseEvent(tx: Tx, input: CaseEventInput): Promise<CaseRecord> {
  const { db, at, ctx } = tx
  const label = input.type === 'paid' ? '罚款已缴纳' : '处罚决定已公示'
  const c = await mustCase(db, input.id)
  checkDate(c, input.date, today(ctx), '日期')
  const after = input.type === 'paid' ? 'served' : 'decided'
  const step = (await caseEvents(db, c.id)).find((e) => e.type === after)
  if (!step)
    throw appError('CASE_TRANSITION_INVALID', input.type === 'paid' ? '决定书尚未送达，不能登记缴款' : '尚未作出处罚决定，不能登记公示')
  if (input.date < step.date)
    throw appError('VALIDATION_FAILED', `日期不能早于${input.type === 'paid' ? '送达' : '决定'}日期（${step.date}）`, {
      issues: [{ path: 'date', message: `早于${step.date}` }]
    })
  await addCaseEvent(db, c.id, { type: input.type, date: input.date, note: input.note }, ctx.actor, at)
  await recomputeDeadlines(db, c.id)
  await updateCase(db, { ...c, updatedAt: at })
  await tx.record('cases', {
    action: `case.${input.type}`,
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary: `${c.name}：${label}（${input.date}）`,
    detail: input
  })
  return c
}
