import Database from 'better-sqlite3'
import { MIGRATIONS, migrationChecksum, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** extra migrations after the built-in ones (tests use this to exercise ordering and failure) */
  migrations?: readonly Migration[]
  readonly?: boolean
}

/** Open the case store: WAL, foreign keys on, synchronous FULL; apply pending migrations. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    if (!options.readonly) migrate(db, options.migrations ?? MIGRATIONS)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/**
 * Apply the migrations not yet recorded in schema_migrations, each in its own transaction. Refuses a database
 * whose applied migration's checksum differs from the text shipped here (an edited, released migration), or that
 * has a migration this program does not know (a newer database).
 */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
  const applied = new Map(
    (db.prepare('SELECT version, checksum FROM schema_migrations').all() as { version: number; checksum: string }[]).map((r) => [
      r.version,
      r.checksum
    ])
  )
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.version === sorted[i - 1]!.version) throw new Error(`duplicate migration version ${sorted[i]!.version}`)
  }
  const known = new Set(sorted.map((m) => m.version))
  for (const v of applied.keys()) {
    if (!known.has(v)) {
      throw new Error(`database has migration ${v}, which this version of CaseBinder does not know: refusing to open a newer database`)
    }
  }
  const ran: number[] = []
  for (const m of sorted) {
    const sum = migrationChecksum(m)
    const done = applied.get(m.version)
    if (done !== undefined) {
      if (done !== sum) throw new Error(`migration ${m.version} (${m.name}) was changed after it was applied`)
      continue
    }
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        m.version,
        m.name,
        sum,
        new Date().toISOString()
      )
    }).immediate()
    ran.push(m.version)
  }
  return ran
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}
