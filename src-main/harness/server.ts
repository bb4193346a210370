/**
 * The browser harness: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 *   POST /api/<channel>   JSON body in, Result JSON out (errors are values: HTTP 200 with ok:false)
 *   GET  /api/events      server-sent events (job progress, data changes)
 * Access needs the random token printed at start (?token=… once; then an HttpOnly SameSite=Strict cookie).
 * The token only opens the page: every call then needs a signed-in user. A successful auth.signIn sets a second
 * HttpOnly SameSite=Strict cookie naming the session (services/sessions.ts); auth.signOut and idle expiry end it.
 * The Host header must name our loopback address (DNS-rebinding guard) and a cross-origin POST is refused.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { AppEvent } from '../contract'
import { invoke, SessionTable, sessionCall, type InvokeLogger } from '../services'
import type { ServiceContext } from '../services'

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

const MAX_BODY = 16 * 1024 * 1024
const COOKIE = 'casebinder_token'
const SESSION_COOKIE = 'casebinder_session'

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

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return null
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new Error('body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const staticRoot = resolve(options.staticDir)
  const clients = new Set<ServerResponse>()
  const emit = (e: AppEvent) => {
    const data = `data: ${JSON.stringify(e)}\n\n`
    for (const c of clients) c.write(data)
  }
  const ctx = options.context(emit)
  const sessions = new SessionTable()
  let port = 0

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      options.logger?.error('harness request failed', err)
      if (!res.headersSent) send(res, 500, 'internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'unexpected Host header')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const queryToken = url.searchParams.get('token')
    const presented = queryToken ?? cookie(req, COOKIE) ?? (req.headers['x-casebinder-token'] as string | undefined) ?? ''
    if (!safeEqual(presented, token)) {
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
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + (url.search || '') + url.hash
      })
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      const beat = setInterval(() => res.write(': ping\n\n'), 15_000)
      req.on('close', () => {
        clearInterval(beat)
        clients.delete(res)
      })
      return
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' })
      const origin = req.headers.origin
      if (origin && !allowedHosts().has(origin.replace(/^https?:\/\//, ''))) return send(res, 403, 'cross-origin request refused')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'application/json required')
      let input: unknown
      try {
        const body = await readBody(req)
        input = body.trim() === '' ? {} : JSON.parse(body)
      } catch (err) {
        const result = { ok: false, error: { code: 'VALIDATION_FAILED', message: `请求内容不是有效的 JSON：${(err as Error).message}` } }
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8')
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      const outcome = sessionCall(ctx, sessions, cookie(req, SESSION_COOKIE), channel, input, (c, ch, i) =>
        invoke(c, ch, i, options.logger)
      )
      const extra: Record<string, string> = {}
      if (outcome.opened) extra['Set-Cookie'] = `${SESSION_COOKIE}=${outcome.opened}; HttpOnly; SameSite=Strict; Path=/`
      else if (outcome.closed) extra['Set-Cookie'] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
      return send(res, 200, JSON.stringify(outcome.result), 'application/json; charset=utf-8', extra)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    // static files of the built renderer; anything unknown falls back to index.html (hash router)
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    let file = join(staticRoot, rel)
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return send(res, 400, 'bad path')
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html')
    if (!existsSync(file)) return send(res, 503, 'renderer not built: run `npm run build`')
    const type = MIME[extname(file)] ?? 'application/octet-stream'
    const headers: Record<string, string> = { 'Content-Security-Policy': CSP }
    if (file.includes(`${sep}assets${sep}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable'
    res.writeHead(200, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...headers })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file))
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((ok) => {
        for (const c of clients) c.end()
        clients.clear()
        server.close(() => ok())
        server.closeAllConnections()
      })
  }
}
