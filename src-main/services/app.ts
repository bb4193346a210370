import { schemaVersion } from '../store/db'
import { getAgency } from '../store/repos/agency'
import { today, type ServiceContext } from './context'
import { expiryWarningDays } from './officers'

export function appInfo(ctx: ServiceContext) {
  const db = ctx.home.db
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM officers WHERE active = 1').get() as { n: number }
  return {
    version: ctx.version,
    home: ctx.home.paths.root,
    schemaVersion: schemaVersion(db),
    today: today(ctx),
    agencyConfigured: getAgency(db) !== null,
    officerCount: n,
    expiryWarningDays: expiryWarningDays(db)
  }
}
