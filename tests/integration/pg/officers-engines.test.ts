/**
 * The async store's first table on both engines: the same assertions against a real home's SQLite (opened through
 * openHome, so the schema is the released one) and a real PostgreSQL (migrated by engine/pg-migrate.ts), plus the
 * transaction rules each engine relies on: BEGIN IMMEDIATE on SQLite, SERIALIZABLE with retries and row locks on
 * PostgreSQL, and a locked counter row that hands out gap-free numbers under concurrency.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import type { OfficerData } from '../../../src-main/core/officer'
import {
  countOfficers,
  findOfficer,
  updateOfficer,
  findOfficerByCert,
  insertOfficer,
  listOfficers
} from '../../../src-main/store/repos/officers'
import { openPostgresStore, openSqliteStore, type Engine, type Scope, type Store } from '../../../src-main/store/engine/engine'
import { isUniqueViolation } from '../../../src-main/store/engine/errors'
import { withTransaction, type TransactionOptions } from '../../../src-main/store/engine/transaction'
import { openHome } from '../../../src-main/store/home'
import { createScratchDatabase } from '../../support/pg-database'
import { migratePostgres } from '../../../src-main/store/engine/pg-migrate'
import { PG_MIGRATIONS } from '../../../src-main/store/migrations-pg'

interface Opened {
  store: Store
  /** the SQLite file, for a second connection */
  file?: string
  close(): Promise<void>
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-engines-'))
  const home = await openHome(dir, { actor: 'tester' })
  const store = openSqliteStore(home.db)
  return {
    store,
    file: home.paths.database,
    close: async () => {
      await store.close()
      home.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function openPostgres(): Promise<Opened> {
  const scratch = await createScratchDatabase(inject('pgUrl'))
  const store = openPostgresStore({ connectionString: scratch.url, max: 12 })
  try {
    await migratePostgres(store.db, PG_MIGRATIONS)
  } catch (err) {
    await store.close()
    await scratch.drop()
    throw err
  }
  return {
    store,
    close: async () => {
      await store.close()
      await scratch.drop()
    }
  }
}

const ENGINES: { engine: Engine; open: () => Promise<Opened> }[] = [
  { engine: 'sqlite', open: openSqlite },
  { engine: 'postgres', open: openPostgres }
]

const AT = '2026-11-25T02:00:00.000Z'

function officer(certNo: string, extra: Partial<OfficerData> = {}): OfficerData {
  return {
    name: '李明',
    post: '科员',
    unit: '执法支队',
    certNo,
    certType: '行政执法证',
    certArea: '江州市',
    validUntil: '2028-06-30',
    legalReviewer: false,
    ...extra
  }
}

/** The scratch counter table of the concurrency tests (the real document-number series comes with its migration). */
interface CounterSchema {
  test_counters: { name: string; value: number }
}

async function createCounter(store: Store): Promise<Scope<CounterSchema>> {
  const s: Store<CounterSchema> = store as unknown as Store<CounterSchema>
  await s.db.schema
    .createTable('test_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute()
  await s.db.insertInto('test_counters').values({ name: 'doc', value: 0 }).execute()
  return s
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

interface TakeOptions {
  /** FOR UPDATE on PostgreSQL (default true) */
  lock?: boolean
  /** runs between the read and the write (default: a pause of up to 5 ms, to widen the race) */
  beforeWrite?: () => Promise<void>
}

/**
 * Take the next number: read the counter (FOR UPDATE on PostgreSQL, unless `lock` is off), then write it back plus
 * one. On SQLite the transaction's BEGIN IMMEDIATE already holds the only write lock.
 */
async function takeNumber(tx: Scope<CounterSchema>, options: TakeOptions = {}): Promise<number> {
  let q = tx.db.selectFrom('test_counters').select('value').where('name', '=', 'doc')
  if (tx.engine === 'postgres' && (options.lock ?? true)) q = q.forUpdate()
  const { value } = await q.executeTakeFirstOrThrow()
  await (options.beforeWrite ?? (() => pause(Math.random() * 5)))()
  await tx.db
    .updateTable('test_counters')
    .set({ value: value + 1 })
    .where('name', '=', 'doc')
    .execute()
  return value + 1
}

async function counterValue(s: Scope<CounterSchema>): Promise<number> {
  return (await s.db.selectFrom('test_counters').select('value').where('name', '=', 'doc').executeTakeFirstOrThrow()).value
}

/** 10 transactions at once, plus 2 that take a number and then fail: the 10 get 1…10, the failures use none. */
async function numbersUnderConcurrency(store: Store<CounterSchema>, options: TransactionOptions) {
  const ok = Array.from({ length: 10 }, () => withTransaction(store, (tx) => takeNumber(tx), options))
  const failing = Array.from({ length: 2 }, () =>
    withTransaction(
      store,
      async (tx) => {
        await takeNumber(tx)
        throw new Error('document check failed')
      },
      options
    )
  )
  const failures = await Promise.allSettled(failing)
  return { numbers: await Promise.all(ok), failures }
}

describe.each(ENGINES)('officers on $engine', ({ engine, open }) => {
  let opened: Opened
  let store: Store
  beforeEach(async () => {
    opened = await open()
    store = opened.store
  })
  afterEach(async () => opened.close())

  it('inserts an officer and finds it by id and by cert number, every field as written', async () => {
    const id = await insertOfficer(store, officer('JZ-0001', { legalReviewer: true }), AT)
    expect(typeof id).toBe('number')
    const expected = {
      id,
      ...officer('JZ-0001', { legalReviewer: true }),
      active: true,
      deactivatedAt: null,
      deactivationReason: null,
      createdAt: AT,
      updatedAt: AT
    }
    expect(await findOfficer(store, id)).toEqual(expected)
    expect(await findOfficerByCert(store, 'JZ-0001')).toEqual(expected)
    expect(await findOfficer(store, id + 1000)).toBeNull()
    expect(await findOfficerByCert(store, 'JZ-9999')).toBeNull()
  })

  it('lists active officers first, in id order; inactive ones only when asked for', async () => {
    const a = await insertOfficer(store, officer('JZ-0001', { name: '张三' }), AT)
    const b = await insertOfficer(store, officer('JZ-0002', { name: '李四' }), AT)
    const c = await insertOfficer(store, officer('JZ-0003', { name: '王五' }), AT)
    const first = (await findOfficer(store, a))!
    await updateOfficer(store, {
      ...first,
      active: false,
      deactivatedAt: '2026-11-26T00:00:00.000Z',
      deactivationReason: '调离',
      updatedAt: '2026-11-26T00:00:00.000Z'
    })
    expect((await listOfficers(store, false)).map((o) => o.id)).toEqual([b, c])
    const all = await listOfficers(store, true)
    expect(all.map((o) => [o.id, o.active])).toEqual([
      [b, true],
      [c, true],
      [a, false]
    ])
    expect(all[2]).toMatchObject({ deactivationReason: '调离', deactivatedAt: '2026-11-26T00:00:00.000Z' })
    expect(await countOfficers(store, false)).toBe(2)
    expect(await countOfficers(store, true)).toBe(3)
  })

  it('refuses a second officer with the same cert number, as a unique violation on either engine', async () => {
    await insertOfficer(store, officer('JZ-0001'), AT)
    const err = await insertOfficer(store, officer('JZ-0001', { name: '赵六' }), AT).then(
      () => null,
      (e: unknown) => e
    )
    expect(err).not.toBeNull()
    expect(isUniqueViolation(err)).toBe(true)
    expect(await countOfficers(store, true)).toBe(1)
  })

  it('commits a transaction whole, and rolls it back whole when it throws', async () => {
    const id = await withTransaction(store, async (tx) => {
      const first = await insertOfficer(tx, officer('JZ-0001'), AT)
      await insertOfficer(tx, officer('JZ-0002'), AT)
      return first
    })
    await expect(
      withTransaction(store, async (tx) => {
        await insertOfficer(tx, officer('JZ-0003'), AT)
        await updateOfficer(tx, { ...(await findOfficer(tx, id))!, active: false, deactivatedAt: AT, deactivationReason: '调离' })
        throw new Error('refused')
      })
    ).rejects.toThrow('refused')
    expect(await findOfficerByCert(store, 'JZ-0003')).toBeNull()
    expect((await findOfficer(store, id))?.active).toBe(true)
    expect(await countOfficers(store, true)).toBe(2)
  })

  it('never reuses an id, like AUTOINCREMENT', async () => {
    const a = await insertOfficer(store, officer('JZ-0001'), AT)
    await store.db.deleteFrom('officers').where('id', '=', a).execute()
    const b = await insertOfficer(store, officer('JZ-0001'), AT)
    expect(b).toBeGreaterThan(a)
  })

  it('has the officers columns of the released SQLite schema', async () => {
    const tables = await store.db.introspection.getTables()
    // SQLite reports its rowid alias (INTEGER PRIMARY KEY) as nullable; it never holds a null
    const cols = tables.find((t) => t.name === 'officers')?.columns.map((c) => [c.name, c.name !== 'id' && c.isNullable])
    expect(cols).toEqual([
      ['id', false],
      ['name', false],
      ['post', false],
      ['unit', false],
      ['cert_no', false],
      ['cert_type', false],
      ['cert_area', false],
      ['valid_until', false],
      ['legal_reviewer', false],
      ['active', false],
      ['deactivated_at', true],
      ['deactivation_reason', true],
      ['created_at', false],
      ['updated_at', false]
    ])
  })

  it('hands out gap-free numbers from a counter row to 10 concurrent transactions', async () => {
    const counters = await createCounter(store)
    const retries: number[] = []
    const { numbers, failures } = await numbersUnderConcurrency(counters as Store<CounterSchema>, { onRetry: (n) => retries.push(n) })
    expect([...numbers].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(failures.map((f) => f.status)).toEqual(['rejected', 'rejected'])
    expect(await counterValue(counters)).toBe(10)
    if (engine === 'sqlite') expect(retries).toEqual([])
  })
})

describe('PostgreSQL transactions', () => {
  let opened: Opened
  let counters: Store<CounterSchema>
  beforeEach(async () => {
    opened = await openPostgres()
    counters = (await createCounter(opened.store)) as Store<CounterSchema>
  })
  afterEach(async () => opened.close())

  it('SERIALIZABLE with FOR UPDATE: 10 concurrent transactions get 1…10, whatever was cancelled and run again', async () => {
    const retries: unknown[] = []
    const { numbers } = await numbersUnderConcurrency(counters, { onRetry: (_, err) => retries.push(err) })
    expect([...numbers].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(retries.every((e) => (e as { code?: string }).code === '40001')).toBe(true)
  })

  it('SERIALIZABLE: a transaction whose snapshot predates a concurrent commit of the row is cancelled (40001) and run again', async () => {
    for (const maxAttempts of [1, undefined]) {
      let aHasNumber!: () => void
      let bHasSnapshot!: () => void
      const aHas = new Promise<void>((resolve) => (aHasNumber = resolve))
      const bHas = new Promise<void>((resolve) => (bHasSnapshot = resolve))
      const retries: unknown[] = []
      const a = withTransaction(counters, async (tx) => {
        const n = await takeNumber(tx, { beforeWrite: async () => undefined })
        aHasNumber()
        await bHas // B has taken its snapshot before A commits
        return n
      })
      const b = withTransaction(
        counters,
        async (tx) => {
          await aHas
          await sql`SELECT 1`.execute(tx.db) // the snapshot
          bHasSnapshot()
          return takeNumber(tx, { beforeWrite: async () => undefined })
        },
        { maxAttempts, onRetry: (_, err) => retries.push(err) }
      )
      const [ra, rb] = await Promise.allSettled([a, b])
      const base = maxAttempts === 1 ? 0 : 1
      expect(ra).toEqual({ status: 'fulfilled', value: base + 1 })
      if (maxAttempts === 1) {
        expect(rb.status).toBe('rejected')
        expect(((rb as PromiseRejectedResult).reason as { code?: string }).code).toBe('40001')
        expect(retries).toEqual([])
      } else {
        expect(rb).toEqual({ status: 'fulfilled', value: base + 2 })
        expect(retries.map((e) => (e as { code?: string }).code)).toEqual(['40001'])
      }
    }
    expect(await counterValue(counters)).toBe(3)
  })

  it('READ COMMITTED with FOR UPDATE: the row lock queues the transactions, none is cancelled', async () => {
    const retries: number[] = []
    const { numbers } = await numbersUnderConcurrency(counters, { isolation: 'read committed', onRetry: (n) => retries.push(n) })
    expect([...numbers].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(retries).toEqual([])
  })

  it('READ COMMITTED without the row lock loses updates: the tests above have teeth', async () => {
    let read = 0
    let allRead!: () => void
    const everyoneRead = new Promise<void>((resolve) => (allRead = resolve))
    const beforeWrite = async () => {
      if (++read === 5) allRead()
      await everyoneRead
    }
    const numbers = await Promise.all(
      Array.from({ length: 5 }, () =>
        withTransaction(counters, (tx) => takeNumber(tx, { lock: false, beforeWrite }), { isolation: 'read committed' })
      )
    )
    expect(numbers).toEqual([1, 1, 1, 1, 1])
    expect(await counterValue(counters)).toBe(1)
  })
})

describe('SQLite transactions', () => {
  let opened: Opened
  beforeAll(async () => {
    opened = await openSqlite()
  })
  afterAll(async () => opened.close())

  it('begin IMMEDIATE: the write lock is held from the start, another connection cannot begin writing', async () => {
    const other = new Database(opened.file!, { timeout: 0 })
    try {
      let tried: unknown = null
      await withTransaction(opened.store, async (tx) => {
        await findOfficer(tx, 1) // a read only: a deferred BEGIN would not have locked anything yet
        try {
          other.exec('BEGIN IMMEDIATE')
          other.exec('ROLLBACK')
        } catch (err) {
          tried = err
        }
      })
      expect((tried as { code?: string } | null)?.code).toBe('SQLITE_BUSY')
      // once committed, the other connection can write again
      other.exec('BEGIN IMMEDIATE')
      other.exec('ROLLBACK')
    } finally {
      other.close()
    }
  })
})
