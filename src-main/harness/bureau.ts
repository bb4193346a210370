/**
 * The bureau server door (`casebinder server`, on PostgreSQL or the embedded engine): the HTTP door (door.ts) for many
 * browsers on the LAN. No URL token: sign-in sessions are the access control (the session cookie gets `Secure`
 * under TLS); HTTPS when a certificate and key are given; plain HTTP on a non-loopback address only with
 * --insecure-lan (and a warning in the log); the Host header must be the listen address or a --public-host name;
 * auth.signIn is rate-limited per client address; the event stream only for live sessions; every request is a
 * JSON line on stdout (no bodies, no passwords). With `--db postgres://…` the data is in PostgreSQL and the home
 * folder holds the blobs, exports and logs.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'
import { resolve } from 'node:path'
import type { AppEvent } from '../contract'
import { isPostgresUrl, type InvokeLogger, type ServiceContext } from '../services'
import { hostPort, MAX_BODY_DEFAULT, startDoor, type AccessEntry } from './door'
import { RateLimiter } from './rate-limit'

/** The options as the command line gives them (strings). */
export interface ServerArgs {
  home?: string | undefined
  db?: string | undefined
  listen?: string | undefined
  tlsCert?: string | undefined
  tlsKey?: string | undefined
  insecureLan?: boolean | undefined
  publicHost?: string[] | undefined
  maxBodyMib?: string | undefined
  signInLimit?: string | undefined
}

export interface ServerConfig {
  /** the data home (on PostgreSQL: the server's folder for blobs, exports and logs); null: the default one */
  home: string | null
  /** the PostgreSQL database (postgres://…); null: the embedded SQLite in the home */
  database: string | null
  host: string
  port: number
  tls: { certFile: string; keyFile: string } | null
  insecureLan: boolean
  publicHosts: string[]
  maxBodyBytes: number
  /** auth.signIn attempts per minute per client address */
  signInLimit: number
}

export type Checked = { ok: true; config: ServerConfig } | { ok: false; message: string }

export const SIGN_IN_LIMIT_DEFAULT = 10
export const SIGN_IN_WINDOW_MS = 60_000

/** Loopback: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::'
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i

/** `HOST:PORT` or `[IPv6]:PORT`. */
export function parseListen(text: string): { host: string; port: number } | null {
  const m = /^\[([0-9a-f:.]+)\]:(\d{1,5})$/i.exec(text) ?? /^([^:[\]]+):(\d{1,5})$/.exec(text)
  if (!m) return null
  const host = m[1]!
  const port = Number(m[2])
  if (port > 65535) return null
  if (text.startsWith('[') ? isIP(host) !== 6 : !(isIP(host) === 4 || HOSTNAME.test(host))) return null
  return { host, port }
}

/** A database address with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@')
}

/** A --db value that names a database server rather than a home directory. */
const isDatabaseUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^postgres(ql)?:/i.test(v)

/**
 * Check the command line's options, without binding anything: the listen address, TLS both or neither (and
 * readable), plain HTTP only on loopback unless --insecure-lan, the public host names, the limits, and --db.
 */
export function checkServerOptions(args: ServerArgs): Checked {
  const no = (message: string): Checked => ({ ok: false, message })
  let home = args.home ? resolve(args.home) : null
  let database: string | null = null
  if (args.db !== undefined && isPostgresUrl(args.db)) database = args.db
  else if (args.db !== undefined) {
    if (isDatabaseUrl(args.db)) {
      return no(
        `--db 只接受 PostgreSQL 连接地址（postgres://…）或数据目录的路径，收到 ${redactUrl(args.db)}。--db takes postgres://… or a home directory.`
      )
    }
    const db = resolve(args.db)
    if (home !== null && home !== db) return no('--home 与 --db 指向不同的数据目录：只需给出其一。--home and --db name different homes.')
    home = db
  }
  if (!args.listen) return no('请用 --listen HOST:PORT 指定监听地址，例如 --listen 0.0.0.0:8443。')
  const listen = parseListen(args.listen)
  if (!listen) return no(`--listen 应为 HOST:PORT（IPv6 写作 [::1]:8443），收到 "${args.listen}"。`)
  if (Boolean(args.tlsCert) !== Boolean(args.tlsKey)) return no('--tls-cert 与 --tls-key 须同时给出。--tls-cert and --tls-key go together.')
  let tls: ServerConfig['tls'] = null
  if (args.tlsCert && args.tlsKey) {
    for (const f of [args.tlsCert, args.tlsKey]) if (!existsSync(f)) return no(`找不到 TLS 文件：${f}`)
    tls = { certFile: resolve(args.tlsCert), keyFile: resolve(args.tlsKey) }
  }
  if (!tls && !isLoopback(listen.host) && !args.insecureLan) {
    return no(
      `拒绝在非本机地址 ${listen.host} 上以明文 HTTP 提供服务：登录密码和会话将以明文在局域网中传输。` +
        '请用 --tls-cert 与 --tls-key 启用 HTTPS；确知风险时（例如隔离的测试网）可加 --insecure-lan。' +
        ` Refusing plain HTTP on the non-loopback address ${listen.host}: give --tls-cert and --tls-key, or --insecure-lan.`
    )
  }
  const publicHosts = args.publicHost ?? []
  for (const name of publicHosts) {
    const bare = /^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(name) ? name : name.replace(/:\d{1,5}$/, '')
    if (!(bare.startsWith('[') || isIP(bare) || HOSTNAME.test(bare))) return no(`--public-host 不是有效的主机名：${name}`)
  }
  const mib = Number(args.maxBodyMib ?? MAX_BODY_DEFAULT / 1024 / 1024)
  if (!Number.isFinite(mib) || mib <= 0 || mib > 1024) return no(`--max-body-mib 应为 0 到 1024 之间的数（MiB），收到 ${args.maxBodyMib}`)
  const limit = Number(args.signInLimit ?? SIGN_IN_LIMIT_DEFAULT)
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    return no(`--sign-in-limit 应为正整数（每分钟次数），收到 ${args.signInLimit}`)
  return {
    ok: true,
    config: {
      home,
      database,
      host: listen.host,
      port: listen.port,
      tls,
      insecureLan: Boolean(args.insecureLan),
      publicHosts,
      maxBodyBytes: Math.floor(mib * 1024 * 1024),
      signInLimit: limit
    }
  }
}

