/**
 * PostgreSQL's migration runner keeps SQLite's discipline (tests/integration/store.test.ts): each migration once,
 * recorded with the SHA-256 of its text; an edited migration and a newer database are refused; a failing migration
 * leaves nothing behind; two servers starting at once apply each migration once.
 */
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { openPostgresStore, type Store } from '../../../src-main/store/engine/engine'
import { migratePostgres, pgSchemaVersion } from '../../../src-main/store/engine/pg-migrate'
import { migrationChecksum, type Migration } from '../../../src-main/store/migrations'
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS } from '../../../src-main/store/migrations-pg'
import { createScratchDatabase, type ScratchDatabase } from '../../support/pg-database'

const NEXT = PG_LATEST_SCHEMA_VERSION + 1
const EXTRA: Migration = { version: NEXT, name: 'a test table', sql: 'CREATE TABLE extra (id integer PRIMARY KEY);' }
const ALL = PG_MIGRATIONS.map((m) => m.version)

describe('PostgreSQL migrations', () => {
  let scratch: ScratchDatabase
  let store: Store
  beforeEach(async () => {
    scratch = await createScratchDatabase(inject('pgUrl'))
    store = openPostgresStore({ connectionString: scratch.url })
  })
  afterEach(async () => {
    await store.close()
    await scratch.drop()
  })

  const applied = async () =>
    (await sql<{ version: number; checksum: string }>`SELECT version, checksum FROM schema_migrations ORDER BY version`.execute(store.db))
      .rows

  it('applies each migration once, recording its checksum', async () => {
    expect(await migratePostgres(store.db, PG_MIGRATIONS)).toEqual(ALL)
    expect(await migratePostgres(store.db, PG_MIGRATIONS)).toEqual([])
    expect(await migratePostgres(store.db, [...PG_MIGRATIONS, EXTRA])).toEqual([NEXT])
    expect(await pgSchemaVersion(store.db)).toBe(NEXT)
    expect(await applied()).toEqual([...PG_MIGRATIONS, EXTRA].map((m) => ({ version: m.version, checksum: migrationChecksum(m) })))
  })

  it('pins the text of each migration (unreleased until the bureau server ships; from then on a line never changes)', () => {
    const pinned: Record<number, string> = {
      1: '399ad4c20b5c6d85b71eb728bd66ee520982ca43fc5c88cc9b1d58e68db8d127',
      2: '6dcc82d108f399b93d3dcada3e416a0d92e36dbcef3b030d9308275d464a1b7b',
      3: '4863682628744b4cd77d5ddadf31e060a570587ccfd5fb35d9cfe6d2f85e4060',
      4: '019de2bb6ecda6d44a45a0281b92d3a75d912454435d02e1f6ff8de98e308169',
      5: '457e6e3b8acd98ab97568e130f412c7028c70eff6f976f025ca953d1e01adb72',
      6: 'd361a67dd2f13d97b6c8dcb4276c7cfbe4eb5f225b1b9c833633e06c0cb5edc1',
      7: 'da54e22d94fcc25e7448384e30b842d98d12ff18a035416462369ed6c90bdce8',
      8: 'c34b91c1c6d55027c6e4f4ee0b3203c115d9d0824595524055ab57c7a563fbc2'
    }
    for (const m of PG_MIGRATIONS) expect(migrationChecksum(m), `migration ${m.version}`).toBe(pinned[m.version])
    expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1))
  })

  it('refuses a database whose applied migration was edited, or that has a migration this program does not know', async () => {
    await migratePostgres(store.db, [...PG_MIGRATIONS, EXTRA])
    const edited = PG_MIGRATIONS.map((m) => ({ ...m, sql: m.sql + ' ' }))
    await expect(migratePostgres(store.db, [...edited, EXTRA])).rejects.toThrow(
      /^migration 1 \(officers\) was changed after it was applied$/
    )
    await expect(migratePostgres(store.db, PG_MIGRATIONS)).rejects.toThrow(
      new RegExp(`database has migration ${NEXT}, which this version .* does not know`)
    )
  })

  it('rolls a failing migration back whole, and refuses duplicate versions', async () => {
    const broken: Migration = { version: NEXT, name: 'broken', sql: 'CREATE TABLE half (id integer); SELECT no_such_function();' }
    await expect(migratePostgres(store.db, [...PG_MIGRATIONS, broken])).rejects.toThrow(/no_such_function/)
    expect((await applied()).map((r) => r.version)).toEqual(ALL)
    const tables = await store.db.introspection.getTables()
    expect(tables.map((t) => t.name)).not.toContain('half')
    await expect(migratePostgres(store.db, [...PG_MIGRATIONS, EXTRA, { ...EXTRA, name: 'again' }])).rejects.toThrow(
      new RegExp(`duplicate migration version ${NEXT}`)
    )
  })

  it('applies each migration once when several servers start at once', async () => {
    const others = Array.from({ length: 3 }, () => openPostgresStore({ connectionString: scratch.url, max: 2 }))
    try {
      const ran = await Promise.all([store, ...others].map((s) => migratePostgres(s.db, [...PG_MIGRATIONS, EXTRA])))
      expect(ran.flat().sort((a, b) => a - b)).toEqual([...ALL, NEXT])
      expect((await applied()).map((r) => r.version)).toEqual([...ALL, NEXT])
    } finally {
      await Promise.all(others.map((s) => s.close()))
    }
  })
})
