/**
 * The backend process entry (out/main/backend.js): the services and the SQLite home, off the window's thread.
 * In the app, the Electron main process starts it with `utilityProcess.fork` and talks over `process.parentPort`;
 * the tests start the same file in a worker thread and talk over `worker_threads.parentPort`.
 */
import { parentPort as workerPort } from 'node:worker_threads'
import type { Endpoint } from './protocol'
import { serveBackend } from './serve'

/** Electron's `process.parentPort` in a utilityProcess (typed here so this file needs no Electron import) */
interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

function parentEndpoint(): Endpoint | null {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)) }
  }
  if (workerPort) {
    const port = workerPort
    return { send: (m) => port.postMessage(m), onMessage: (l) => port.on('message', l) }
  }
  return null
}

const endpoint = parentEndpoint()
if (!endpoint) {
  console.error('casebinder backend: no parent port (start it with utilityProcess.fork or in a worker thread)')
  process.exit(2)
}
serveBackend(endpoint, {
  logger: { error: (m, e) => console.error(m, e) },
  // leave once the 'closed' message is on its way
  onClosed: () => setImmediate(() => process.exit(0))
})
