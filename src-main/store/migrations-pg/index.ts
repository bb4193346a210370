/**
 * The PostgreSQL migrations, one file per migration named `NNN-what-it-does.ts`, listed here in order; applied by
 * engine/pg-migrate.ts with the same discipline as SQLite's (store/migrations): each once, in its own transaction,
 * recorded with the SHA-256 of its SQL, and a database whose applied migration has another text is refused.
 * Migration 1 is officers alone (the first table the async store ported); from 2 on, PostgreSQL's migration n is
 * SQLite's migration n-1 (2 holds the rest of SQLite's 1). How the types map: columns.ts.
 */
import type { Migration } from '../migrations/migration'
import { migration as m001 } from './001-create-officers'
import { migration as m002 } from './002-create-settings-agency-activity-blobs'
import { migration as m003 } from './003-create-parties-cases-deadlines-search'
import { migration as m004 } from './004-create-documents-and-templates'
import { migration as m005 } from './005-create-evidence-renditions-dossiers'
import { migration as m006 } from './006-create-review-hearings-discussions-publicity'
import { migration as m007 } from './007-create-users'
import { migration as m008 } from './008-create-approvals'

export { PG_BOOLEAN_COLUMNS, isBooleanColumn } from './columns'

export const PG_MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008]

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version
