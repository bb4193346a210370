/**
 * The numbered migrations, one file per migration named `NNN-what-it-does.ts`, listed here in order.
 * To change the schema, add the next file and list it below; never edit a file once released (migration.ts).
 */
import type { Migration } from './migration'
import { migration as m001 } from './001-create-settings-agency-officers-activity-blobs'
import { migration as m002 } from './002-create-parties-cases-deadlines-search'
import { migration as m003 } from './003-create-documents-and-templates'
import { migration as m004 } from './004-create-evidence-renditions-dossiers'
import { migration as m005 } from './005-create-review-hearings-discussions-publicity'
import { migration as m006 } from './006-create-users'
import { migration as m007 } from './007-create-approvals'

export { migrationChecksum, type Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
