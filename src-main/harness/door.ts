/**
 * The HTTP door, shared by the desk harness (server.ts: loopback, a URL token) and the bureau server (bureau.ts:
 * the LAN, HTTPS, sign-in sessions as the only access control). It serves the built renderer and the contract:
 *   POST /api/<channel>   JSON body in, Result JSON out (errors are values: HTTP 200 with ok:false)
 *   GET  /api/events      server-sent events (job progress, data changes)
 * Every call needs a signed-in user: a successful auth.signIn sets an HttpOnly SameSite=Strict cookie naming the
 * session (services/sessions.ts; `Secure` under TLS); auth.signOut and idle expiry end it.
 * The Host header must be one we answer to (DNS-rebinding guard); a cross-origin POST is refused; bodies have a
 * size limit; sign-in attempts can be rate-limited per client address; each request can be logged (no bodies).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { AppEvent } from '../contract'
import type { Result } from '../core/errors'
import { invoke, SessionTable, sessionAlive, sessionPeek, sessionCall, sessionPrincipal, type InvokeLogger } from '../services'
import type { ServiceContext } from '../services'
import type { RateLimiter } from './rate-limit'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

export const MAX_BODY_DEFAULT = 16 * 1024 * 1024
export const TOKEN_COOKIE = 'casebinder_token'
export const SESSION_COOKIE = 'casebinder_session'
const JSON_TYPE = 'application/json; charset=utf-8'

/** One request, as the access log records it: never a body, a query string or a password. */
export interface AccessEntry {
  time: string
  level: 'info' | 'warn' | 'error'
  method: string
  /** the contract channel of an API call, or `events` for the event stream */
  channel?: string
  /** the path of anything else (static files), without its query */
  path?: string
  status: number
  /** the Result's code: OK, or the AppError's code */
  code?: string
  ms: number
  /** the signed-in user's login */
  user?: string
  ip: string
}

export interface DoorOptions {
  /** build the service context once the emit function exists */
  context: (emit: (e: AppEvent) => void) => ServiceContext
  staticDir: string
  /** the address to bind */
  host: string
  port: number
  /** the desk's page token (?token=… once, then a cookie); null: no token (the bureau server) */
  token: string | null
  /** HTTPS with this certificate and key (PEM); plain HTTP without */
  tls?: { cert: string | Buffer; key: string | Buffer } | undefined
  /** the Host header values accepted, once the port is known (lower case, `host:port`) */
  allowedHosts: (port: number) => string[]
  maxBodyBytes?: number | undefined
  /** the event stream only for a live sign-in session (and only while it lives) */
  eventsNeedSession?: boolean | undefined
  /** counts auth.signIn attempts per client address */
  signInLimiter?: RateLimiter | undefined
  /**
   * the first-run channels (users.bootstrap, demo.load) answer only to a client on this machine: on a server reached
   * over the network, the first person to find a new home must not become its administrator
   */
  setupFromThisMachineOnly?: boolean | undefined
  /** the rate limiter's clock (tests move it) */
  now?: (() => number) | undefined
  access?: ((entry: AccessEntry) => void) | undefined
  logger?: InvokeLogger | undefined
}

export interface DoorHandle {
  /** scheme://host:port of the bound address */
  origin: string
  port: number
  server: Server
  close(): Promise<void>
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function cookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='))
      } catch {
        return null
      }
    }
  }
  return null
}

/** `host:port`, with an IPv6 literal in brackets. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`
}

/** The first-run channels: who calls them on an empty home sets it up. */
export const SETUP_CHANNELS: ReadonlySet<string> = new Set(['users.bootstrap', 'demo.load'])

/** A client on this machine (a loopback address). */
export function isLocalClient(ip: string): boolean {
  return ip === '::1' || /^127\.\d+\.\d+\.\d+$/.test(ip)
}

