import type { Home } from '../store/home'
import type { AppEvent } from '../contract'
import { isoDateOf } from '../core/dates'
import type { Db } from '../store/db'
import { appendActivity, type ActivityInput } from '../store/activity'
import { JobManager } from '../jobs/runner'
import type { Jobs, WorkerEntry } from '../jobs/types'

export interface ServiceContext {
  home: Home
  /** who is acting: shown in the activity record */
  actor: string
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

export function createContext(home: Home, partial: Partial<Omit<ServiceContext, 'home'>> = {}): ServiceContext {
  const emit = partial.emit ?? (() => undefined)
  return {
    home,
    actor: partial.actor ?? 'system',
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

/**
 * Run a change in one IMMEDIATE transaction and append its activity record inside it.
 * `record` receives the change's result so the entry can describe what was written.
 */
export function change<T>(
  ctx: ServiceContext,
  area: string,
  fn: (db: Db, at: string) => T,
  record: (result: T) => Omit<ActivityInput, 'actor' | 'at'>
): T {
  const db = ctx.home.db
  const at = ctx.now().toISOString()
  const result = db
    .transaction(() => {
      const r = fn(db, at)
      appendActivity(db, { ...record(r), actor: ctx.actor, at })
      return r
    })
    .immediate()
  ctx.emit({ type: 'data.changed', area, action: record(result).action })
  return result
}
