/**
 * Long-running work (dossier export, archiving): each job reports progress as job.progress events and ends
 * with one job.done event carrying its result or a typed error; it can be cancelled. Jobs run
 * asynchronously next to the services; the CPU-heavy rendering happens in the Chromium child process.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppErrorException, type AppError } from '../core/errors'
import type { AppEvent } from '../contract'
import type { JobBody, JobState, Jobs, WorkerEntry } from './types'

export type { JobBody, JobState, Jobs, WorkerEntry } from './types'

export class JobManager implements Jobs {
  private readonly jobs = new Map<string, { state: JobState; abort: AbortController; promise: Promise<void> }>()

  constructor(
    private readonly emit: (e: AppEvent) => void,
    /** the worker-thread entry registered by the owner of the job bodies; without it, jobs run in this thread only */
    private readonly worker?: WorkerEntry
  ) {}

  start(kind: string, body: JobBody, ownerId: number | null = null): JobState {
    const id = randomUUID()
    const abort = new AbortController()
    const state: JobState = {
      id,
      kind,
      status: 'running',
      stage: 'start',
      done: 0,
      total: 0,
      startedAt: new Date().toISOString(),
      ownerId
    }
    const userId = ownerId
    const progress = (stage: string, done: number, total: number, item?: string) => {
      Object.assign(state, { stage, done, total, item })
      this.emit({ type: 'job.progress', jobId: id, userId, stage, done, total, ...(item ? { item } : {}) })
    }
    const promise = body(progress, abort.signal).then(
      (result) => {
        Object.assign(state, { status: 'done', result, endedAt: new Date().toISOString() })
        this.emit({ type: 'job.done', jobId: id, userId, status: 'done' })
        // a worker's own connection changed data the windows show (archiving locks the dossier, moves the case)
        this.emit({ type: 'data.changed', area: kind.split('.')[0] ?? kind, action: kind })
      },
      (err: unknown) => {
        const error: AppError =
          err instanceof AppErrorException
            ? err.appError
            : { code: 'INTERNAL', message: `任务失败：${(err as Error).message ?? String(err)}` }
        const status = abort.signal.aborted || error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed'
        Object.assign(state, { status, error, endedAt: new Date().toISOString() })
        this.emit({ type: 'job.done', jobId: id, userId, status })
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

  /**
   * Run a job body in a worker thread (its own database connection), relaying progress, cancellation and the
   * result. The first built entry that exists is used; from source, the dev entry loads the TypeScript one.
   */
  startInWorker(kind: string, workerData: unknown, ownerId: number | null = null): JobState {
    const entry = this.worker
    if (!entry) throw new Error('no worker entry registered for jobs')
    return this.start(
      kind,
      (progress, signal) =>
        new Promise((resolve, reject) => {
          const built = entry.built.find((u) => existsSync(fileURLToPath(u)))
          const worker = new Worker(built ?? entry.dev, { workerData })
          const onAbort = () => worker.postMessage({ type: 'cancel' })
          signal.addEventListener('abort', onAbort)
          let settled = false
          worker.on(
            'message',
            (m: { type: string; stage: string; done: number; total: number; item?: string; result?: unknown; error?: AppError }) => {
              if (m.type === 'progress') progress(m.stage, m.done, m.total, m.item)
              else if (m.type === 'result') {
                settled = true
                resolve(m.result)
              } else if (m.type === 'error') {
                settled = true
                reject(new AppErrorException(m.error!))
              }
            }
          )
          worker.on('error', (err) => {
            settled = true
            reject(err)
          })
          worker.on('exit', (code) => {
            signal.removeEventListener('abort', onAbort)
            if (!settled) reject(new Error(`worker exited with code ${code}`))
          })
        }),
      ownerId
    )
  }

  /** Wait for a job to end (CLI, tests). */
  async wait(id: string): Promise<JobState> {
    const j = this.jobs.get(id)
    if (!j) throw new Error(`no job ${id}`)
    await j.promise
    return { ...j.state }
  }
}
