/**
 * Deadline steps that other areas take inside their own transaction: an extension or exclusion of a case's
 * period, a new version of the rule table (the review catalogue edits the legal-review period), and the
 * recomputation of a case's deadlines from its events.
 */
import { computeDeadlines, DeadlineRuleSetSchema, type DeadlineAdjustment, type DeadlineRule } from '../../core/deadlines'
import { appError } from '../../core/errors'
import { OPEN_STATUSES } from '../../core/case'
import type { Scope } from '../../store/engine/engine'
import { caseEvents, caseIdsWithStatus, findCase, markCaseExtended, type CaseRecord } from '../../store/repos/cases'
import { addAdjustment, caseAdjustments, replaceDeadlines } from '../../store/repos/case-deadlines'
import { insertRuleSet, latestRuleSet, type DeadlineRuleSetRecord } from '../../store/repos/deadlines'
import type { Tx } from '../context'
import { loadCalendar } from '../calendar'

/** Extend or exclude part of a case's period; appends `deadline.extend` / `deadline.exclude`. */
export async function adjustDeadline(tx: Tx, input: { caseId: number; adjustment: DeadlineAdjustment }): Promise<CaseRecord> {
  const { db, at } = tx
  const a = input.adjustment
  const c = await findCase(db, input.caseId)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
  const rule = (await activeRules(db)).rules.find((r) => r.code === a.code)
  if (!rule) throw appError('DEADLINE_NOT_FOUND', `没有代码为 ${a.code} 的期限规则`)
  if (a.kind === 'extension' && !rule.extendable) throw appError('DEADLINE_NOT_EXTENDABLE', `${rule.label}不能延长`)
  if (a.kind === 'exclusion' && a.to < a.from) throw appError('VALIDATION_FAILED', '扣除期间的结束日期不能早于开始日期')
  await addAdjustment(db, c.id, a, at)
  if (a.kind === 'extension' && a.code === 'decision' && !c.extended) await markCaseExtended(db, c.id, at)
  await recomputeDeadlines(db, c.id)
  await tx.record('cases', {
    action: a.kind === 'extension' ? 'deadline.extend' : 'deadline.exclude',
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary:
      a.kind === 'extension'
        ? `${rule.label}延长${a.length}${rule.unit === 'WD' ? '个工作日' : rule.unit === 'CD' ? '日' : rule.unit === 'months' ? '个月' : '小时'}（${a.reason}，批准人${a.approvedBy}）`
        : `${rule.label}扣除${a.from}至${a.to}（${a.reason}）`,
    detail: a
  })
  return c
}

/** Save an edited rule table as a new version, optionally recomputing every open case; appends `deadlines.rules.set`. */
export async function saveDeadlineRules(tx: Tx, input: { name: string; rules: DeadlineRule[]; recomputeOpen: boolean }) {
  const { db, at, ctx } = tx
  const set = DeadlineRuleSetSchema.parse({ name: input.name, rules: input.rules })
  const version = await insertRuleSet(db, set, at, ctx.actor)
  let recomputed = 0
  if (input.recomputeOpen) {
    const ids = await caseIdsWithStatus(db, OPEN_STATUSES)
    for (const id of ids) await recomputeDeadlines(db, id)
    recomputed = ids.length
  }
  await tx.record('deadlines', {
    action: 'deadlines.rules.set',
    targetType: 'deadline_rules',
    targetId: version,
    summary: `保存期限规则第${version}版（${set.name}）${recomputed ? `，重算${recomputed}件在办案件` : ''}`,
    detail: set
  })
  return { version, recomputed }
}

/** The rule table in force (the highest version). */
export async function activeRules(db: Scope): Promise<DeadlineRuleSetRecord> {
  const set = await latestRuleSet(db)
  if (!set) throw new Error('no deadline rules seeded')
  return set
}

/** Recompute a case's deadlines from its events (inside the caller's transaction). */
export async function recomputeDeadlines(db: Scope, caseId: number): Promise<void> {
  const c = await findCase(db, caseId)
  if (!c) return
  const rules = await activeRules(db)
  const events = (await caseEvents(db, caseId)).map((e) => ({ type: e.type, date: e.date }))
  const hasFine = !(c.intendedPenalty.warning && c.intendedPenalty.fine === 0)
  const list = computeDeadlines(
    c.procedure,
    events,
    rules.rules,
    rules.version,
    await loadCalendar(db),
    await caseAdjustments(db, caseId),
    { hasFine }
  )
  await replaceDeadlines(db, caseId, list)
}

/**
 * Open deadlines that still need attention: not met, not an elapsed window, not in a finished case, and not
 * the decision period of a suspended case.
 */
