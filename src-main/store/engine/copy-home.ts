/**
 * Copy a desk home (its SQLite database and its blob files) into a PostgreSQL database, and verify the copy.
 *
 * - The target is migrated first (migratePostgres). A target holding any row is refused, unless it is an identical
 *   earlier copy of this home: then nothing is written and the report says 'already copied'.
 * - Every table of the SQLite schema is copied with generic column-list SQL, in foreign-key order, in one
 *   PostgreSQL transaction (all or nothing), rows in batches. 0/1 flags become booleans (columns.ts); identity ids
 *   are written as they are (OVERRIDING SYSTEM VALUE) and each identity sequence then continues after max(id).
 *   A column referencing its own table (documents.supersedes_id, publicity_records.superseded_by) is written in a
 *   second pass, since a row may point at a later one. cases_fts is not copied: PostgreSQL's triggers build it from
 *   cases and case_parties; the check is that it has one row per case.
 * - The SQLite side is read in one read transaction, so the copy is one consistent state of the home.
 * - Blobs (files named by SHA-256): with `blobsDir`, each blob of the blobs table is read from the home (verified)
 *   and written into that content-addressed folder (verified again); after the database commit, so a refused
 *   target gets no file. Content-addressed, so a second run writes none again.
 * - verifyCopy: per table, the row count and a SHA-256 over the rows in primary-key order (values normalised:
 *   booleans → 0/1, numbers → their decimal text) on both sides; the activity chain recomputed from the PostgreSQL
 *   rows (store/activity.ts verifyChainRows) and its head compared with the home's.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { sql, type Kysely } from 'kysely'
import { verifyChainRows, type ActivityRow } from '../activity'
import { BlobStore } from '../blobs'
import type { Db } from '../db'
import type { Home } from '../home'
import { isBooleanColumn, PG_MIGRATIONS } from '../migrations-pg'
import type { Scope, Store } from './engine'
import { migratePostgres } from './pg-migrate'
import { withTransaction } from './transaction'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic table copy: names come from the schema
type AnyDb = Kysely<any>
type Row = Record<string, unknown>

/** pg_advisory_xact_lock key: 'CBcp' (two copies into one database take turns) */
const COPY_LOCK = 0x43426370
/** PostgreSQL allows 65535 parameters per statement */
const MAX_PARAMS = 60_000
const MAX_BATCH = 500

export interface CopyProgress {
  stage: 'table' | 'blobs'
  name: string
  done: number
  total: number
}

export interface CopyOptions {
  onProgress?: (p: CopyProgress) => void
  /** copy the blob files into this content-addressed folder (the server's blob folder) */
  blobsDir?: string
}

export interface TableReport {
  name: string
  rows: number
  targetRows: number
  sourceHash: string
  targetHash: string
  equal: boolean
}

export interface VerifyReport {
  ok: boolean
  tables: TableReport[]
  /** cases_fts: kept by PostgreSQL's triggers, one row per case */
  search: { cases: number; indexed: number; ok: boolean }
  chain: { ok: boolean; entries: number; headHash: string; sourceHeadHash: string; firstBad: { seq: number; reason: string } | null }
  blobs: { files: number; ok: boolean; bad: string[] } | null
}

export interface CopyReport {
  status: 'copied' | 'already copied'
  migrationsApplied: number[]
  rowsWritten: number
  blobsWritten: number
  verify: VerifyReport
}

/** The target holds data that is not an identical copy of this home. */
export class CopyRefusedError extends Error {
  constructor(
    message: string,
    readonly verify?: VerifyReport
  ) {
    super(message)
    this.name = 'CopyRefusedError'
  }
}

interface TableInfo {
  name: string
  columns: string[]
  /** primary-key columns, in key order */
  key: { name: string; text: boolean }[]
  /** columns referencing this same table */
  selfRefs: string[]
  deps: string[]
}

/** The SQLite tables that are copied, in foreign-key order (a table after the tables it references). */
export function sqliteTables(db: Db): TableInfo[] {
  const names = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name <> 'schema_migrations' AND name NOT LIKE 'cases_fts%' ORDER BY name`
      )
      .all() as { name: string }[]
  ).map((r) => r.name)
  const infos = new Map<string, TableInfo>()
  for (const name of names) {
    const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; pk: number }[]
    const fks = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string }[]
    const key = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => ({ name: c.name, text: !/INT/i.test(c.type) }))
    infos.set(name, {
      name,
      columns: cols.map((c) => c.name),
      key: key.length ? key : cols.map((c) => ({ name: c.name, text: !/INT/i.test(c.type) })),
      selfRefs: fks.filter((f) => f.table === name).map((f) => f.from),
      deps: [...new Set(fks.map((f) => f.table).filter((t) => t !== name && names.includes(t)))]
    })
  }
  const ordered: TableInfo[] = []
  const done = new Set<string>()
  while (ordered.length < names.length) {
    const next = names.find((n) => !done.has(n) && infos.get(n)!.deps.every((d) => done.has(d)))
    if (next === undefined) throw new Error('the foreign keys of the SQLite schema form a cycle')
    done.add(next)
    ordered.push(infos.get(next)!)
  }
  return ordered
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

function orderBy(t: TableInfo, engine: 'sqlite' | 'postgres'): string {
  return t.key.map((k) => (engine === 'postgres' && k.text ? `${quote(k.name)} COLLATE "C"` : quote(k.name))).join(', ')
}

/** A value as both engines' rows hash it: booleans → 0/1, numbers → decimal text. */
function normalise(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'boolean') return v ? '1' : '0'
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (typeof v === 'string') return v
  if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`
  return JSON.stringify(v)
}

