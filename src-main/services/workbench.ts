import { CASE_STATUSES, OPEN_STATUSES } from '../core/case'
import { countByStatus, listCases } from '../store/repos/cases'
import { today, type ServiceContext } from './context'
import { deadlineViews } from './deadlines'
import { caseSummaries } from './cases'

/** 工作台: counts by status, deadlines due in 3 days / 1 day / overdue, and the user's open cases. */
export async function workbenchSummary(ctx: ServiceContext, input: { officerId?: number | undefined }) {
  const db = ctx.home.store
  const all = await countByStatus(db)
  const mine = input.officerId === undefined ? null : await countByStatus(db, input.officerId)
  // each bucket queried on its own, so a long overdue list cannot crowd out the ones due soon
  const bucket = (fromDays: number | undefined, dueWithinDays: number) =>
    deadlineViews(db, today(ctx), {
      ...(fromDays === undefined ? {} : { fromDays }),
      dueWithinDays,
      officerId: input.officerId,
      limit: 200
    })
  const open = (await listCases(db, { status: OPEN_STATUSES, officerId: input.officerId, limit: 1, offset: 0 })).total
  return {
    today: today(ctx),
    counts: Object.fromEntries(CASE_STATUSES.map((s) => [s, all[s] ?? 0])),
    myCounts: mine ? Object.fromEntries(CASE_STATUSES.map((s) => [s, mine[s] ?? 0])) : null,
    openCases: open,
    deadlines: {
      overdue: await bucket(undefined, -1),
      due1: await bucket(0, 1),
      due3: await bucket(2, 3)
    },
    myCases: await caseSummaries(
      ctx,
      (await listCases(db, { status: [...OPEN_STATUSES], officerId: input.officerId, limit: 20, offset: 0 })).items
    )
  }
}
