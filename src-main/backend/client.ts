/**
 * The main process's handle on the backend process: starts it, sends it requests, matches the results to the
 * callers by request id, relays its events, and owns what happens when it goes away.
 *
 *  - Requests made while the backend starts wait for its `ready`, then go out in order.
 *  - A crash answers every request in flight with an INTERNAL error saying the backend exited (the change may or
 *    may not have been committed), ends the jobs it was running (job.done: failed), and starts a new backend on
 *    the same home; once it is ready the windows get a data.changed so they reload. More than `maxRestarts`
 *    crashes within `windowMs` and it stops trying: calls get an error and `onFailure` tells the user.
 *  - A `fatal` (the home cannot be opened, the native module does not load) is not retried: it would fail again.
 *  - `shutdown()` lets the requests in flight finish, has the backend close the database, and kills it if it
 *    has not exited after `graceMs`.
 *
 * Pure: it gets the process from `spawn`, so the tests run it over a worker thread and the app over a utilityProcess.
 */
import { EventSchema, type AppEvent } from '../contract'
import type { Result } from '../core/errors'
import { backendGone, parseToMain, type BackendInit, type BackendProcess, type BackendRequest, type ToMain } from './protocol'

export interface BackendClientOptions {
  spawn: () => BackendProcess
  init: BackendInit
  /** an event from the services (already checked against the contract's EventSchema) */
  onEvent: (event: AppEvent) => void
  /** the backend cannot be started (fatal, or too many crashes); the message is for the user */
  onFailure?: (message: string) => void
  /** the backend exited unexpectedly (before any restart) */
  onCrash?: (exitCode: number | null) => void
  maxRestarts?: number
  windowMs?: number
  graceMs?: number
  now?: () => number
}

export type BackendState = 'starting' | 'ready' | 'failed' | 'stopping' | 'stopped'

interface Pending {
  request: BackendRequest
  channel: string
  sent: boolean
  resolve: (r: Result<unknown>) => void
}

export class BackendClient {
  private proc: BackendProcess | null = null
  private generation = 0
  private nextId = 1
  private current: BackendState = 'stopped'
  private failure = ''
  private readonly pending = new Map<number, Pending>()
  private readonly runningJobs = new Set<string>()
  private crashes: number[] = []
  private restarting = false
  private stopped: (() => void) | null = null
  private readonly stoppedPromise: Promise<void>

  constructor(private readonly options: BackendClientOptions) {
    this.stoppedPromise = new Promise((resolve) => (this.stopped = resolve))
    this.start()
  }

  get state(): BackendState {
    return this.current
  }

  /** call a contract channel in the backend (the backend validates the input) */
  call(channel: string, input: unknown): Promise<Result<unknown>> {
    return this.request(channel, (id) => ({ kind: 'call', id, channel, input }))
  }

  /** write a file atomically in the backend (the path was chosen by the user in a native dialog) */
  writeFile(path: string, data: string | Uint8Array): Promise<Result<unknown>> {
    return this.request('writeFile', (id) => ({ kind: 'writeFile', id, path, data }))
  }

  /** let requests in flight finish, close the database, end the backend; resolves when it is gone */
  shutdown(): Promise<void> {
    if (this.current === 'stopped') return Promise.resolve()
    if (this.current !== 'stopping') {
      const proc = this.current === 'failed' ? null : this.proc
      this.current = 'stopping'
      this.settle((p) => !p.sent, 'stopping')
      if (!proc) this.finish()
      else {
        proc.send({ kind: 'shutdown' })
        const timer = setTimeout(() => {
          proc.kill()
          this.finish()
        }, this.options.graceMs ?? 5000)
        void this.stoppedPromise.then(() => clearTimeout(timer))
      }
    }
    return this.stoppedPromise
  }

