/**
 * Worker-thread entry for long jobs (built as out/main/worker.js): opens its own connection to the data home
 * (WAL allows it) and runs the job body with the same services; the jobs layer relays progress, cancellation
 * and the result to the parent thread.
 */
import { serveJobInThread } from '../jobs/worker-thread'
import { openStoreHome } from '../store/server-home'
import { createContext } from './context'
import { runJobBody, type JobRequest } from './job-bodies'

serveJobInThread<JobRequest>(async (req, progress, signal) => {
  const home = await openStoreHome({ root: req.home, database: req.database }, { actor: req.actor })
  try {
    // already authorized by the door's `invoke`: the worker's context is trusted, and carries the principal for the record
    const ctx = createContext(home, {
      actor: req.actor,
      principal: req.principal ?? null,
      version: req.version,
      now: () => new Date(req.now ?? Date.now())
    })
    return await runJobBody(ctx, req, progress, signal)
  } finally {
    await home.close()
  }
})
