import { DeadlineRuleSetSchema, alertLevel, computeDeadlines, type DeadlineAdjustment, type DeadlineRule } from '../core/deadlines'
import { appError } from '../core/errors'
import { OPEN_STATUSES } from '../core/case'
import type { Db } from '../store/db'
import { caseEvents, caseIdsWithStatus, casesByIds, findCase, markCaseExtended } from '../store/repos/cases'
import { addAdjustment, caseAdjustments, openDeadlines, replaceDeadlines } from '../store/repos/case-deadlines'
import { insertRuleSet, latestRuleSet, type DeadlineRuleSetRecord } from '../store/repos/deadlines'
import { loadCalendar } from './calendar'
import { change, today, type ServiceContext } from './context'
import { addDays } from '../core/dates'

export function activeRules(db: Db): DeadlineRuleSetRecord {
  const set = latestRuleSet(db)
  if (!set) throw new Error('no deadline rules seeded')
  return set
}

/** Recompute a case's deadlines from its events (inside the caller's transaction). */
export function recomputeDeadlines(db: Db, caseId: number): void {
  const c = findCase(db, caseId)
  if (!c) return
  const rules = activeRules(db)
  const events = caseEvents(db, caseId).map((e) => ({ type: e.type, date: e.date }))
  const hasFine = !(c.intendedPenalty.warning && c.intendedPenalty.fine === 0)
  const list = computeDeadlines(c.procedure, events, rules.rules, rules.version, loadCalendar(db), caseAdjustments(db, caseId), { hasFine })
  replaceDeadlines(db, caseId, list)
}

/**
 * Open deadlines that still need attention: not met, not an elapsed window, not in a finished case, and not
 * the decision period of a suspended case.
 */
export function deadlinesList(
  ctx: ServiceContext,
  input: { dueWithinDays?: number | undefined; fromDays?: number | undefined; officerId?: number | undefined; limit: number }
) {
  const t = today(ctx)
  const until = input.dueWithinDays === undefined ? undefined : addDays(t, input.dueWithinDays)
  const from = input.fromDays === undefined ? undefined : addDays(t, input.fromDays)
  const rows = openDeadlines(ctx.home.db, { from, until, today: t, officerId: input.officerId, limit: input.limit })
  const cases = new Map(casesByIds(ctx.home.db, [...new Set(rows.map((r) => r.caseId))]).map((c) => [c.id, c]))
  return rows.flatMap((r) => {
    const c = cases.get(r.caseId)
    return c ? [{ ...r, caseName: c.name, caseNumber: c.number, caseStatus: c.status, alert: alertLevel(r.due, t, r.metAt, r.kind) }] : []
  })
}

export function deadlinesAdjust(ctx: ServiceContext, input: { caseId: number; adjustment: DeadlineAdjustment }) {
  const a = input.adjustment
  return change(
    ctx,
    'cases',
    (db, at) => {
      const c = findCase(db, input.caseId)
      if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
      const rule = activeRules(db).rules.find((r) => r.code === a.code)
      if (!rule) throw appError('DEADLINE_NOT_FOUND', `没有代码为 ${a.code} 的期限规则`)
      if (a.kind === 'extension' && !rule.extendable) throw appError('DEADLINE_NOT_EXTENDABLE', `${rule.label}不能延长`)
      if (a.kind === 'exclusion' && a.to < a.from) throw appError('VALIDATION_FAILED', '扣除期间的结束日期不能早于开始日期')
      addAdjustment(db, c.id, a, at)
      if (a.kind === 'extension' && a.code === 'decision' && !c.extended) {
        markCaseExtended(db, c.id, at)
      }
      recomputeDeadlines(db, c.id)
      return { case: c, rule }
    },
    ({ case: c, rule }) => ({
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
  )
}

export function rulesGet(ctx: ServiceContext) {
  return activeRules(ctx.home.db)
}

/** Save an edited rule table as a new version; optionally recompute every open case with it. */
export function rulesSet(ctx: ServiceContext, input: { name: string; rules: DeadlineRule[]; recomputeOpen: boolean }) {
  const set = DeadlineRuleSetSchema.parse({ name: input.name, rules: input.rules })
  return change(
    ctx,
    'deadlines',
    (db, at) => {
      const version = insertRuleSet(db, set, at, ctx.actor)
      let recomputed = 0
      if (input.recomputeOpen) {
        const ids = caseIdsWithStatus(db, OPEN_STATUSES)
        for (const id of ids) recomputeDeadlines(db, id)
        recomputed = ids.length
      }
      return { version, recomputed }
    },
    (r) => ({
      action: 'deadlines.rules.set',
      targetType: 'deadline_rules',
      targetId: r.version,
      summary: `保存期限规则第${r.version}版（${set.name}）${r.recomputed ? `，重算${r.recomputed}件在办案件` : ''}`,
      detail: set
    })
  )
}
