/**
 * The backend process and its wire, without Electron: the real backend entry (src-main/backend/main.ts) runs in a
 * worker thread standing in for the utilityProcess, against a real SQLite home in a temp folder, and the main
 * side is the real BackendClient, reached through the real IPC binding with a fake ipcMain.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { BackendClient, type BackendClientOptions } from '../../src-main/backend/client'
import { parseToBackend, parseToMain, type BackendProcess } from '../../src-main/backend/protocol'
import { CHANNELS, IPC_PREFIX, type AppEvent } from '../../src-main/contract'
import type { Result } from '../../src-main/core/errors'
import { bindContract, trustedSenderCheck, type IpcEventLike } from '../../src-main/electron/ipc'
import { openHome } from '../../src-main/services'

const backendEntry = new URL('../fixtures/backend-worker.mjs', import.meta.url)
const OFFICER = { name: '王建国', certNo: '36040019001', validUntil: '2028-01-01' }
const ADMIN = { login: 'admin', name: '管理员', password: 'Backend-test-2026' }

type Call = (channel: string, input: unknown) => Promise<Result<unknown>>

/** first run on an empty home: create the admin, then sign the window in (the backend holds the session) */
async function setUp(call: Call): Promise<void> {
  expect(await call('users.bootstrap', ADMIN)).toMatchObject({ ok: true })
  expect(await call('auth.signIn', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: true })
}

let dirs: string[] = []
let clients: BackendClient[] = []
afterEach(async () => {
  await Promise.all(clients.map((c) => c.shutdown()))
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  dirs = []
  clients = []
})

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'casebinder-backend-'))
  dirs.push(d)
  return d
}

interface Spawned {
  worker: Worker
  exit: Promise<number>
}

/** spawn() for the client: each call starts the backend entry in a new worker thread */
function workerSpawner(options: { dropResults?: (generation: number, answered: number) => boolean; script?: string } = {}) {
  const spawned: Spawned[] = []
  const listeners: ((m: unknown) => void)[] = []
  /** deliver a message as if the backend of that generation had sent it */
  const inject = (generation: number, m: unknown) => listeners[generation]?.(m)
  const spawn = (): BackendProcess => {
    const generation = spawned.length
    const worker = options.script ? new Worker(options.script, { eval: true }) : new Worker(backendEntry)
    const exit = new Promise<number>((resolve) => worker.once('exit', resolve))
    spawned.push({ worker, exit })
    let answered = 0
    return {
      send: (m) => worker.postMessage(m),
      onMessage: (listener) => {
        listeners[generation] = listener
        worker.on('message', (m: { kind?: string }) => {
          if (m?.kind === 'result' && options.dropResults?.(generation, answered++)) return
          listener(m)
        })
      },
      onExit: (listener) => worker.on('exit', listener),
      kill: () => void worker.terminate()
    }
  }
  return { spawn, spawned, inject }
}

