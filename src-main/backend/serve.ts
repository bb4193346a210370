/**
 * The backend side of the wire: on `init` it opens the data home and creates the service context, then answers
 * every request through the registry's `invoke` and pushes the context's events. The backend serves one window,
 * so it holds that window's sign-in session (services/sessions.ts): every call needs a signed-in user. On `shutdown` it closes the
 * database and says `closed`. Runs wherever an Endpoint can be had (utilityProcess, worker thread).
 */
import type { AppEvent } from '../contract'
import type { Result } from '../core/errors'
import {
  createContext,
  invoke,
  openHome,
  SessionTable,
  sessionCall,
  writeFileAtomic,
  type Home,
  type InvokeLogger,
  type ServiceContext
} from '../services'
import { parseToBackend, type BackendInit, type BackendRequest, type Endpoint, type ToMain } from './protocol'

export interface ServeOptions {
  logger?: InvokeLogger
  /** called once the database is closed after `shutdown` (the entry ends the process there) */
  onClosed?: () => void
}

export function serveBackend(port: Endpoint, options: ServeOptions = {}): void {
  let home: Home | null = null
  let ctx: ServiceContext | null = null
  let closed = false
  const sessions = new SessionTable()
  let sessionId: string | null = null
  const send = (m: ToMain) => port.send(m)

  const open = async (init: BackendInit) => {
    if (home || closed) return
    try {
      home = await openHome(init.home, { actor: init.actor })
      ctx = createContext(home, { actor: init.actor, version: init.version, emit: (event: AppEvent) => send({ kind: 'event', event }) })
      send({ kind: 'ready', home: home.paths.root })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      const hint = /NODE_MODULE_VERSION|better_sqlite3|better-sqlite3/.test(message)
        ? '（数据库组件与 Electron 版本不匹配，请运行 node scripts/ensure-native.mjs electron）'
        : ''
      options.logger?.error(`backend: cannot open the data home ${init.home}`, err)
      send({ kind: 'fatal', message: `无法打开数据目录 ${init.home}：${message}${hint}` })
    }
  }

  const answer = async (req: BackendRequest): Promise<Result<unknown>> => {
    if (!ctx) return { ok: false, error: { code: 'INTERNAL', message: '后台服务尚未就绪。', details: { backend: 'not-ready' } } }
    if (req.kind === 'call') {
      const outcome = await sessionCall(ctx, sessions, sessionId, req.channel, req.input, (c, ch, i) => invoke(c, ch, i, options.logger))
      if (outcome.opened) sessionId = outcome.opened
      else if (outcome.closed) sessionId = null
      return outcome.result
    }
    if (sessionId === null) return { ok: false, error: { code: 'AUTH_REQUIRED', message: '请先登录' } }
    try {
      writeFileAtomic(req.path, req.data)
      return { ok: true, value: req.path }
    } catch (err) {
      return {
        ok: false,
        error: { code: 'EXPORT_FAILED', message: `文件写入失败：${(err as Error).message}`, details: { path: req.path } }
      }
    }
  }

  const inFlight = new Set<Promise<void>>()
  const reply = (id: number, result: Result<unknown>) => {
    try {
      send({ kind: 'result', id, result })
    } catch (err) {
      // a value that cannot cross the port (structured clone) is a bug; the caller still gets an answer
      options.logger?.error('backend: result could not be sent', err)
      send({ kind: 'result', id, result: { ok: false, error: { code: 'INTERNAL', message: '结果无法传回界面。' } } })
    }
  }

  port.onMessage(async (raw) => {
    const m = parseToBackend(raw)
    if (!m) return
    if (m.kind === 'init') await open(m.init)
    else if (m.kind === 'shutdown') {
      const wasClosed = closed
      closed = true
      // calls already running finish (and are answered) before the database closes; new ones are refused
      void Promise.allSettled([...inFlight]).then(() => {
        if (!wasClosed) {
          try {
            home?.close()
          } catch (err) {
            options.logger?.error('backend: closing the database failed', err)
          }
          home = null
          ctx = null
        }
        send({ kind: 'closed' })
        options.onClosed?.()
      })
    } else if (closed) {
      reply(m.id, { ok: false, error: { code: 'INTERNAL', message: '程序正在退出，本次操作没有执行。', details: { backend: 'stopping' } } })
    } else {
      const running = answer(m).then((result) => reply(m.id, result))
      inFlight.add(running)
      void running.finally(() => inFlight.delete(running))
    }
  })
}