function hashRows(columns: readonly string[], rows: Iterable<Row>): { rows: number; hash: string } {
  const h = createHash('sha256')
  let n = 0
  for (const r of rows) {
    h.update(JSON.stringify(columns.map((c) => normalise(r[c]))) + '\n')
    n++
  }
  return { rows: n, hash: h.digest('hex') }
}

function readSqlite(db: Db, t: TableInfo): Row[] {
  return db.prepare(`SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)} ORDER BY ${orderBy(t, 'sqlite')}`).all() as Row[]
}

async function readPostgres(db: AnyDb, t: TableInfo): Promise<Row[]> {
  const q = `SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)} ORDER BY ${orderBy(t, 'postgres')}`
  return (await sql.raw<Row>(q).execute(db)).rows
}

async function pgCount(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`).execute(db)
  return rows[0]?.n ?? 0
}

async function pgTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db)
  return rows.map((r) => r.name)
}

async function pgColumns(db: AnyDb): Promise<Map<string, { columns: Set<string>; identity: string[] }>> {
  const { rows } = await sql<{ t: string; c: string; identity: string }>`SELECT table_name AS t, column_name AS c,
      is_identity AS identity FROM information_schema.columns WHERE table_schema = current_schema()`.execute(db)
  const out = new Map<string, { columns: Set<string>; identity: string[] }>()
  for (const r of rows) {
    const e = out.get(r.t) ?? { columns: new Set<string>(), identity: [] }
    e.columns.add(r.c)
    if (r.identity === 'YES') e.identity.push(r.c)
    out.set(r.t, e)
  }
  return out
}

/** Verify a copy: counts and content hashes per table, the search index, the activity chain, the blob files. */
export async function verifyCopy(home: Home, target: Scope, options: { blobsDir?: string } = {}): Promise<VerifyReport> {
  const tables = sqliteTables(home.db)
  // one read snapshot of the desk: the tables, its record and head, its blob list
  const snapshot = home.db.transaction(() => ({
    hashes: tables.map((t) => hashRows(t.columns, readSqlite(home.db, t))),
    activity: home.db.prepare('SELECT * FROM activity_log ORDER BY seq').all() as ActivityRow[],
    head: (home.db.prepare(`SELECT value FROM settings WHERE key = 'audit.head'`).get() as { value: string } | undefined)?.value,
    blobs: (home.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256)
  }))()
  const source = { ...snapshot, chain: await verifyChainRows(snapshot.activity, () => snapshot.head) }
  const db = target.db as AnyDb
  const reports: TableReport[] = []
  for (const [i, t] of tables.entries()) {
    const s = source.hashes[i]!
    const d = hashRows(t.columns, await readPostgres(db, t))
    reports.push({
      name: t.name,
      rows: s.rows,
      targetRows: d.rows,
      sourceHash: s.hash,
      targetHash: d.hash,
      equal: s.rows === d.rows && s.hash === d.hash
    })
  }
  const cases = await pgCount(db, 'cases')
  const indexed = await pgCount(db, 'cases_fts')
  const search = { cases, indexed, ok: cases === indexed && cases === reports.find((r) => r.name === 'cases')?.rows }
  const activity = (await sql<ActivityRow>`SELECT * FROM activity_log ORDER BY seq`.execute(db)).rows
  const head = (await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'audit.head'`.execute(db)).rows[0]?.value
  const pgChain = await verifyChainRows(activity, () => head)
  const chain = {
    ok: pgChain.ok && source.chain.ok && pgChain.headHash === source.chain.headHash && pgChain.entries === source.chain.entries,
    entries: pgChain.entries,
    headHash: pgChain.headHash,
    sourceHeadHash: source.chain.headHash,
    firstBad: pgChain.firstBad
  }
  let blobs: VerifyReport['blobs'] = null
  if (options.blobsDir !== undefined) {
    const store = new BlobStore(options.blobsDir)
    const bad: string[] = []
    for (const sha of source.blobs) {
      try {
        store.get(sha)
      } catch {
        bad.push(sha)
      }
    }
    blobs = { files: source.blobs.length, ok: bad.length === 0, bad }
  }
  const ok = reports.every((r) => r.equal) && search.ok && chain.ok && (blobs?.ok ?? true)
  return { ok, tables: reports, search, chain, blobs }
}

