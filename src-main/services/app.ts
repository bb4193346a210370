import { schemaVersion } from '../store/settings'
import { getAgency } from '../store/repos/agency'
import { countCases } from '../store/repos/cases'
import { countOfficers } from '../store/repos/officers'
import { countParties } from '../store/repos/parties'
import { today, type ServiceContext } from './context'
import { expiryWarningDays } from './officers'

export async function appInfo(ctx: ServiceContext) {
  const db = ctx.home.store
  const total = (await countOfficers(db, true)) + (await countParties(db)) + (await countCases(db))
  return {
    version: ctx.version,
    home: ctx.home.paths.root,
    engine: ctx.home.store.engine,
    schemaVersion: await schemaVersion(db),
    today: today(ctx),
    agencyConfigured: (await getAgency(db)) !== null,
    officerCount: await countOfficers(db, false),
    /** nothing entered yet: the first-run screen may offer the demo */
    isEmpty: total === 0 && (await getAgency(db)) === null,
    expiryWarningDays: await expiryWarningDays(db)
  }
}
