/**
 * The two engines behind the async store: the desk's embedded SQLite (better-sqlite3) and the bureau server's
 * PostgreSQL (pg). Both are reached through Kysely, so a repository is written once; what differs between the
 * engines (boolean columns, row locks, full-text search) is decided inside the repository from `scope.engine`.
 *
 * A `Store` owns what it opened: the PostgreSQL store ends its pool on close(); the SQLite store wraps the home's
 * open database and leaves it to the Home to close (Kysely's own SQLite driver would close it).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type PostgresDialectConfig,
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
  /** identifies the store for the open-transaction guard (withTransaction) */
  readonly token: StoreToken
  close(): Promise<void>
}

/** One per store: what the open-transaction guard compares. */
export class StoreToken {
  constructor(readonly engine: Engine) {}
}

/**
 * The stores whose transaction the running code is inside (set by withTransaction). A query on the store itself
 * (not on the transaction's scope) from inside its own transaction is a mistake: on SQLite it would wait for the one
 * connection the transaction holds, for ever; on PostgreSQL it would run outside the transaction. Both are refused.
 */
export const openTransactions = new AsyncLocalStorage<ReadonlySet<StoreToken>>()

export class StoreMisuseError extends Error {}

function guard(token: StoreToken): void {
  if (openTransactions.getStore()?.has(token)) {
    throw new StoreMisuseError('a query on the store from inside its own open transaction: use the transaction scope (tx.db)')
  }
}

/**
 * Kysely's SqliteDriver begins a transaction with a plain (deferred) BEGIN, which takes the write lock only at the
 * first write and can then fail with SQLITE_BUSY halfway through. This one begins IMMEDIATE, like the synchronous
 * store's `db.transaction(...).immediate()`, so a transaction that starts holds the write lock (waiting up to the
 * connection's busy_timeout for another process's writer). It does not close the database: the Home owns it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  /** transactions begun inside a transaction the database already had open (a test's probe): savepoints */
  readonly #nested = new WeakSet<DatabaseConnection>()

  constructor(
    config: SqliteDialectConfig,
    readonly database: Db,
    readonly token: StoreToken
  ) {
    super(config)
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    guard(this.token)
    return super.acquireConnection()
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.database.inTransaction) {
      this.#nested.add(connection)
      await connection.executeQuery(CompiledQuery.raw('savepoint casebinder_tx'))
    } else await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#nested.delete(connection)) await connection.executeQuery(CompiledQuery.raw('release casebinder_tx'))
    else await super.commitTransaction(connection)
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#nested.delete(connection)) {
      await connection.executeQuery(CompiledQuery.raw('rollback to casebinder_tx'))
      await connection.executeQuery(CompiledQuery.raw('release casebinder_tx'))
    } else await super.rollbackTransaction(connection)
  }

  override async destroy(): Promise<void> {
    // the better-sqlite3 Database belongs to the Home
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    readonly config: SqliteDialectConfig & { database: Db },
    readonly token: StoreToken
  ) {
    super(config)
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.config, this.config.database, this.token)
  }
}

class GuardedPostgresDriver extends PostgresDriver {
  constructor(
    config: PostgresDialectConfig,
    readonly token: StoreToken
  ) {
    super(config)
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    guard(this.token)
    return super.acquireConnection()
  }
}

class GuardedPostgresDialect extends PostgresDialect {
  constructor(
    readonly config: PostgresDialectConfig,
    readonly token: StoreToken
  ) {
    super(config)
  }

  override createDriver(): PostgresDriver {
    return new GuardedPostgresDriver(this.config, this.token)
  }
}

/**
 * One process, one connection per desk home: better-sqlite3 waits for a busy database synchronously (busy_timeout),
 * so a second connection of the same process that waits for a write lock held by the first, across an await, stops
 * the event loop the first needs to finish — until the timeout ("database is locked"). The doors open one home each;
 * the job workers are threads of their own.
 *
 * A Kysely store over a home's open better-sqlite3 database. Kysely runs everything on that one connection, one
 * query or transaction at a time. While an async transaction is open (awaiting), synchronous code using the same
 * Db would run inside it: during the move to the async store, a Db is used by one style at a time.
 */
export function openSqliteStore<DB = StoreSchema>(database: Db): Store<DB> {
  const token = new StoreToken('sqlite')
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database }, token) })
  return { engine: 'sqlite', db, token, close: () => db.destroy() }
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
  /** how long a call waits for a connection (default 10 s) */
  connectTimeoutMs?: number
  /** told when an idle connection fails (the server logs it) */
  onIdleError?: (err: Error) => void
}

/** A Kysely store over a new pg pool; close() ends the pool. */
export function openPostgresStore<DB = StoreSchema>(options: PostgresOptions): Store<DB> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: pgTypes,
    // a call waits at most this long for a connection (the server stopped, or every connection busy): it then fails
    // as "unavailable" instead of hanging
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000
  })
  // an idle connection the server ended (PostgreSQL restarted, the network dropped) is dropped from the pool, not
  // thrown: the pool opens a new one for the next call
  pool.on('error', (err) => options.onIdleError?.(err))
  const token = new StoreToken('postgres')
  const db = new Kysely<DB>({ dialect: new GuardedPostgresDialect({ pool }, token) })
  return { engine: 'postgres', db, token, close: () => db.destroy() }
}

/** The value to write into a Flag column on this engine. */
export function flag(engine: Engine, value: boolean): number | boolean {
  return engine === 'sqlite' ? (value ? 1 : 0) : value
}

/** A Flag column's value as read from either engine. */
export function isSet(value: number | boolean): boolean {
  return value === true || value === 1
}