/** The Host header values the server answers to once it has its port. */
export function serverHosts(config: Pick<ServerConfig, 'host' | 'publicHosts' | 'tls'>, port: number): string[] {
  const names = new Set<string>()
  const defaultPort = config.tls ? 443 : 80
  const add = (host: string) => {
    names.add(hostPort(host, port).toLowerCase())
    if (port === defaultPort) names.add((host.includes(':') ? `[${host}]` : host).toLowerCase())
  }
  if (isWildcard(config.host)) {
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) if (config.host === '::' || a.family === 'IPv4') add(a.address.split('%')[0]!)
    add('localhost')
  } else {
    add(config.host)
    if (isLoopback(config.host)) for (const h of ['localhost', '127.0.0.1', '::1']) add(h)
  }
  for (const name of config.publicHosts) {
    if (/:\d{1,5}$/.test(name) && !/^[0-9a-f:]+$/i.test(name)) names.add(name.toLowerCase())
    else add(name.replace(/^\[|\]$/g, ''))
  }
  return [...names]
}

/** What the log warns about at start: plain HTTP on the LAN (--insecure-lan). */
export function startupWarnings(config: Pick<ServerConfig, 'host'>, tls: boolean): string[] {
  if (tls || isLoopback(config.host)) return []
  return ['plain HTTP on a LAN address (--insecure-lan): passwords and session cookies travel unencrypted']
}

/** One JSON line: time, level, msg and fields. */
export type LogWrite = (line: string) => void

export function logLine(write: LogWrite, level: AccessEntry['level'], msg: string, fields: Record<string, unknown> = {}): void {
  write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }))
}

export interface BureauOptions {
  config: ServerConfig
  context: (emit: (e: AppEvent) => void) => ServiceContext
  staticDir: string
  /** where the JSON log lines go (default stdout) */
  write?: LogWrite
  /** the rate limiter's clock */
  now?: () => number
  /** TLS material given directly (tests), instead of the files in config.tls */
  tls?: { cert: string | Buffer; key: string | Buffer }
}

export interface BureauServer {
  /** the address to open, e.g. https://192.168.1.10:8443/ */
  url: string
  port: number
  close(): Promise<void>
}

export async function startBureauServer(options: BureauOptions): Promise<BureauServer> {
  const { config } = options
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
  const tls = options.tls ?? (config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : undefined)
  const logger: InvokeLogger = {
    // a failed handler's exception: its message only, never the call's input
    error: (message, err) => logLine(write, 'error', message, { error: err instanceof Error ? err.message : String(err) })
  }
  for (const w of startupWarnings(config, Boolean(tls))) logLine(write, 'warn', w, { listen: hostPort(config.host, config.port) })
  const door = await startDoor({
    context: options.context,
    staticDir: options.staticDir,
    host: config.host,
    port: config.port,
    token: null,
    tls,
    allowedHosts: (port) => serverHosts(config, port),
    maxBodyBytes: config.maxBodyBytes,
    eventsNeedSession: true,
    setupFromThisMachineOnly: true,
    signInLimiter: new RateLimiter(config.signInLimit, SIGN_IN_WINDOW_MS),
    now: options.now,
    access: (entry) => write(JSON.stringify(entry)),
    logger
  })
  const scheme = tls ? 'https' : 'http'
  const shown = config.publicHosts[0] ?? (isWildcard(config.host) ? 'localhost' : config.host)
  const url = `${scheme}://${/:\d{1,5}$/.test(shown) && !shown.startsWith('[') ? shown : hostPort(shown.replace(/^\[|\]$/g, ''), door.port)}/`
  logLine(write, 'info', 'listening', { url, tls: Boolean(tls), maxBodyBytes: config.maxBodyBytes, signInLimit: config.signInLimit })
  return {
    url,
    port: door.port,
    close: async () => {
      await door.close()
      logLine(write, 'info', 'stopped')
    }
  }
}
