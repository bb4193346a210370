/**
 * Long-running work (dossier export, archiving): each job reports progress as job.progress events and ends
 * with one job.done event carrying its result or a typed error; it can be cancelled. Jobs run
 * asynchronously next to the services; the CPU-heavy rendering happens in the Chromium child process.
 */
import { randomUUID } from 'node:crypto'
import { AppErrorException, type AppError } from '../core/errors'
import type { AppEvent } from '../contract'

export interface JobState {
  id: string
  kind: string
  status: 'running' | 'done' | 'failed' | 'cancelled'
  stage: string
  done: number
  total: number
  item?: string | undefined
  result?: unknown
  error?: AppError | undefined
  startedAt: string
  endedAt?: string | undefined
}

export type JobBody = (progress: (stage: string, done: number, total: number, item?: string) => void, signal: AbortSignal) => Promise<unknown>

export class JobManager {
  private readonly jobs = new Map<string, { state: JobState; abort: AbortController; promise: Promise<void> }>()

  constructor(private readonly emit: (e: AppEvent) => void) {}

  start(kind: string, body: JobBody): JobState {
    const id = randomUUID()
    const abort = new AbortController()
    const state: JobState = { id, kind, status: 'running', stage: 'start', done: 0, total: 0, startedAt: new Date().toISOString() }
    const progress = (stage: string, done: number, total: number, item?: string) => {
      Object.assign(state, { stage, done, total, item })
      this.emit({ type: 'job.progress', jobId: id, stage, done, total, ...(item ? { item } : {}) })
    }
    const promise = body(progress, abort.signal).then(
      (result) => {
        Object.assign(state, { status: 'done', result, endedAt: new Date().toISOString() })
        this.emit({ type: 'job.done', jobId: id, status: 'done' })
      },
      (err: unknown) => {
        const error: AppError =
          err instanceof AppErrorException ? err.appError : { code: 'INTERNAL', message: `任务失败：${(err as Error).message ?? String(err)}` }
        const status = abort.signal.aborted || error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed'
        Object.assign(state, { status, error, endedAt: new Date().toISOString() })
        this.emit({ type: 'job.done', jobId: id, status })
      }
    )
    this.jobs.set(id, { state, abort, promise })
    return { ...state }
  }

  get(id: string): JobState | null {
    const j = this.jobs.get(id)
    return j ? { ...j.state } : null
  }

  cancel(id: string): boolean {
    const j = this.jobs.get(id)
    if (!j || j.state.status !== 'running') return false
    j.abort.abort()
    return true
  }

  /** Wait for a job to end (CLI, tests). */
  async wait(id: string): Promise<JobState> {
    const j = this.jobs.get(id)
    if (!j) throw new Error(`no job ${id}`)
    await j.promise
    return { ...j.state }
  }
}