/** The client's address, an IPv4-mapped IPv6 address as plain IPv4. */
export function clientIp(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? ''
  return a.startsWith('::ffff:') ? a.slice(7) : a
}

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) throw new TooLarge()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startDoor(options: DoorOptions): Promise<DoorHandle> {
  const staticRoot = resolve(options.staticDir)
  const maxBody = options.maxBodyBytes ?? MAX_BODY_DEFAULT
  const now = options.now ?? Date.now
  const secure = options.tls !== undefined
  const scheme = secure ? 'https' : 'http'
  const cookieAttrs = `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`
  const baseHeaders: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000' } : {})
  }
  /** open event streams and the session each was opened with */
  const clients = new Map<ServerResponse, string | null>()
  const sessions = new SessionTable()
  /** the context, once built (the context is built with emit) */
  const built: { ctx?: ServiceContext } = {}
  const emit = async (e: AppEvent) => {
    const data = `data: ${JSON.stringify(e)}\n\n`
    // a job's events go to the streams of the user who started it (when the job names one)
    const owner = 'userId' in e && typeof e.userId === 'number' ? e.userId : null
    for (const [c, sid] of clients) {
      if (options.eventsNeedSession && !(built.ctx && (await sessionAlive(built.ctx, sessions, sid)))) {
        clients.delete(c)
        c.end()
        continue
      }
      if (owner !== null && built.ctx && sid !== null && (await sessionPeek(built.ctx, sessions, sid))?.userId !== owner) continue
      c.write(data)
    }
  }
  const context = options.context(emit)
  built.ctx = context
  let port = 0
  let allowed = new Set<string>()

  const endStreams = (sid: string) => {
    for (const [c, s] of clients)
      if (s === sid) {
        clients.delete(c)
        c.end()
      }
  }

  const send = (
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/plain; charset=utf-8',
    extra: Record<string, string> = {}
  ) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...baseHeaders, ...extra })
    res.end(body)
  }
  const sendResult = (res: ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(result), JSON_TYPE, extra)

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const note: Pick<AccessEntry, 'channel' | 'path' | 'code' | 'user'> = {}
    if (options.access) {
      const access = options.access
      res.once('close', () => {
        const status = res.statusCode
        const entry: AccessEntry = {
          time: new Date().toISOString(),
          level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
          method: req.method ?? '',
          ...(note.channel !== undefined ? { channel: note.channel } : { path: note.path ?? '' }),
          status,
          ...(note.code !== undefined ? { code: note.code } : {}),
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(note.user !== undefined ? { user: note.user } : {}),
          ip: clientIp(req)
        }
        access(entry)
      })
    }
    void handle(req, res, note).catch((err: unknown) => {
      options.logger?.error('http door: request failed', err)
      if (!res.headersSent) send(res, 500, 'internal error')
      else res.end()
    })
  }
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(listener)

  async function handle(req: IncomingMessage, res: ServerResponse, note: Pick<AccessEntry, 'channel' | 'path' | 'code' | 'user'>) {
    if (!allowed.has((req.headers.host ?? '').toLowerCase())) return send(res, 421, 'unexpected Host header')
    let url: URL
    let pathname: string
    try {
      url = new URL(req.url ?? '/', `${scheme}://${req.headers.host}`)
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return send(res, 400, 'bad request')
    }
    note.path = url.pathname.slice(0, 200)
    if (options.token !== null) {
      const queryToken = url.searchParams.get('token')
      const presented = queryToken ?? cookie(req, TOKEN_COOKIE) ?? (req.headers['x-casebinder-token'] as string | undefined) ?? ''
      if (!safeEqual(presented, options.token)) {
        return send(
          res,
          401,
          '需要访问令牌：请使用 CaseBinder 启动时打印的地址打开本页。\nA token is required: open the URL printed at start.'
        )
      }
      if (queryToken) {
        // trade the token in the URL for a cookie, then drop it from the address bar
        url.searchParams.delete('token')
        return send(res, 303, '', 'text/plain', {
          'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(options.token)}; ${cookieAttrs}`,
          Location: url.pathname + (url.search || '') + url.hash
        })
      }
    }

    if (pathname === '/api/events' && req.method === 'GET') {
      note.channel = 'events'
      const sid = cookie(req, SESSION_COOKIE)
      if (options.eventsNeedSession) {
        const principal = await sessionPrincipal(context, sessions, sid)
        if (!principal) {
          note.code = 'AUTH_REQUIRED'
          return sendResult(res, 401, { ok: false, error: { code: 'AUTH_REQUIRED', message: '请先登录，再接收事件推送' } })
        }
        note.user = principal.login
      }
      note.code = 'OK'
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...baseHeaders })
      res.write(': connected\n\n')
      clients.set(res, sid)
      const beat = setInterval(() => res.write(': ping\n\n'), 15_000)
      req.on('close', () => {
        clearInterval(beat)
        clients.delete(res)
      })
      return
    }

    if (pathname.startsWith('/api/')) {
      const channel = pathname.slice('/api/'.length)
      note.channel = channel.slice(0, 100)
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' })
      const origin = req.headers.origin
      const site = req.headers['sec-fetch-site']
      if ((origin && !allowed.has(origin.toLowerCase().replace(`${scheme}://`, ''))) || site === 'cross-site' || site === 'same-site') {
        return send(res, 403, 'cross-origin request refused')
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'application/json required')
      if (options.setupFromThisMachineOnly && SETUP_CHANNELS.has(channel) && !isLocalClient(clientIp(req))) {
        note.code = 'FORBIDDEN'
        return sendResult(res, 403, {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: '首次设置只能在服务器本机上进行：请在服务器上运行 casebinder users bootstrap 创建管理员',
            details: { channel }
          }
        })
      }
      if (channel === 'auth.signIn' && options.signInLimiter) {
        const verdict = options.signInLimiter.hit(clientIp(req), now())
        if (!verdict.ok) {
          note.code = 'RATE_LIMITED'
          const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))
          return sendResult(
            res,
            429,
            {
              ok: false,
              error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试', details: { retryAfterSeconds: seconds } }
            },
            { 'Retry-After': String(seconds) }
          )
        }
      }
      const tooLarge = () => {
        note.code = 'VALIDATION_FAILED'
        const mib = Math.round((maxBody / 1024 / 1024) * 100) / 100
        sendResult(
          res,
          413,
          { ok: false, error: { code: 'VALIDATION_FAILED', message: `请求内容超过 ${mib} MiB 的上限` } },
          { Connection: 'close' }
        )
      }
      if (Number(req.headers['content-length'] ?? 0) > maxBody) return tooLarge()
      let input: unknown
      try {
        const body = await readBody(req, maxBody)
        input = body.trim() === '' ? {} : JSON.parse(body)
      } catch (err) {
        if (err instanceof TooLarge) return tooLarge()
        note.code = 'VALIDATION_FAILED'
        return sendResult(res, 200, {
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: `请求内容不是有效的 JSON：${(err as Error).message}` }
        })
      }
      const sid = cookie(req, SESSION_COOKIE)
      const outcome = await sessionCall(context, sessions, sid, channel, input, (c, ch, i) => invoke(c, ch, i, options.logger))
      note.code = outcome.result.ok ? 'OK' : outcome.result.error.code
      if (outcome.principal) note.user = outcome.principal.login
      const extra: Record<string, string> = {}
      if (outcome.opened) extra['Set-Cookie'] = `${SESSION_COOKIE}=${outcome.opened}; ${cookieAttrs}`
      else if (outcome.closed) extra['Set-Cookie'] = `${SESSION_COOKIE}=; ${cookieAttrs}; Max-Age=0`
      if (outcome.closed && sid) endStreams(sid)
      return sendResult(res, 200, outcome.result, extra)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    // static files of the built renderer; anything unknown falls back to index.html (hash router)
    const rel = normalize(pathname).replace(/^([/\\])+/, '')
    let file = join(staticRoot, rel)
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return send(res, 400, 'bad path')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html')
    if (!existsSync(file)) return send(res, 503, 'renderer not built: run `npm run build`')
    const type = MIME[extname(file)] ?? 'application/octet-stream'
    const headers: Record<string, string> = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }
    if (file.includes(`${sep}assets${sep}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable'
    res.writeHead(200, { 'Content-Type': type, ...baseHeaders, ...headers })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file))
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, () => {
      server.off('error', fail)
      ok()
    })
  })
  port = (server.address() as AddressInfo).port
  allowed = new Set(options.allowedHosts(port).map((h) => h.toLowerCase()))
  return {
    origin: `${scheme}://${hostPort(options.host, port)}`,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        for (const c of clients.keys()) c.end()
        clients.clear()
        server.close(() => ok())
        server.closeAllConnections()
      })
  }
}
