/**
 * The two engines under one repository (src-main/store/repos/officers.ts through Kysely), in the same run:
 * inserts, each in its own transaction, and lookups by certificate number, on the embedded SQLite home and on a
 * throwaway PostgreSQL cluster, with raw better-sqlite3 statements on the same SQLite schema as the reference. Also
 * the locked counter row (the pattern of gap-free numbers) under concurrent transactions on PostgreSQL.
 * Prints JSON lines; no thresholds.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openHome } from '../src-main/store/home'
import { openPostgresStore, type Store } from '../src-main/store/engine/engine'
import { withTransaction } from '../src-main/store/engine/transaction'
import { migratePostgres } from '../src-main/store/engine/pg-migrate'
import { PG_MIGRATIONS } from '../src-main/store/migrations-pg'
import { findOfficerByCert, insertOfficer } from '../src-main/store/repos/officers'
import type { OfficerData } from '../src-main/core/officer'
import { startPgCluster } from '../tests/support/pg-cluster'
import { emit, stats } from './lib'

const officer = (i: number): OfficerData => ({
  name: `测试${i}`,
  post: '科员',
  unit: '执法支队',
  certNo: `3604${String(100000 + i)}`,
  certType: '行政执法证',
  certArea: '江州市',
  validUntil: '2029-12-31',
  legalReviewer: false
})

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn(i)
    out.push(performance.now() - t0)
  }
  return out
}

async function repoRun(engine: string, store: Store, n: number) {
  const at = new Date().toISOString()
  const ins = await timed(n, (i) => withTransaction(store, (tx) => insertOfficer(tx, officer(i), at)))
  emit({ bench: 'engines', op: 'insert (own transaction)', engine, via: 'kysely repository', ...stats(ins) })
  const look = await timed(n, (i) => findOfficerByCert(store, officer(i).certNo))
  emit({ bench: 'engines', op: 'find by cert', engine, via: 'kysely repository', ...stats(look) })
}

export async function runEnginesBench(n = 500, clients = 20): Promise<void> {
  // SQLite: the real schema of a home, through the repository, then raw statements as the reference
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-engines-'))
  const home = await openHome(dir, { actor: 'bench' })
  try {
    await repoRun('sqlite', home.store, n)
    const insert = home.db.prepare(
      `INSERT INTO officers (name, post, unit, cert_no, cert_type, cert_area, valid_until, legal_reviewer, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`
    )
    const find = home.db.prepare('SELECT * FROM officers WHERE cert_no = ?')
    const at = new Date().toISOString()
    const raw = await timed(n, async (i) => {
      const o = officer(n + i)
      home.db.transaction(() => insert.run(o.name, o.post, o.unit, o.certNo, o.certType, o.certArea, o.validUntil, at, at)).immediate()
    })
    emit({ bench: 'engines', op: 'insert (own transaction)', engine: 'sqlite', via: 'raw better-sqlite3 (reference)', ...stats(raw) })
    const rawFind = await timed(n, async (i) => find.get(officer(n + i).certNo))
    emit({ bench: 'engines', op: 'find by cert', engine: 'sqlite', via: 'raw better-sqlite3 (reference)', ...stats(rawFind) })
  } finally {
    home.close()
    rmSync(dir, { recursive: true, force: true })
  }

  // PostgreSQL: a throwaway cluster with the PostgreSQL migrations
  const cluster = await startPgCluster('casebinder_bench')
  const store = openPostgresStore({ connectionString: cluster.url, max: clients })
  try {
    await migratePostgres(store.db, PG_MIGRATIONS)
    await repoRun('postgres', store, n)
    // the locked counter row: `clients` concurrent transactions take numbers; they must come out contiguous
    await sql`CREATE TABLE bench_counter (id int PRIMARY KEY, value int NOT NULL)`.execute(store.db)
    await sql`INSERT INTO bench_counter VALUES (1, 0)`.execute(store.db)
    const took: number[] = []
    const t0 = performance.now()
    const per: number[] = []
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let k = 0; k < Math.ceil(n / clients); k++) {
          const s = performance.now()
          const v = await withTransaction(
            store,
            async (tx) => {
              const r = await sql<{ value: number }>`UPDATE bench_counter SET value = value + 1 WHERE id = 1 RETURNING value`.execute(tx.db)
              return r.rows[0]!.value
            },
            { isolation: 'read committed' }
          )
          per.push(performance.now() - s)
          took.push(v)
        }
      })
    )
    const wall = performance.now() - t0
    const sorted = [...took].sort((a, b) => a - b)
    const contiguous = sorted.every((v, i) => v === i + 1)
    emit({
      bench: 'engines',
      op: `counter row, ${clients} concurrent clients`,
      engine: 'postgres',
      via: 'UPDATE … RETURNING under READ COMMITTED',
      numbers: took.length,
      contiguous,
      perSecond: Math.round((took.length / wall) * 1000),
      ...stats(per)
    })
  } finally {
    await store.close()
    cluster.stop()
  }
}
