/**
 * The two engines behind the async store: the desk's embedded SQLite (better-sqlite3) and the bureau server's
 * PostgreSQL (pg). Both are reached through Kysely, so a repository is written once; what differs between the
 * engines (boolean columns, row locks, full-text search) is decided inside the repository from `scope.engine`.
 *
 * A `Store` owns what it opened: the PostgreSQL store ends its pool on close(); the SQLite store wraps the home's
 * open database and leaves it to the Home to close (Kysely's own SQLite driver would close it).
 */
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig
} from 'kysely'
import pg from 'pg'
import type { Db } from '../db'
import type { StoreSchema } from './schema'

export type Engine = 'sqlite' | 'postgres'

/** What a repository function works with: the engine and a Kysely handle (the store itself, or an open transaction). */
export interface Scope<DB = StoreSchema> {
  readonly engine: Engine
  readonly db: Kysely<DB>
}

export interface Store<DB = StoreSchema> extends Scope<DB> {
  close(): Promise<void>
}

/**
 * Kysely's SqliteDriver begins a transaction with a plain (deferred) BEGIN, which takes the write lock only at the
 * first write and can then fail with SQLITE_BUSY halfway through. This one begins IMMEDIATE, like the synchronous
 * store's `db.transaction(...).immediate()`, so a transaction that starts holds the write lock (waiting up to the
 * connection's busy_timeout for another process's writer). It does not close the database: the Home owns it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  override async destroy(): Promise<void> {
    // the better-sqlite3 Database belongs to the Home
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig

  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * A Kysely store over a home's open better-sqlite3 database. Kysely runs everything on that one connection, one
 * query or transaction at a time. While an async transaction is open (awaiting), synchronous code using the same
 * Db would run inside it: during the move to the async store, a Db is used by one style at a time.
 */
export function openSqliteStore<DB = StoreSchema>(database: Db): Store<DB> {
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database }) })
  return { engine: 'sqlite', db, close: () => db.destroy() }
}

const INT8_OID = 20

/** bigint (identity ids, count(*)) as a JS number: ids stay far below 2^53; beyond that is refused, never rounded. */
function parseInt8(text: string): number {
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond a safe JavaScript integer`)
  return n
}

const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
}

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  connectionString: string
  /** pool size (default 10) */
  max?: number
}

/** A Kysely store over a new pg pool; close() ends the pool. */
export function openPostgresStore<DB = StoreSchema>(options: PostgresOptions): Store<DB> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, types: pgTypes })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return { engine: 'postgres', db, close: () => db.destroy() }
}

/** The value to write into a Flag column on this engine. */
export function flag(engine: Engine, value: boolean): number | boolean {
  return engine === 'sqlite' ? (value ? 1 : 0) : value
}

/** A Flag column's value as read from either engine. */
export function isSet(value: number | boolean): boolean {
  return value === true || value === 1
}
