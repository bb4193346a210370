/**
 * What the rest of the app knows about long jobs: their state, the shape of a job body, and the job manager's
 * interface. The jobs layer runs bodies; it does not know what they do, so it imports nothing from services.
 */
import type { AppError } from '../core/errors'

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
  /** the user who started it (null: a trusted in-process caller); only they see and cancel it */
  ownerId: number | null
}

export type Progress = (stage: string, done: number, total: number, item?: string) => void

export type JobBody = (progress: Progress, signal: AbortSignal) => Promise<unknown>

/**
 * The worker-thread entry that runs job bodies, registered by whoever owns the bodies (the services): the built
 * entries to try in order, and the source entry used when running from TypeScript (tests, `npm run serve`).
 */
export interface WorkerEntry {
  built: readonly URL[]
  dev: URL
}

export interface Jobs {
  /** Run a body in this thread. */
  start(kind: string, body: JobBody, ownerId?: number | null): JobState
  /** Run a job in a worker thread: `workerData` is handed to the registered worker entry. */
  startInWorker(kind: string, workerData: unknown, ownerId?: number | null): JobState
  get(id: string): JobState | null
  cancel(id: string): boolean
  /** Wait for a job to end (CLI, tests). */
  wait(id: string): Promise<JobState>
}
