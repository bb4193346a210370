/**
 * The browser harness (the desk's HTTP door): the built renderer and the contract over HTTP on 127.0.0.1 only
 * (door.ts does the serving). Access needs the random token printed at start (?token=… once; then an HttpOnly
 * SameSite=Strict cookie). The token only opens the page: every call then needs a signed-in user (a session
 * cookie, services/sessions.ts). The Host header must name our loopback address (DNS-rebinding guard) and a
 * cross-origin POST is refused.
 */
import { randomBytes } from 'node:crypto'
import type { AppEvent } from '../contract'
import type { InvokeLogger, ServiceContext } from '../services'
import { startDoor } from './door'

export interface HarnessOptions {
  /** build the service context once the emit function exists */
  context: (emit: (e: AppEvent) => void) => ServiceContext
  staticDir: string
  port?: number
  token?: string
  logger?: InvokeLogger
}

export interface Harness {
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const door = await startDoor({
    context: options.context,
    staticDir: options.staticDir,
    host: '127.0.0.1',
    port: options.port ?? 0,
    token,
    allowedHosts: (port) => [`127.0.0.1:${port}`, `localhost:${port}`],
    // events (job progress, data changes) only to a signed-in page, as on the bureau server
    eventsNeedSession: true,
    logger: options.logger
  })
  return { url: `${door.origin}/?token=${token}`, origin: door.origin, token, close: door.close }
}
