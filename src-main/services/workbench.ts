import { CASE_STATUSES, OPEN_STATUSES } from '../core/case'
import { countByStatus, listCases } from '../store/repos/cases'
import { today, type ServiceContext } from './context'
import { deadlinesList } from './deadlines'
import { casesList } from './cases'

/** 工作台: counts by status, deadlines due in 3 days / 1 day / overdue, and the user's open cases. */
export function workbenchSummary(ctx: ServiceContext, input: { officerId?: number | undefined }) {
  const db = ctx.home.db
  const all = countByStatus(db)
  const mine = input.officerId === undefined ? null : countByStatus(db, input.officerId)
  const due = deadlinesList(ctx, { dueWithinDays: 3, officerId: input.officerId, limit: 500 })
  const open = listCases(db, { status: OPEN_STATUSES, officerId: input.officerId, limit: 1, offset: 0 }).total
  return {
    today: today(ctx),
    counts: Object.fromEntries(CASE_STATUSES.map((s) => [s, all[s] ?? 0])),
    myCounts: mine ? Object.fromEntries(CASE_STATUSES.map((s) => [s, mine[s] ?? 0])) : null,
    openCases: open,
    deadlines: {
      overdue: due.filter((d) => d.alert === 'overdue'),
      due1: due.filter((d) => d.alert === 'due1'),
      due3: due.filter((d) => d.alert === 'due3')
    },
    myCases: casesList(ctx, { status: [...OPEN_STATUSES], officerId: input.officerId, limit: 20, offset: 0 }).items
  }
}
