/**
 * The jobs side of a worker thread: reads the request, relays cancellation from the parent, and reports
 * progress, the result or a typed error back. What the job does is the registered body's business; the thread
 * entry that registers it lives with the bodies (services/job-worker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppErrorException } from '../core/errors'
import type { Progress } from './types'

export type ThreadBody<R> = (request: R, progress: Progress, signal: AbortSignal) => Promise<unknown>

export function serveJobInThread<R>(body: ThreadBody<R>): void {
  const port = parentPort
  if (!port) throw new Error('serveJobInThread: not in a worker thread')
  const abort = new AbortController()
  port.on('message', (m: { type: string }) => {
    if (m.type === 'cancel') abort.abort()
  })
  const progress: Progress = (stage, done, total, item) => port.postMessage({ type: 'progress', stage, done, total, item })
  body(workerData as R, progress, abort.signal).then(
    (result) => port.postMessage({ type: 'result', result }),
    (err: unknown) => {
      const error =
        err instanceof AppErrorException
          ? err.appError
          : { code: 'INTERNAL', message: `任务失败：${(err as Error).message ?? String(err)}` }
      port.postMessage({ type: 'error', error })
    }
  )
}
