/**
 * One transaction per service call, on either engine.
 *
 * - SQLite: BEGIN IMMEDIATE (engine.ts): the write lock is taken when the transaction begins, so it never fails
 *   halfway with SQLITE_BUSY; Kysely runs one transaction at a time on the single connection, so concurrent calls
 *   in this process queue, and another process's writer is waited for up to busy_timeout. Nothing is retried.
 * - PostgreSQL: SERIALIZABLE by default. The server may cancel a transaction that conflicts with a concurrent one
 *   (SQLSTATE 40001, or 40P01 for a deadlock); it is then run again from the start, a bounded number of times, after
 *   a short random pause. `isolation: 'read committed'` is for work whose consistency comes from explicit row locks
 *   (SELECT … FOR UPDATE on a counter or a chain head): the lock queues the writers and none is cancelled.
 *
 * Because a PostgreSQL transaction may run more than once, `fn` must do nothing but database work: events, files
 * and messages go after the commit (the synchronous `transact` already emits its events after the commit).
 */
import type { Transaction } from 'kysely'
import { openTransactions, type Scope, type Store } from './engine'
import { isRetryableConflict } from './errors'

export type Isolation = 'serializable' | 'read committed'

export interface TransactionOptions {
  /** PostgreSQL's isolation level (default serializable); SQLite is always serial */
  isolation?: Isolation
  /** how many times a cancelled PostgreSQL transaction is tried in all (default 10) */
  maxAttempts?: number
  /** told before each retry (tests count them; the server may log them) */
  onRetry?: (attempt: number, err: unknown) => void
}

export const DEFAULT_MAX_ATTEMPTS = 10

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Full jitter: a pause of up to 10 ms, 20 ms, 40 ms … at most 500 ms, so a herd on one row spreads out. */
function backoff(attempt: number): number {
  return Math.random() * Math.min(500, 5 * 2 ** attempt)
}

export async function withTransaction<DB, T>(
  store: Store<DB>,
  fn: (tx: Scope<DB>) => Promise<T>,
  options: TransactionOptions = {}
): Promise<T> {
  const run = (trx: Transaction<DB>) => {
    const open = new Set(openTransactions.getStore() ?? [])
    open.add(store.token)
    return openTransactions.run(open, () => fn({ engine: store.engine, db: trx }))
  }
  if (store.engine === 'sqlite') return store.db.transaction().execute(run)
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const isolation = options.isolation ?? 'serializable'
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().setIsolationLevel(isolation).execute(run)
    } catch (err) {
      if (!isRetryableConflict(err) || attempt >= maxAttempts) throw err
      options.onRetry?.(attempt, err)
      await sleep(backoff(attempt))
    }
  }
}
