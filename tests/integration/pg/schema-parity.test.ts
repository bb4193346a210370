/**
 * PostgreSQL's schema (store/migrations-pg) against SQLite's (store/migrations, as a real home has it after
 * openHome): the same tables with the same columns (type family, NOT NULL, DEFAULT) in the same order, the same
 * primary keys, unique constraints, indexes, foreign keys and number of CHECK constraints; the deviations are the documented ones
 * (flags are boolean: migrations-pg/columns.ts; cases_fts is a pg_trgm table kept by triggers: migrations-pg/003).
 * Then the engine features behave alike, by raw SQL on both engines: the immutability triggers refuse the same
 * changes with the same message, the search row is what the SQLite repository writes, logins are unique whatever
 * their case.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { flag, openPostgresStore, openSqliteStore, type Engine, type Store } from '../../../src-main/store/engine/engine'
import { isTriggerRefusal } from '../../../src-main/store/engine/errors'
import { migratePostgres } from '../../../src-main/store/engine/pg-migrate'
import { openHome, type Home } from '../../../src-main/store/home'
import { PG_BOOLEAN_COLUMNS, PG_MIGRATIONS } from '../../../src-main/store/migrations-pg'
import { indexCase } from '../../../src-main/store/repos/case-search'
import { createScratchDatabase, type ScratchDatabase } from '../../support/pg-database'
import { pgShape, sqliteShape, type SchemaShape, type TableShape } from '../../support/schema-shape'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw SQL over any table
type RawStore = Store<any>

interface Opened {
  engine: Engine
  store: RawStore
  /** the SQLite home (its synchronous repositories), on SQLite */
  home?: Home
  close(): Promise<void>
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-parity-'))
  const home = await openHome(dir, { actor: 'tester' })
  const store: RawStore = openSqliteStore(home.db)
  return {
    engine: 'sqlite',
    store,
    home,
    close: async () => {
      await store.close()
      home.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function openPostgres(): Promise<Opened> {
  const scratch: ScratchDatabase = await createScratchDatabase(inject('pgUrl'))
  const store: RawStore = openPostgresStore({ connectionString: scratch.url })
  try {
    await migratePostgres(store.db, PG_MIGRATIONS)
  } catch (err) {
    await store.close()
    await scratch.drop()
    throw err
  }
  return {
    engine: 'postgres',
    store,
    close: async () => {
      await store.close()
      await scratch.drop()
    }
  }
}

/** What PostgreSQL's cases_fts is, given SQLite's FTS5 table: a key `rowid` → cases(id), every column NOT NULL, one GIN index. */
function expectedCasesFts(fts: TableShape): TableShape {
  const cols = fts.columns.map((c) => c.name)
  return {
    columns: [{ name: 'rowid', family: 'integer', notNull: true, default: null }, ...fts.columns.map((c) => ({ ...c, notNull: true }))],
    primaryKey: ['rowid'],
    indexes: [`index(${cols.join(',')}) gin`],
    named: { cases_fts_trgm: `index(${cols.join(',')}) gin` },
    foreignKeys: ['(rowid)->cases(id)'],
    checks: 0
  }
}

describe('the PostgreSQL schema against the SQLite schema', () => {
  let lite: Opened
  let pg: Opened
  let liteShape: SchemaShape
  let pgShapeOf: SchemaShape
  beforeAll(async () => {
    lite = await openSqlite()
    pg = await openPostgres()
    liteShape = sqliteShape(lite.home!.db)
    pgShapeOf = await pgShape(pg.store.db)
  })
  afterAll(async () => {
    await lite?.close()
    await pg?.close()
  })

  it('has every SQLite table (FTS5 shadow tables and sqlite internals aside), and no other', () => {
    const names = [...liteShape.tables.keys()].sort()
    expect(names).toContain('cases_fts')
    expect(names).toContain('schema_migrations')
    expect(names.some((n) => n.startsWith('cases_fts_') || n.startsWith('sqlite_'))).toBe(false)
    expect(names.length).toBeGreaterThanOrEqual(30)
    expect([...pgShapeOf.tables.keys()].sort()).toEqual(names)
    expect([...liteShape.virtual]).toEqual(['cases_fts'])
  })

  it('has per table the same columns in order (type family, NOT NULL, DEFAULT), keys, unique constraints, indexes, foreign keys and CHECKs', () => {
    const expected = Object.fromEntries(
      [...liteShape.tables].map(([name, shape]) => [name, liteShape.virtual.has(name) ? expectedCasesFts(shape) : shape])
    )
    expect(Object.fromEntries(pgShapeOf.tables)).toEqual(expected)
  })

  it('lists as boolean exactly the 0/1 flags: INTEGER in SQLite, boolean in PostgreSQL', () => {
    const pgBooleans = [...pgShapeOf.tables].flatMap(([t, s]) =>
      s.columns.filter((c) => c.family === 'boolean').map((c) => `${t}.${c.name}`)
    )
    const listed = Object.entries(PG_BOOLEAN_COLUMNS).flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`))
    expect(pgBooleans.sort()).toEqual([...listed].sort())
    for (const entry of listed) {
      const [t, c] = entry.split('.') as [string, string]
      const declared = (lite.home!.db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; type: string }[]).find(
        (x) => x.name === c
      )
      expect(declared?.type, entry).toBe('INTEGER')
    }
  })

  it('installs pg_trgm, and takes trigrams from Chinese text (the database needs a UTF-8 LC_CTYPE)', async () => {
    const { rows } = await sql<{ n: number }>`SELECT cardinality(show_trgm('行政处罚')) AS n`.execute(pg.store.db)
    expect(rows[0]!.n, 'no trigrams from Chinese text: create the database with a UTF-8 LC_CTYPE').toBeGreaterThan(0)
  })
})

const AT = '2026-11-25T02:00:00.000Z'

async function one<R>(store: RawStore, query: ReturnType<typeof sql<R>>): Promise<R> {
  return (await query.execute(store.db)).rows[0]!
}

async function insertCase(store: RawStore, name: string, cause = '', facts = ''): Promise<number> {
  const r = await one(
    store,
    sql<{
      id: number
    }>`INSERT INTO cases (name, cause, facts, source, source_date, procedure, status, registered_by, created_at, updated_at)
      VALUES (${name}, ${cause}, ${facts}, '日常巡查', '2026-11-01', 'general', 'registered', 'tester', ${AT}, ${AT}) RETURNING id`
  )
  return r.id
}

async function insertParty(store: RawStore, name: string, key: string): Promise<number> {
  const r = await one(
    store,
    sql<{ id: number }>`INSERT INTO parties (kind, name, identity_key, data, created_at, updated_at)
      VALUES ('org', ${name}, ${key}, '{}', ${AT}, ${AT}) RETURNING id`
  )
  return r.id
}

async function insertDocument(store: RawStore, caseId: number): Promise<number> {
  const r = await one(
    store,
    sql<{ id: number }>`INSERT INTO documents (case_id, type, title, status, fields, created_by, created_at, updated_at)
      VALUES (${caseId}, 'penalty-decision', '行政处罚决定书', 'draft', '{}', 'tester', ${AT}, ${AT}) RETURNING id`
  )
  return r.id
}

/** What a refused statement reports: its message, and whether the store reads it as a trigger's refusal. */
async function refusal(run: Promise<unknown>): Promise<{ message: string; trigger: boolean } | 'accepted'> {
  try {
    await run
    return 'accepted'
  } catch (err) {
    return { message: (err as Error).message, trigger: isTriggerRefusal(err) }
  }
}

const refused = (message: string) => ({ message, trigger: true })

describe.each([
  { engine: 'sqlite', open: openSqlite },
  { engine: 'postgres', open: openPostgres }
])('engine features on $engine', ({ open }) => {
  let o: Opened
  let s: RawStore
  beforeAll(async () => {
    o = await open()
    s = o.store
  })
  afterAll(async () => o?.close())

  it('the activity record is append-only: UPDATE and DELETE are refused, inserting goes on', async () => {
    const { n } = await one(s, sql<{ n: number }>`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM activity_log`)
    const entry = (seq: number) =>
      sql`INSERT INTO activity_log (seq, at, actor, action, target_type, target_id, case_id, summary, detail, digest, prev_hash, hash)
        VALUES (${seq}, ${AT}, 'tester', 'case.register', 'case', '1', '1', '登记案件', '{}', 'd', 'p', ${'h' + seq})`.execute(s.db)
    await entry(n)
    const append = 'activity_log is append-only'
    expect(await refusal(sql`UPDATE activity_log SET summary = '改' WHERE seq = ${n}`.execute(s.db))).toEqual(refused(append))
    expect(await refusal(sql`UPDATE activity_log SET actor_name = '王建国'`.execute(s.db))).toEqual(refused(append))
    expect(await refusal(sql`DELETE FROM activity_log WHERE seq = ${n}`.execute(s.db))).toEqual(refused(append))
    expect(await refusal(sql`DELETE FROM activity_log`.execute(s.db))).toEqual(refused(append))
    if (o.engine === 'postgres') expect(await refusal(sql`TRUNCATE activity_log`.execute(s.db))).toEqual(refused(append))
    await entry(n + 1)
    const { summary } = await one(s, sql<{ summary: string }>`SELECT summary FROM activity_log WHERE seq = ${n}`)
    expect(summary).toBe('登记案件')
  })

  it('an issued document is frozen: fields, number, type, case, file and date refused; voiding still goes', async () => {
    const caseId = await insertCase(s, '某公司未按规定公示年度报告案')
    const other = await insertCase(s, '另一案')
    const id = await insertDocument(s, caseId)
    await sql`UPDATE documents SET fields = '{"a":1}', number = '江市监罚〔2026〕1号', revision = 2 WHERE id = ${id}`.execute(s.db)
    await sql`UPDATE documents SET status = 'issued', issued_at = ${AT}, issued_on = '2026-11-25', docx_sha256 = 'abc' WHERE id = ${id}`.execute(
      s.db
    )
    const frozen = refused('an issued document cannot be changed')
    expect(await refusal(sql`UPDATE documents SET fields = '{"a":2}' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    expect(await refusal(sql`UPDATE documents SET number = '江市监罚〔2026〕2号' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    expect(await refusal(sql`UPDATE documents SET type = 'notice' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    expect(await refusal(sql`UPDATE documents SET case_id = ${other} WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    expect(await refusal(sql`UPDATE documents SET docx_sha256 = 'def' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    expect(await refusal(sql`UPDATE documents SET issued_on = '2026-11-26' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    // named in SET is enough, as in SQLite's UPDATE OF, even with the same value
    expect(await refusal(sql`UPDATE documents SET fields = fields WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    await sql`UPDATE documents SET status = 'voided', voided_at = ${AT}, voided_reason = '文书错误', updated_at = ${AT} WHERE id = ${id}`.execute(
      s.db
    )
    expect(await refusal(sql`UPDATE documents SET fields = '{}' WHERE id = ${id}`.execute(s.db))).toEqual(frozen)
    const doc = await one(
      s,
      sql<{ status: string; fields: string; number: string }>`SELECT status, fields, number FROM documents WHERE id = ${id}`
    )
    expect(doc).toEqual({ status: 'voided', fields: '{"a":1}', number: '江市监罚〔2026〕1号' })
  })

  it('an archived (locked) dossier refuses every update; an open one may change', async () => {
    const open = await insertCase(s, '未归档案')
    const archived = await insertCase(s, '已归档案')
    await sql`INSERT INTO dossiers (case_id, updated_at) VALUES (${open}, ${AT})`.execute(s.db)
    await sql`INSERT INTO dossiers (case_id, archive_number, locked, updated_at)
      VALUES (${archived}, 'WS·2026·Y·0001', ${flag(o.engine, true)}, ${AT})`.execute(s.db)
    await sql`UPDATE dossiers SET note = '已整理', locked = ${flag(o.engine, false)} WHERE case_id = ${open}`.execute(s.db)
    const locked = refused('an archived dossier is locked')
    expect(await refusal(sql`UPDATE dossiers SET note = '改' WHERE case_id = ${archived}`.execute(s.db))).toEqual(locked)
    expect(await refusal(sql`UPDATE dossiers SET locked = ${flag(o.engine, false)} WHERE case_id = ${archived}`.execute(s.db))).toEqual(
      locked
    )
  })

  it('a login is unique whatever its case, and found whatever its case', async () => {
    const user = (login: string) =>
      sql`INSERT INTO users (login, name, roles, password_hash, created_at, updated_at)
        VALUES (${login}, '王建国', '["办案人员"]', 'scrypt$x', ${AT}, ${AT})`.execute(s.db)
    await user('WangJG')
    const dup = await refusal(user('wangjg'))
    expect(dup).not.toBe('accepted')
    expect(await one(s, sql<{ login: string }>`SELECT login FROM users WHERE login = ${'WANGJG'}`)).toEqual({ login: 'WangJG' })
  })

  it('refuses the same CHECKed values', async () => {
    const caseId = await insertCase(s, '审批案')
    const approval = (opinion: string, kind = 'filing') =>
      sql`INSERT INTO approvals (case_id, kind, outcome, opinion, approver_name, decided_on, decided_at)
        VALUES (${caseId}, ${kind}, 'approved', ${opinion}, '周文斌', '2026-11-25', ${AT})`.execute(s.db)
    await approval('同意立案')
    expect(await refusal(approval(''))).not.toBe('accepted')
    expect(await refusal(approval('同意', 'other'))).not.toBe('accepted')
    expect(
      await refusal(
        sql`INSERT INTO agency (id, name, short_name, credit_code, address, reconsideration_body, court, updated_at)
        VALUES (2, '某局', '某局', 'x', 'x', 'x', 'x', ${AT})`.execute(s.db)
      )
    ).not.toBe('accepted')
  })

  it('keeps the search row of a case as the SQLite repository writes it, and finds a Chinese substring', async () => {
    const caseId = await insertCase(s, '江州某贸易有限公司销售不合格产品案', '销售不合格产品', '经抽检，该公司销售的电热水壶不合格。')
    const a = await insertParty(s, '江州某贸易有限公司', 'org:91330100MA2AAAAA1X')
    const b = await insertParty(s, '张三', 'person:330102199001011234')
    await sql`INSERT INTO case_parties (case_id, party_id, role, position) VALUES (${caseId}, ${b}, 'party', 2), (${caseId}, ${a}, 'party', 1)`.execute(
      s.db
    )
    if (o.home) await indexCase(o.home.store, caseId) // on PostgreSQL the triggers did it
    const row = () => one(s, sql<Record<string, unknown>>`SELECT rowid, name, cause, facts, parties FROM cases_fts WHERE rowid = ${caseId}`)
    expect(await row()).toEqual({
      rowid: caseId,
      name: '江州某贸易有限公司销售不合格产品案',
      cause: '销售不合格产品',
      facts: '经抽检，该公司销售的电热水壶不合格。',
      parties: '江州某贸易有限公司 张三'
    })
    const hit =
      o.engine === 'sqlite'
        ? sql<{ id: number }>`SELECT rowid AS id FROM cases_fts WHERE cases_fts MATCH ${'"电热水壶"'}`
        : sql<{ id: number }>`SELECT rowid AS id FROM cases_fts WHERE facts ILIKE ${'%电热水壶%'}`
    expect((await hit.execute(s.db)).rows).toEqual([{ id: caseId }])
    if (o.engine !== 'postgres') return
    // the triggers follow the case, a party's new name and a party leaving the case
    await sql`UPDATE cases SET facts = '经抽检，电吹风不合格。' WHERE id = ${caseId}`.execute(s.db)
    await sql`UPDATE parties SET name = '张小三' WHERE id = ${b}`.execute(s.db)
    expect(await row()).toMatchObject({ facts: '经抽检，电吹风不合格。', parties: '江州某贸易有限公司 张小三' })
    await sql`DELETE FROM case_parties WHERE case_id = ${caseId} AND party_id = ${a}`.execute(s.db)
    expect(await row()).toMatchObject({ parties: '张小三' })
    const plan = await s.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx)
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT rowid FROM cases_fts
        WHERE name ILIKE ${'%电吹风%'} OR cause ILIKE ${'%电吹风%'} OR facts ILIKE ${'%电吹风%'} OR parties ILIKE ${'%电吹风%'}`.execute(
        trx
      )
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('cases_fts_trgm')
  })
})