function client(home: string, spawn: () => BackendProcess, extra: Partial<BackendClientOptions> = {}) {
  const events: AppEvent[] = []
  const failures: string[] = []
  const c = new BackendClient({
    spawn,
    init: { home, actor: 'tester', version: 'test' },
    onEvent: (e) => events.push(e),
    onFailure: (m) => failures.push(m),
    ...extra
  })
  clients.push(c)
  return { c, events, failures }
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('protocol', () => {
  it('drops messages that do not fit', () => {
    expect(parseToBackend({ kind: 'call', id: 1, channel: 'officers.list', input: {} })).toMatchObject({ kind: 'call' })
    expect(parseToBackend({ kind: 'call', id: -1, channel: 'x' })).toBeNull()
    expect(parseToBackend({ kind: 'writeFile', id: 1, path: '/tmp/x', data: 42 })).toBeNull()
    expect(parseToBackend('shutdown')).toBeNull()
    expect(parseToMain({ kind: 'result', id: 3, result: { ok: true, value: null } })).toMatchObject({ kind: 'result' })
    expect(parseToMain({ kind: 'result', id: 3, result: { ok: false } })).toBeNull()
    expect(parseToMain({ kind: 'nonsense' })).toBeNull()
  })
})

// each backend start loads the services through tsx in a fresh thread: seconds on a busy machine
describe('backend process', { timeout: 120_000 }, () => {
  it('serves contract calls through the IPC binding, pushes events, writes files and closes the database', async () => {
    const home = tempDir()
    const { spawn, spawned } = workerSpawner()
    const { c, events } = client(home, spawn)

    const rendererFile = '/opt/CaseBinder/resources/app/out/renderer/index.html'
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>()
    bindContract({ handle: (ch, l) => handlers.set(ch, l) }, (channel, input) => c.call(channel, input), {
      isTrustedSender: trustedSenderCheck(rendererFile)
    })
    expect(handlers.size).toBe(CHANNELS.length)
    const ours: IpcEventLike = { senderFrame: { url: 'file://' + rendererFile } }
    const ipc = (channel: string, input: unknown) => handlers.get(IPC_PREFIX + channel)!(ours, input) as Promise<Result<unknown>>

    // sent while the backend is still starting: waits for ready; nobody is signed in yet
    const unsigned = await ipc('officers.add', OFFICER)
    expect(!unsigned.ok && unsigned.error.code).toBe('AUTH_REQUIRED')
    expect(c.state).toBe('ready')
    expect(await c.writeFile(join(home, 'x.pdf'), new Uint8Array([1]))).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    await setUp(ipc)
    expect(await ipc('officers.add', OFFICER)).toMatchObject({ ok: true, value: { id: 1, name: '王建国' } })
    const listed = await ipc('officers.list', {})
    expect(listed.ok && listed.value).toHaveLength(1)
    expect(events).toContainEqual(expect.objectContaining({ type: 'data.changed', area: 'officers' }))
    const invalid = await ipc('officers.add', { name: 'x' })
    expect(!invalid.ok && invalid.error.code).toBe('VALIDATION_FAILED')
    const unknown = await c.call('officers.fly', {})
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CHANNEL')
    // the sender is still checked in the main process, before anything crosses to the backend
    const refused = (await handlers.get(IPC_PREFIX + 'agency.get')!(
      { senderFrame: { url: 'https://evil.example/' } },
      {}
    )) as Result<unknown>
    expect(!refused.ok && refused.error.code).toBe('UNAUTHORIZED')

    const target = join(home, 'exports', '导出.pdf')
    expect(await c.writeFile(target, new Uint8Array([37, 80, 68, 70]))).toEqual({ ok: true, value: target })
    expect(readFileSync(target, 'latin1')).toBe('%PDF')

    // a call in flight when shutdown starts still gets its answer; one made after is refused
    const inFlight = c.call('officers.list', {})
    const stopping = c.shutdown()
    const late = await c.call('officers.list', {})
    expect(!late.ok && late.error.details?.['backend']).toBe('stopping')
    expect((await inFlight).ok).toBe(true)
    await stopping
    expect(c.state).toBe('stopped')
    expect(await spawned[0]!.exit).toBe(0)
    // the database was closed cleanly (SQLite removes the WAL file on the last close), and the data is there
    expect(existsSync(join(home, 'casebinder.sqlite'))).toBe(true)
    expect(existsSync(join(home, 'casebinder.sqlite-wal'))).toBe(false)
    const reopened = await openHome(home, { actor: 'tester' })
    try {
      expect(reopened.db.prepare('SELECT name FROM officers').all()).toEqual([{ name: '王建国' }])
    } finally {
      reopened.close()
    }
  })

  it('answers the calls in flight when the backend crashes, ends its jobs, and restarts it on the same home', async () => {
    const home = tempDir()
    // the first backend answers the sign-in and then never again, so a call is certainly in flight when it dies
    const { spawn, spawned, inject } = workerSpawner({ dropResults: (generation, answered) => generation === 0 && answered >= 2 })
    const crashes: (number | null)[] = []
    const { c, events } = client(home, spawn, { onCrash: (code) => crashes.push(code) })
    await setUp((ch, i) => c.call(ch, i))

    const pending = c.call('officers.add', OFFICER)
    await until(() => events.some((e) => e.type === 'data.changed' && e.area === 'officers'), 'the officer to be committed')
    // a job the backend is running, as the windows saw it
    inject(0, { kind: 'event', event: { type: 'job.progress', jobId: 'j-1', stage: 'render', done: 1, total: 3 } })
    await spawned[0]!.worker.terminate()

    const r = await pending
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatchObject({ code: 'INTERNAL', details: { backend: 'exited', channel: 'officers.add' } })
    expect(!r.ok && r.error.message).toContain('后台服务意外退出')
    expect(crashes).toHaveLength(1)
    expect(events).toContainEqual({ type: 'job.done', jobId: 'j-1', status: 'failed' })

    // a new backend on the same home: the windows are told to reload and sign in again (the session ended with
    // the process), and the committed change is there
    const again = await c.call('officers.list', {})
    expect(!again.ok && again.error.code).toBe('AUTH_REQUIRED')
    expect(spawned).toHaveLength(2)
    expect(await c.call('auth.signIn', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ ok: true })
    const listed = await c.call('officers.list', {})
    expect(listed.ok && listed.value).toHaveLength(1)
    expect(events).toContainEqual({ type: 'data.changed', area: 'app', action: 'backend.restarted' })
  })

  it('stops restarting a backend that keeps crashing, and says so', async () => {
    const { spawn, spawned } = workerSpawner({ script: 'process.exit(3)' })
    const { c, failures } = client(tempDir(), spawn, { maxRestarts: 2 })
    const r = await c.call('officers.list', {})
    expect(!r.ok && r.error.details?.['backend']).toBe('failed')
    expect(spawned).toHaveLength(3)
    expect(c.state).toBe('failed')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('退出码 3')
  })

  it('reports a home that cannot be opened once, without retrying', async () => {
    const blocker = join(tempDir(), 'not-a-folder')
    writeFileSync(blocker, 'x')
    const { spawn, spawned } = workerSpawner()
    const { c, failures } = client(join(blocker, 'home'), spawn)
    const r = await c.call('officers.list', {})
    expect(!r.ok && r.error).toMatchObject({ code: 'INTERNAL', details: { backend: 'failed' } })
    expect(!r.ok && r.error.message).toContain('无法打开数据目录')
    expect(failures).toHaveLength(1)
    await spawned[0]!.exit
    expect(spawned).toHaveLength(1)
    expect(c.state).toBe('failed')
  })
})
