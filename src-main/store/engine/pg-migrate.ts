/**
 * Apply PostgreSQL migrations (store/migrations-pg) with the SQLite runner's rules (store/db.ts `migrate`): each
 * pending migration in its own transaction (PostgreSQL's DDL is transactional), recorded in schema_migrations with
 * the SHA-256 of its SQL; a database whose applied migration has another checksum (an edited migration), or that has
 * a migration this program does not know (a newer database), is refused. Two servers starting at once take turns on
 * an advisory lock, and each migration is checked again under the lock, so none runs twice.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import { migrationChecksum, type Migration } from '../migrations/migration'

/** pg_advisory_xact_lock key: 'CBmg' */
const MIGRATION_LOCK = 0x43426d67

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the runner works on any schema, including none yet
type AnyDb = Kysely<any>

interface Applied {
  version: number
  checksum: string
}

async function lockAndRead(trx: Transaction<unknown>): Promise<Map<number, string>> {
  await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
  const { rows } = await sql<Applied>`SELECT version, checksum FROM schema_migrations`.execute(trx)
  return new Map(rows.map((r) => [r.version, r.checksum]))
}

function checkKnown(applied: Map<number, string>, sorted: readonly Migration[]): void {
  const known = new Set(sorted.map((m) => m.version))
  for (const v of applied.keys()) {
    if (!known.has(v)) {
      throw new Error(`database has migration ${v}, which this version of CaseBinder does not know: refusing to open a newer database`)
    }
  }
  for (const m of sorted) {
    const done = applied.get(m.version)
    if (done !== undefined && done !== migrationChecksum(m))
      throw new Error(`migration ${m.version} (${m.name}) was changed after it was applied`)
  }
}

/** Apply the pending migrations; returns the versions applied by this call. */
export async function migratePostgres(db: AnyDb, migrations: readonly Migration[]): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) throw new Error(`duplicate migration version ${sorted[i]!.version}`)
  }
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      checksum   text NOT NULL,
      applied_at text NOT NULL
    )`.execute(trx)
    checkKnown(await lockAndRead(trx), sorted)
  })
  const ran: number[] = []
  for (const m of sorted) {
    const sum = migrationChecksum(m)
    const applied = await db.transaction().execute(async (trx) => {
      const done = await lockAndRead(trx)
      checkKnown(done, sorted)
      if (done.has(m.version)) return false
      await sql.raw(m.sql).execute(trx)
      await sql`INSERT INTO schema_migrations (version, name, checksum, applied_at)
        VALUES (${m.version}, ${m.name}, ${sum}, ${new Date().toISOString()})`.execute(trx)
      return true
    })
    if (applied) ran.push(m.version)
  }
  return ran
}

/** The highest applied migration version (0 for a database without any). */
export async function pgSchemaVersion(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ v: number | null }>`SELECT MAX(version) AS v FROM schema_migrations`.execute(db)
  return rows[0]?.v ?? 0
}
