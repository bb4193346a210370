/**
 * `casebinder migrate`: a desk home with the demo loaded, copied into a throwaway PostgreSQL database
 * (store/engine/copy-home.ts) and verified: every table equal by count and content hash, the activity chain intact
 * with the home's head; a second run writes nothing; a changed row shows in the report; a target holding other
 * data is refused, with nothing written.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { call, CopyRefusedError, migrateHomeToPostgres } from '../../../src-main/services'
import { verifyChain } from '../../../src-main/store/activity'
import { BlobStore, recordBlob } from '../../../src-main/store/blobs'
import { copyHomeToPostgres, verifyCopy } from '../../../src-main/store/engine/copy-home'
import { openPostgresStore, type Store } from '../../../src-main/store/engine/engine'
import { migratePostgres } from '../../../src-main/store/engine/pg-migrate'
import { PG_MIGRATIONS } from '../../../src-main/store/migrations-pg'
import { makeHome, type TestHome } from '../../helpers'
import { createScratchDatabase, type ScratchDatabase } from '../../support/pg-database'

describe('copying a desk home into PostgreSQL', () => {
  let t: TestHome
  let scratch: ScratchDatabase
  let store: Store
  let blobsDir: string
  let blobSha: string

  beforeAll(async () => {
    t = await makeHome()
    await call(t.ctx, 'demo.load', { cases: 20 })
    // a row pointing at a later row of its own table (written in a second pass on PostgreSQL)
    t.home.db.exec(`UPDATE documents SET supersedes_id = (SELECT max(id) FROM documents) WHERE id = (SELECT min(id) FROM documents)`)
    blobSha = (await recordBlob(t.home.store, t.home.blobs, Buffer.from('案卷通 blob'), 'text/plain', '2026-11-25T02:00:00Z')).sha256
    blobsDir = mkdtempSync(join(tmpdir(), 'casebinder-blobs-'))
    scratch = await createScratchDatabase(inject('pgUrl'))
    store = openPostgresStore({ connectionString: scratch.url })
  })
  afterAll(async () => {
    await store.close()
    await scratch.drop()
    t.cleanup()
    rmSync(blobsDir, { recursive: true, force: true })
  })

  const counts = async () => {
    const out: Record<string, number> = {}
    for (const name of ['cases', 'documents', 'activity_log', 'parties', 'settings', 'cases_fts']) {
      out[name] = (await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${name}`).execute(store.db)).rows[0]!.n
    }
    return out
  }
  const maxSeq = async () => (await sql<{ m: number }>`SELECT max(seq) AS m FROM activity_log`.execute(store.db)).rows[0]!.m

  it('copies every table, the blobs and the activity record, and verifies the copy', async () => {
    const progress: string[] = []
    const r = await copyHomeToPostgres(t.home, store, { blobsDir, onProgress: (p) => progress.push(p.name) })
    expect(r.status).toBe('copied')
    expect(r.migrationsApplied).toEqual(PG_MIGRATIONS.map((m) => m.version))
    expect(r.rowsWritten).toBeGreaterThan(300)
    expect(r.verify.ok).toBe(true)
    expect(r.verify.tables.filter((x) => !x.equal)).toEqual([])
    const names = r.verify.tables.map((x) => x.name)
    for (const name of ['cases', 'documents', 'activity_log', 'blobs', 'settings', 'users']) expect(names).toContain(name)
    // foreign-key order: a table after the tables it references
    expect(names.indexOf('cases')).toBeLessThan(names.indexOf('documents'))
    expect(names.indexOf('documents')).toBeLessThan(names.indexOf('approvals'))
    expect(r.verify.tables.find((x) => x.name === 'cases')!.rows).toBe(20)
    expect(r.verify.search).toEqual({ cases: 20, indexed: 20, ok: true })
    const forward = await sql<{ n: number }>`SELECT count(*) AS n FROM documents WHERE supersedes_id > id`.execute(store.db)
    expect(forward.rows[0]!.n).toBe(1)
    const sqliteChain = await verifyChain(t.home.store)
    expect(sqliteChain.ok).toBe(true)
    expect(r.verify.chain).toMatchObject({ ok: true, entries: sqliteChain.entries, headHash: sqliteChain.headHash, firstBad: null })
    expect(r.verify.blobs).toEqual({ files: 1, ok: true, bad: [] })
    expect(r.blobsWritten).toBe(1)
    expect(new BlobStore(blobsDir).get(blobSha).toString()).toBe('案卷通 blob')
    expect(progress).toContain('cases')
    // flags are booleans on PostgreSQL
    const flags = (await sql<{ active: unknown }>`SELECT active FROM officers LIMIT 1`.execute(store.db)).rows[0]!
    expect(typeof flags.active).toBe('boolean')
    // each identity sequence continues after the copied ids
    const next = (await sql<{ n: number }>`SELECT nextval(pg_get_serial_sequence('cases', 'id')) AS n`.execute(store.db)).rows[0]!.n
    expect(next).toBe(21)
  })

  it('a second run finds an identical copy and writes nothing', async () => {
    const before = { counts: await counts(), seq: await maxSeq() }
    const r = await copyHomeToPostgres(t.home, store, { blobsDir })
    expect(r.status).toBe('already copied')
    expect(r.migrationsApplied).toEqual([])
    expect(r.rowsWritten).toBe(0)
    expect(r.blobsWritten).toBe(0)
    expect(r.verify.ok).toBe(true)
    expect({ counts: await counts(), seq: await maxSeq() }).toEqual(before)
  })

  it('the service entry (the CLI door) copies by folder and URL, and reports an earlier copy as such', async () => {
    const r = await migrateHomeToPostgres({ from: t.dir, to: scratch.url, blobsDir })
    expect(r.status).toBe('already copied')
    expect(r.verify.ok).toBe(true)
    await expect(migrateHomeToPostgres({ from: join(t.dir, 'nowhere'), to: scratch.url })).rejects.toThrow(CopyRefusedError)
  })

  it('a changed row on PostgreSQL shows in the report, and the copy is then refused', async () => {
    await sql`UPDATE cases SET name = name || '（改）' WHERE id = 1`.execute(store.db)
    const v = await verifyCopy(t.home, store)
    expect(v.ok).toBe(false)
    expect(v.tables.filter((x) => !x.equal).map((x) => x.name)).toEqual(['cases'])
    const cases = v.tables.find((x) => x.name === 'cases')!
    expect(cases.rows).toBe(cases.targetRows)
    expect(cases.sourceHash).not.toBe(cases.targetHash)
    expect(v.chain.ok).toBe(true)
    await expect(copyHomeToPostgres(t.home, store)).rejects.toThrow(/not a copy of this home.*cases/)
  })

  // four CLI processes, each loading the program through tsx
  it('`casebinder migrate` prints the report, says so on a second run, and exits non-zero when the copy differs', async () => {
    const target = await createScratchDatabase(inject('pgUrl'))
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'migrate', '--from', t.dir, '--to', target.url, ...args], {
        encoding: 'utf8'
      })
    try {
      const first = cli('--json')
      expect(first.stderr).toBe('')
      expect(first.status).toBe(0)
      const report = JSON.parse(first.stdout) as { status: string; verify: { ok: boolean; chain: { headHash: string } } }
      expect(report.status).toBe('copied')
      expect(report.verify.ok).toBe(true)
      expect(report.verify.chain.headHash).toBe((await verifyChain(t.home.store)).headHash)
      const second = cli()
      expect(second.status).toBe(0)
      expect(second.stdout).toMatch(/already copied: nothing written/)
      expect(second.stdout).toMatch(/ok {3}activity record: \d+ entries/)
      const other = openPostgresStore({ connectionString: target.url })
      try {
        await sql`UPDATE parties SET name = name || '乙' WHERE id = 2`.execute(other.db)
      } finally {
        await other.close()
      }
      const third = cli()
      expect(third.status).not.toBe(0)
      expect(third.stderr).toMatch(/not a copy of this home.*parties/)
      expect(cli('--to', 'mysql://x').status).toBe(2)
    } finally {
      await target.drop()
    }
  }, 120_000)

  it('copies all or nothing: a row refused late in the copy leaves the target empty', async () => {
    const other = await createScratchDatabase(inject('pgUrl'))
    const target = openPostgresStore({ connectionString: other.url })
    try {
      await migratePostgres(target.db, PG_MIGRATIONS)
      await sql`ALTER TABLE approvals ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`.execute(target.db)
      await expect(copyHomeToPostgres(t.home, target)).rejects.toThrow(/refuse_all/)
      for (const table of ['cases', 'documents', 'activity_log', 'settings', 'approvals']) {
        expect((await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).execute(target.db)).rows[0]!.n, table).toBe(0)
      }
    } finally {
      await target.close()
      await other.drop()
    }
  })

  it('refuses a target that holds other data, and writes nothing to it', async () => {
    const other = await createScratchDatabase(inject('pgUrl'))
    const foreign = openPostgresStore({ connectionString: other.url })
    try {
      await migratePostgres(foreign.db, PG_MIGRATIONS)
      await sql`INSERT INTO settings (key, value) VALUES ('someone.else', 'x')`.execute(foreign.db)
      await expect(copyHomeToPostgres(t.home, foreign)).rejects.toThrow(CopyRefusedError)
      const n = async (table: string) => (await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).execute(foreign.db)).rows[0]!.n
      expect(await n('cases')).toBe(0)
      expect(await n('activity_log')).toBe(0)
      expect(await n('settings')).toBe(1)
    } finally {
      await foreign.close()
      await other.drop()
    }
  })
})
