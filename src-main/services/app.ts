import { schemaVersion } from '../store/db'
import { getAgency } from '../store/repos/agency'
import { today, type ServiceContext } from './context'
import { expiryWarningDays } from './officers'

export function appInfo(ctx: ServiceContext) {
  const db = ctx.home.db
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM officers WHERE active = 1').get() as { n: number }
  const { total } = db
    .prepare('SELECT (SELECT COUNT(*) FROM officers) + (SELECT COUNT(*) FROM parties) + (SELECT COUNT(*) FROM cases) AS total')
    .get() as { total: number }
  return {
    version: ctx.version,
    home: ctx.home.paths.root,
    schemaVersion: schemaVersion(db),
    today: today(ctx),
    agencyConfigured: getAgency(db) !== null,
    officerCount: n,
    /** nothing entered yet: the first-run screen may offer the demo */
    isEmpty: total === 0 && getAgency(db) === null,
    expiryWarningDays: expiryWarningDays(db)
  }
}
