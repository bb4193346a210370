/**
 * The wire between the Electron main process and the backend process (an Electron utilityProcess in the app;
 * a worker thread in the tests). Pure: no Electron, no Node I/O. Both sides speak it over an Endpoint, which
 * the app makes from `utilityProcess` / `process.parentPort` and the tests from `node:worker_threads`.
 *
 *   main → backend   init (home, actor, version) once, then call / writeFile requests, then shutdown
 *   backend → main   ready | fatal (after init), result (one per request id), event (data.changed, job.*),
 *                    closed (after shutdown, the database is closed)
 *
 * Every request gets exactly one `result` with a Result value: errors are values here as at every door.
 * Messages are checked on arrival (`parseToMain`, `parseToBackend`); a message that does not fit is dropped.
 */
import { z } from 'zod'
import type { AppError, Result } from '../core/errors'

export const BackendInitSchema = z.object({
  /** the data home (CASEBINDER_HOME or Electron's userData/data): opened, migrated and seeded by the backend */
  home: z.string().min(1),
  /** who is acting: the activity record names them */
  actor: z.string().min(1),
  version: z.string()
})
export type BackendInit = z.output<typeof BackendInitSchema>

const RequestId = z.number().int().nonnegative()

export const ToBackendSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('init'), init: BackendInitSchema }),
  /** a contract channel; the backend's `invoke` validates the input */
  z.object({ kind: z.literal('call'), id: RequestId, channel: z.string(), input: z.unknown() }),
  /** an atomic write of a file the user chose in a native dialog (save as, open in Word/WPS) */
  z.object({
    kind: z.literal('writeFile'),
    id: RequestId,
    path: z.string().min(1),
    data: z.custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array)
  }),
  z.object({ kind: z.literal('shutdown') })
])
export type ToBackend = z.output<typeof ToBackendSchema>
export type BackendRequest = Extract<ToBackend, { id: number }>

export const ToMainSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready'), home: z.string() }),
  z.object({ kind: z.literal('fatal'), message: z.string() }),
  z.object({ kind: z.literal('result'), id: RequestId, result: z.custom<Result<unknown>>(isResult) }),
  /** an AppEvent; the main process checks it against the contract's EventSchema before relaying it */
  z.object({ kind: z.literal('event'), event: z.unknown() }),
  z.object({ kind: z.literal('closed') })
])
export type ToMain = z.output<typeof ToMainSchema>

function isResult(v: unknown): v is Result<unknown> {
  if (typeof v !== 'object' || v === null) return false
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return 'value' in r
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string'
}

export function parseToBackend(message: unknown): ToBackend | null {
  const r = ToBackendSchema.safeParse(message)
  return r.success ? r.data : null
}

export function parseToMain(message: unknown): ToMain | null {
  const r = ToMainSchema.safeParse(message)
  return r.success ? r.data : null
}

/** One side of a message port: what both processes need, whatever carries the messages. */
export interface Endpoint {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
}

/** The backend process as the main side sees it. */
export interface BackendProcess extends Endpoint {
  /** the process (or thread) ended; code null when it was killed by a signal */
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

/** The error every pending call gets when the backend is gone; the change may or may not have been committed. */
export function backendGone(channel: string, why: 'exited' | 'failed' | 'stopping', detail?: string): AppError {
  const message =
    why === 'exited'
      ? '后台服务意外退出，本次操作可能没有完成。请稍后重试，并核对结果。'
      : why === 'stopping'
        ? '程序正在退出，本次操作没有执行。'
        : `后台服务无法启动${detail ? `：${detail}` : ''}。请查看日志，或重新启动程序。`
  return { code: 'INTERNAL', message, details: { backend: why, channel, ...(detail ? { detail } : {}) } }
}
