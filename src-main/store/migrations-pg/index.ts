/**
 * The PostgreSQL migrations, one file per migration named `NNN-what-it-does.ts`, listed here in order; applied by
 * engine/pg-migrate.ts with the same discipline as SQLite's (store/migrations): each once, in its own transaction,
 * recorded with the SHA-256 of its SQL, and a database whose applied migration has another text is refused.
 */
import type { Migration } from '../migrations/migration'
import { migration as m001 } from './001-create-officers'

export const PG_MIGRATIONS: readonly Migration[] = [m001]

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version
