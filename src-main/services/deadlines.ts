import { alertLevel, type DeadlineRule } from '../core/deadlines'
import { addDays } from '../core/dates'
import type { Scope } from '../store/engine/engine'
import { casesByIds } from '../store/repos/cases'
import { openDeadlines } from '../store/repos/case-deadlines'
import { today, transact, type ServiceContext } from './context'
import { activeRules, saveDeadlineRules } from './ops/deadlines'

export interface DeadlineQuery {
  dueWithinDays?: number | undefined
  fromDays?: number | undefined
  officerId?: number | undefined
  limit: number
}

export function deadlinesList(ctx: ServiceContext, input: DeadlineQuery) {
  return deadlineViews(ctx.home.store, today(ctx), input)
}

/** The open deadlines as the lists show them (case name, number, status, alert level), due in a window from `t`. */
export async function deadlineViews(db: Scope, t: string, input: DeadlineQuery) {
  const until = input.dueWithinDays === undefined ? undefined : addDays(t, input.dueWithinDays)
  const from = input.fromDays === undefined ? undefined : addDays(t, input.fromDays)
  const rows = await openDeadlines(db, { from, until, today: t, officerId: input.officerId, limit: input.limit })
  const cases = new Map((await casesByIds(db, [...new Set(rows.map((r) => r.caseId))])).map((c) => [c.id, c]))
  return rows.flatMap((r) => {
    const c = cases.get(r.caseId)
    return c ? [{ ...r, caseName: c.name, caseNumber: c.number, caseStatus: c.status, alert: alertLevel(r.due, t, r.metAt, r.kind) }] : []
  })
}

export function deadlinesGetRules(ctx: ServiceContext) {
  return activeRules(ctx.home.store)
}

/** Save an edited rule table as a new version; optionally recompute every open case with it. */
export function deadlinesSetRules(ctx: ServiceContext, input: { name: string; rules: DeadlineRule[]; recomputeOpen: boolean }) {
  return transact(ctx, (tx) => saveDeadlineRules(tx, input))
}
