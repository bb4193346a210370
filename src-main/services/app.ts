import { schemaVersion } from '../store/db'
import { getAgency } from '../store/repos/agency'
import { countCases } from '../store/repos/cases'
import { countOfficers } from '../store/repos/officers'
import { countParties } from '../store/repos/parties'
import { today, type ServiceContext } from './context'
import { expiryWarningDays } from './officers'

export function appInfo(ctx: ServiceContext) {
  const db = ctx.home.db
  const total = countOfficers(db, true) + countParties(db) + countCases(db)
  return {
    version: ctx.version,
    home: ctx.home.paths.root,
    schemaVersion: schemaVersion(db),
    today: today(ctx),
    agencyConfigured: getAgency(db) !== null,
    officerCount: countOfficers(db, false),
    /** nothing entered yet: the first-run screen may offer the demo */
    isEmpty: total === 0 && getAgency(db) === null,
    expiryWarningDays: expiryWarningDays(db)
  }
}
