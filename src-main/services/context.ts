import type { StoreHome } from '../store/home'
import type { AppEvent } from '../contract'
import { isoDateOf } from '../core/dates'
import type { Scope } from '../store/engine/engine'
import { withTransaction } from '../store/engine/transaction'
import { appendActivity, lockChainHead, type ActivityInput } from '../store/activity'
import { JobManager } from '../jobs/runner'
import type { Jobs, WorkerEntry } from '../jobs/types'
import type { Principal } from '../core/roles'

export interface ServiceContext {
  home: StoreHome
  /**
   * who is acting, by name: written where a row names a person (registered by, decided by, compiler) and, for a
   * trusted in-process caller without a principal, as the activity record's actor. With a principal, `invoke` hands
   * the handler a context whose actor is the principal's name.
   */
  actor: string
  /** the signed-in user, set by the door after `auth.signIn`; the activity record then names their login and id */
  principal: Principal | null
  /**
   * true at every real door (Electron, harness, CLI): `invoke` then refuses unsigned callers. False only for trusted
   * in-process contexts (tests, the job worker, which runs what `invoke` already allowed).
   */
  requireAuth: boolean
  /** the clock; tests pass a fixed one */
  now: () => Date
  /** push an event to whichever front door is listening */
  emit: (event: AppEvent) => void
  version: string
  /** long-running work (exports) started from this door */
  jobs: Jobs
}

/**
 * The worker-thread entry that runs the job bodies (services/job-worker.ts). Built, it is out/main/worker.js next
 * to the entry (or one level up from a shared chunk); from source, the .mjs loads the TypeScript through tsx.
 */
const JOB_WORKER: WorkerEntry = {
  built: [new URL('./worker.js', import.meta.url), new URL('../worker.js', import.meta.url)],
  dev: new URL('./job-worker.dev.mjs', import.meta.url)
}

export function createContext(home: StoreHome, partial: Partial<Omit<ServiceContext, 'home'>> = {}): ServiceContext {
  const emit = partial.emit ?? (() => undefined)
  return {
    home,
    actor: partial.actor ?? 'system',
    principal: partial.principal ?? null,
    requireAuth: partial.requireAuth ?? false,
    now: partial.now ?? (() => new Date()),
    emit,
    version: partial.version ?? '0.0.0',
    jobs: partial.jobs ?? new JobManager((e) => emit(e), JOB_WORKER)
  }
}

/** Today's date at the agency (China Standard Time). */
export function today(ctx: ServiceContext): string {
  return isoDateOf(ctx.now())
}

/** What an activity entry says; the actor and the time come from the transaction. */
export type ActivityEntry = Omit<ActivityInput, 'actor' | 'at'>

/**
 * An open write transaction, handed to in-transaction operations (services/ops). An operation does its work
 * with `db` and `at`, and calls `record` for its own activity entry: the entry is appended at once, inside the
 * transaction, and its `data.changed` event is sent only after the commit.
 */
export interface Tx {
  readonly db: Scope
  /** the transaction's time, for rows and activity entries */
  readonly at: string
  readonly ctx: ServiceContext
  record(area: string, entry: ActivityEntry): Promise<void>
}

/**
 * Run work in one write transaction. Every activity entry recorded through the Tx is appended inside it;
 * the `data.changed` events are emitted after the commit, in order (none when the transaction rolls back).
 * Operations take the Tx; they never open a transaction of their own.
 *
 * Writers are serialised on both engines: SQLite's BEGIN IMMEDIATE takes the database's write lock; on PostgreSQL
 * the transaction (READ COMMITTED) first locks the activity record's head row, so each writer reads what the one
 * before it committed, the record's chain never forks and a counter row is never read twice. `fn` may run again
 * after a lost connection's conflict is retried: it does database work only (events are sent after the commit).
 */
export async function transact<T>(ctx: ServiceContext, fn: (tx: Tx) => T | Promise<T>): Promise<T> {
  const at = ctx.now().toISOString()
  let changed: { area: string; action: string }[] = []
  const result = await withTransaction(
    ctx.home.store,
    async (db) => {
      changed = []
      await lockChainHead(db)
      const tx: Tx = {
        db,
        at,
        ctx,
        async record(area, entry) {
          const p = ctx.principal
          await appendActivity(db, {
            ...entry,
            actor: p ? p.login : ctx.actor,
            user: p ? { userId: p.userId, name: p.name, officerId: p.officerId } : null,
            at
          })
          changed.push({ area, action: entry.action })
        }
      }
      return fn(tx)
    },
    { isolation: 'read committed' }
  )
  for (const c of changed) ctx.emit({ type: 'data.changed', ...c })
  return result
}

/**
 * Run a change in one write transaction and append its activity record inside it.
 * `record` receives the change's result so the entry can describe what was written. Operations that `fn`
 * runs through the Tx append their own entries first (in the order they ran).
 */
export async function change<T>(
  ctx: ServiceContext,
  area: string,
  fn: (db: Scope, at: string, tx: Tx) => T | Promise<T>,
  record: (result: T) => ActivityEntry
): Promise<T> {
  return transact(ctx, async (tx) => {
    const result = await fn(tx.db, tx.at, tx)
    await tx.record(area, record(result))
    return result
  })
}