  private request(channel: string, make: (id: number) => BackendRequest): Promise<Result<unknown>> {
    if (this.current === 'failed') return Promise.resolve({ ok: false, error: backendGone(channel, 'failed', this.failure) })
    if (this.current === 'stopping' || this.current === 'stopped')
      return Promise.resolve({ ok: false, error: backendGone(channel, 'stopping') })
    const id = this.nextId++
    return new Promise((resolve) => {
      const p: Pending = { request: make(id), channel, sent: false, resolve }
      this.pending.set(id, p)
      if (this.current === 'ready') this.transmit(p)
    })
  }

  private transmit(p: Pending): void {
    try {
      this.proc?.send(p.request)
      p.sent = true
    } catch (err) {
      // e.g. a value that cannot be cloned: the caller gets an answer, the backend is fine
      this.pending.delete(p.request.id)
      p.resolve({ ok: false, error: { code: 'INTERNAL', message: `请求无法发送到后台服务：${(err as Error).message}` } })
    }
  }

  private start(): void {
    const gen = ++this.generation
    this.current = 'starting'
    let proc: BackendProcess
    try {
      proc = this.options.spawn()
    } catch (err) {
      this.fail(`无法启动后台服务：${(err as Error).message}`)
      return
    }
    this.proc = proc
    proc.onMessage((raw) => {
      const m = parseToMain(raw)
      if (m && gen === this.generation) this.receive(m)
    })
    proc.onExit((code) => {
      if (gen === this.generation) this.exited(code)
    })
    proc.send({ kind: 'init', init: this.options.init })
  }

  private receive(m: ToMain): void {
    switch (m.kind) {
      case 'ready': {
        if (this.current !== 'starting') return
        this.current = 'ready'
        for (const p of this.pending.values()) if (!p.sent) this.transmit(p)
        if (this.restarting) {
          this.restarting = false
          this.options.onEvent({ type: 'data.changed', area: 'app', action: 'backend.restarted' })
        }
        return
      }
      case 'fatal':
        this.proc?.kill()
        this.fail(m.message)
        return
      case 'result': {
        const p = this.pending.get(m.id)
        if (!p) return
        this.pending.delete(m.id)
        p.resolve(m.result)
        return
      }
      case 'event': {
        const e = EventSchema.safeParse(m.event)
        if (!e.success) return
        if (e.data.type === 'job.progress') this.runningJobs.add(e.data.jobId)
        else if (e.data.type === 'job.done') this.runningJobs.delete(e.data.jobId)
        this.options.onEvent(e.data)
        return
      }
      case 'closed':
        if (this.current === 'stopping') this.finish()
        return
    }
  }

  private exited(code: number | null): void {
    this.proc = null
    if (this.current === 'stopping') return this.finish()
    if (this.current === 'failed' || this.current === 'stopped') return
    this.options.onCrash?.(code)
    this.settle((p) => p.sent, 'exited')
    for (const jobId of this.runningJobs) this.options.onEvent({ type: 'job.done', jobId, status: 'failed' })
    this.runningJobs.clear()
    const now = (this.options.now ?? Date.now)()
    this.crashes = [...this.crashes.filter((t) => now - t < (this.options.windowMs ?? 60_000)), now]
    if (this.crashes.length > (this.options.maxRestarts ?? 3)) {
      this.fail(`后台服务反复意外退出（最后一次退出码 ${code ?? '无'}）`)
      return
    }
    this.restarting = true
    this.start()
  }

  private fail(message: string): void {
    this.current = 'failed'
    this.failure = message
    this.proc = null
    this.settle(() => true, 'failed')
    this.options.onFailure?.(message)
  }

  private finish(): void {
    this.current = 'stopped'
    this.proc = null
    this.settle(() => true, 'stopping')
    this.stopped?.()
  }

  private settle(which: (p: Pending) => boolean, why: 'exited' | 'failed' | 'stopping'): void {
    for (const [id, p] of this.pending) {
      if (!which(p)) continue
      this.pending.delete(id)
      p.resolve({ ok: false, error: backendGone(p.channel, why, why === 'failed' ? this.failure : undefined) })
    }
  }
}
