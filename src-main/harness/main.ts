/**
 * `npm run serve -- [--home DIR] [--port N]`: the real UI in any browser, against the same services.
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { userInfo } from 'node:os'
import { createContext } from '../services'
import { defaultHome, openHome } from '../services'
import { startHarness } from './server'
import { rendererDir } from './renderer-dir'
import { APP_VERSION } from '../version'

async function main() {
  const { values } = parseArgs({
    options: { home: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false
  })
  const port = values.port ? Number(values.port) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`casebinder serve: --port must be 0–65535, got ${values.port}`)
    process.exit(2)
  }
  // who opened the home: named only by the home's own entries (migrations, seeding); every call is a signed-in user's
  const actor = `system (${userInfo().username})`
  const home = await openHome(values.home ? resolve(values.home) : defaultHome(), { actor })
  const harness = await startHarness({
    staticDir: rendererDir(),
    port,
    context: (emit) => createContext(home, { actor, emit, version: APP_VERSION }),
    logger: { error: (m, e) => console.error(m, e) }
  })
  console.log(`CaseBinder ${APP_VERSION}  data home: ${home.paths.root}`)
  console.log(`Open in your browser: ${harness.url}`)
  const stop = () => {
    void harness.close().then(() => {
      home.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
