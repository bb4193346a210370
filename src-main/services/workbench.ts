import { CASE_STATUSES, OPEN_STATUSES } from '../core/case'
import { countByStatus, listCases } from '../store/repos/cases'
import { today, type ServiceContext } from './context'
import { deadlineViews } from './deadlines'
import { caseSummaries } from './cases'

/** 工作台: counts by status, deadlines due in 3 days / 1 day / overdue, and the user's open cases. */
export function workbenchSummary(ctx: ServiceContext, input: { officerId?: number | undefined }) {
  const db = ctx.home.db
  const all = countByStatus(db)
  const mine = input.officerId === undefined ? null : countByStatus(db, input.officerId)
  // each bucket queried on its own, so a long overdue list cannot crowd out the ones due soon
  const bucket = (fromDays: number | undefined, dueWithinDays: number) =>
    deadlineViews(db, today(ctx), {
      ...(fromDays === undefined ? {} : { fromDays }),
      dueWithinDays,
      officerId: input.officerId,
      limit: 200
    })
  const open = listCases(db, { status: OPEN_STATUSES, officerId: input.officerId, limit: 1, offset: 0 }).total
  return {
    today: today(ctx),
    counts: Object.fromEntries(CASE_STATUSES.map((s) => [s, all[s] ?? 0])),
    myCounts: mine ? Object.fromEntries(CASE_STATUSES.map((s) => [s, mine[s] ?? 0])) : null,
    openCases: open,
    deadlines: {
      overdue: bucket(undefined, -1),
      due1: bucket(0, 1),
      due3: bucket(2, 3)
    },
    myCases: caseSummaries(ctx, listCases(db, { status: [...OPEN_STATUSES], officerId: input.officerId, limit: 20, offset: 0 }).items)
  }
}