/** Copy the home into the PostgreSQL store (see the file comment); returns the verified report. */
export async function copyHomeToPostgres(home: Home, store: Store, options: CopyOptions = {}): Promise<CopyReport> {
  if (store.engine !== 'postgres') throw new Error('the target of a copy is a PostgreSQL store')
  const db = store.db as AnyDb
  const migrationsApplied = await migratePostgres(db, PG_MIGRATIONS)
  const tables = sqliteTables(home.db)
  const target = await pgColumns(db)
  for (const t of tables) {
    const pgt = target.get(t.name)
    if (!pgt) throw new Error(`the PostgreSQL schema has no table ${t.name}`)
    const missing = t.columns.filter((c) => !pgt.columns.has(c))
    if (missing.length) throw new Error(`the PostgreSQL table ${t.name} has no column ${missing.join(', ')}`)
  }
  // one consistent state of the home, read before the target is touched
  const snapshot = home.db.transaction(() => tables.map((t) => readSqlite(home.db, t)))()

  const outcome = await withTransaction(
    store,
    async (tx) => {
      const trx = tx.db as AnyDb
      await sql`SELECT pg_advisory_xact_lock(${COPY_LOCK})`.execute(trx)
      let held = 0
      for (const name of await pgTables(trx)) if (name !== 'schema_migrations') held += await pgCount(trx, name)
      if (held > 0) {
        const verify = await verifyCopy(home, tx)
        if (verify.ok) return { status: 'already copied' as const, rowsWritten: 0 }
        const unequal = verify.tables.filter((r) => !r.equal).map((r) => r.name)
        throw new CopyRefusedError(
          `the target database already holds data that is not a copy of this home (${held} rows; differing: ${
            unequal.join(', ') || (verify.chain.ok ? 'search index' : 'activity chain')
          })`,
          verify
        )
      }
      let rowsWritten = 0
      for (const [i, t] of tables.entries()) {
        const rows = snapshot[i]!
        const identity = target.get(t.name)!.identity
        const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(MAX_PARAMS / t.columns.length)))
        const cols = t.columns.map((c) => sql.ref(c))
        const value = (r: Row, c: string) => {
          const v = r[c]
          if (t.selfRefs.includes(c)) return null
          if (isBooleanColumn(t.name, c) && typeof v === 'number') return v !== 0
          return v
        }
        for (let at = 0; at < rows.length; at += batch) {
          const chunk = rows.slice(at, at + batch)
          const values = sql.join(chunk.map((r) => sql`(${sql.join(t.columns.map((c) => value(r, c)))})`))
          await sql`INSERT INTO ${sql.table(t.name)} (${sql.join(cols)}) ${
            identity.length ? sql`OVERRIDING SYSTEM VALUE ` : sql``
          }VALUES ${values}`.execute(trx)
          rowsWritten += chunk.length
          options.onProgress?.({ stage: 'table', name: t.name, done: Math.min(at + batch, rows.length), total: rows.length })
        }
        for (const c of t.selfRefs) {
          for (const r of rows) {
            if (r[c] === null || r[c] === undefined) continue
            const where = sql.join(
              t.key.map((k) => sql`${sql.ref(k.name)} = ${r[k.name]}`),
              sql` AND `
            )
            await sql`UPDATE ${sql.table(t.name)} SET ${sql.ref(c)} = ${r[c]} WHERE ${where}`.execute(trx)
          }
        }
        for (const c of identity) {
          await sql`SELECT setval(pg_get_serial_sequence(${quote(t.name)}, ${c}), max_id)
            FROM (SELECT max(${sql.ref(c)}) AS max_id FROM ${sql.table(t.name)}) m WHERE max_id IS NOT NULL`.execute(trx)
        }
      }
      return { status: 'copied' as const, rowsWritten }
    },
    { isolation: 'read committed', maxAttempts: 1 }
  )

  let blobsWritten = 0
  if (options.blobsDir !== undefined) {
    const to = new BlobStore(options.blobsDir)
    const shas = (home.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256)
    for (const [i, sha] of shas.entries()) {
      const present = existsSync(to.pathOf(sha)) && verifies(to, sha)
      if (!present) {
        const put = to.put(home.blobs.get(sha))
        if (!put.existed) blobsWritten++
        to.get(sha)
      }
      options.onProgress?.({ stage: 'blobs', name: sha, done: i + 1, total: shas.length })
    }
  }
  const verify = await verifyCopy(home, store, options.blobsDir === undefined ? {} : { blobsDir: options.blobsDir })
  return { status: outcome.status, migrationsApplied, rowsWritten: outcome.rowsWritten, blobsWritten, verify }
}

function verifies(store: BlobStore, sha: string): boolean {
  try {
    store.get(sha)
    return true
  } catch {
    return false
  }
}
