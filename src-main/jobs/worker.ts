/**
 * Worker-thread entry for long jobs: opens its own connection to the data home (WAL allows it), runs the job
 * with the same services, and reports progress, the result or a typed error to the parent thread.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppErrorException } from '../core/errors'
import { openHome } from '../store/home'
import { createContext } from '../services/context'
import { runJobBody, type JobRequest } from './bodies'

const req = workerData as JobRequest
const abort = new AbortController()
parentPort!.on('message', (m: { type: string }) => {
  if (m.type === 'cancel') abort.abort()
})

async function main() {
  const home = openHome(req.home, { actor: req.actor })
  try {
    const ctx = createContext(home, { actor: req.actor, version: req.version, now: () => new Date(req.now ?? Date.now()) })
    const result = await runJobBody(
      ctx,
      req,
      (stage, done, total, item) => parentPort!.postMessage({ type: 'progress', stage, done, total, item }),
      abort.signal
    )
    parentPort!.postMessage({ type: 'result', result })
  } catch (err) {
    const error =
      err instanceof AppErrorException ? err.appError : { code: 'INTERNAL', message: `任务失败：${(err as Error).message ?? String(err)}` }
    parentPort!.postMessage({ type: 'error', error })
  } finally {
    home.close()
  }
}

void main()
