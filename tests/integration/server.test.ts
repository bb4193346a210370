/**
 * The bureau server door (`casebinder server`, harness/bureau.ts) over real HTTPS: a self-signed certificate made
 * here, no URL token (sign-in sessions are the access control), the session cookie `Secure`, Host and Origin
 * checks, the body limit, the per-address sign-in rate limit (a clock the test moves), JSON log lines without
 * bodies or passwords, and the event stream only for a live session. Plain HTTP on the LAN and the command line's
 * options are checked through the option-validation function and the command itself (nothing binds a LAN address).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import { networkInterfaces } from 'node:os'
import { spawn } from 'node:child_process'
import forge from 'node-forge'
import { makeHome, type TestHome } from '../helpers'
import { call } from '../../src-main/services'
import type { AppEvent } from '../../src-main/contract'
import {
  checkServerOptions,
  serverHosts,
  startBureauServer,
  startupWarnings,
  type BureauServer,
  type ServerArgs
} from '../../src-main/harness/bureau'
import { RateLimiter } from '../../src-main/harness/rate-limit'
import { buildProgram } from '../../src-main/cli/main'
import { CliFailure } from '../../src-main/cli/output'

/** A self-signed TLS certificate for localhost / 127.0.0.1 (PEM). */
function selfSigned(): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey)
  cert.serialNumber = '01' + Date.now().toString(16)
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + 86_400_000)
  const attrs = [{ shortName: 'CN', value: 'localhost' }]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' }
      ]
    }
  ])
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: privateKey }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

let tls: { cert: string; key: string }
beforeAll(() => {
  tls = selfSigned()
})

let t: TestHome
beforeEach(async () => {
  t = await makeHome()
  await call(t.ctx, 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
})
afterEach(() => t.cleanup())

describe('bureau server over HTTPS', () => {
  let s: BureauServer
  /** the door's own emit (what a job started at this door reports through) */
  let doorEmit: (e: AppEvent) => void = () => undefined
  let clock = Date.now()
  let lines: string[] = []
  beforeEach(async () => {
    const staticDir = join(t.dir, 'static')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CaseBinder</title>')
    writeFileSync(join(t.dir, 'cert.pem'), tls.cert)
    writeFileSync(join(t.dir, 'key.pem'), tls.key)
    const checked = checkServerOptions({
      listen: '127.0.0.1:0',
      tlsCert: join(t.dir, 'cert.pem'),
      tlsKey: join(t.dir, 'key.pem'),
      publicHost: ['casebinder.bureau.test'],
      maxBodyMib: '0.01',
      signInLimit: '10'
    })
    if (!checked.ok) throw new Error(checked.message)
    clock = Date.now()
    lines = []
    s = await startBureauServer({
      config: checked.config,
      staticDir,
      context: (emit) => {
        doorEmit = emit
        return { ...t.ctx, emit, now: () => new Date(clock) }
      },
      write: (line) => lines.push(line),
      now: () => clock
    })
  })
  afterEach(async () => {
    await s.close()
  })

  /** one HTTPS request trusting only our certificate */
  const send = (path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<Reply>((ok, fail) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: s.port,
          path,
          method: opts.method ?? 'GET',
          headers: opts.headers,
          ca: tls.cert,
          servername: 'localhost'
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => (text += c))
          res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, text }))
        }
      )
      req.on('error', fail)
      req.end(opts.body)
    })
  const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  async function signIn(login: string, password: string): Promise<string> {
    const r = await post('auth.signIn', { login, password })
    expect(JSON.parse(r.text)).toMatchObject({ ok: true, value: { login } })
    const set = String(r.headers['set-cookie'] ?? '')
    expect(set).toMatch(/^casebinder_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/; Secure$/)
    return set.split(';')[0]!
  }
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)

  it('serves the page and the API over HTTPS with no token; sessions are the access control', async () => {
    expect(s.url).toMatch(/^https:\/\/casebinder\.bureau\.test:\d+\/$/)
    const page = await send('/')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<title>CaseBinder</title>')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    // a token in the URL means nothing here: no redirect, no cookie
    const withToken = await send('/?token=abc')
    expect(withToken.status).toBe(200)
    expect(withToken.headers['set-cookie']).toBeUndefined()

    expect(JSON.parse((await post('officers.list', {})).text)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    const session = await signIn('admin', 'admin-pass-1')
    expect(JSON.parse((await post('officers.list', {}, { cookie: session })).text)).toMatchObject({ ok: true, value: [] })
    // sessions idle-expire as at the desk
    clock += 31 * 60_000
    expect(JSON.parse((await post('officers.list', {}, { cookie: session })).text)).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' }
    })
  })

  it('answers only to its own host names and refuses cross-origin posts and oversized bodies', async () => {
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(421)
    expect((await send('/', { headers: { host: `casebinder.bureau.test:${s.port}` } })).status).toBe(200)
    expect((await send('/', { headers: { host: `localhost:${s.port}` } })).status).toBe(200)
    const session = await signIn('admin', 'admin-pass-1')
    expect((await post('agency.get', {}, { cookie: session, origin: 'https://evil.example' })).status).toBe(403)
    // our own name but the wrong scheme is another origin
    expect((await post('agency.get', {}, { cookie: session, origin: `http://127.0.0.1:${s.port}` })).status).toBe(403)
    expect((await post('agency.get', {}, { cookie: session, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await post('auth.status', {}, { cookie: session, origin: `https://127.0.0.1:${s.port}` })).status).toBe(200)
    // the body limit (0.01 MiB here)
    const big = await post('officers.add', { name: 'x'.repeat(20_000) }, { cookie: session })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('limits sign-in attempts per client address: 429 RATE_LIMITED, and again after the window', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await post('auth.signIn', { login: 'nobody', password: 'wrong-pass-1' })
      expect(r.status).toBe(200)
      expect(JSON.parse(r.text)).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } })
    }
    const limited = await post('auth.signIn', { login: 'admin', password: 'admin-pass-1' })
    expect(limited.status).toBe(429)
    expect(JSON.parse(limited.text)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试', details: { retryAfterSeconds: 60 } }
    })
    expect(limited.headers['retry-after']).toBe('60')
    expect(limited.headers['set-cookie']).toBeUndefined()
    // other channels are not limited
    expect((await post('auth.status', {})).status).toBe(200)
    clock += 30_000
    expect((await post('auth.signIn', { login: 'admin', password: 'admin-pass-1' })).status).toBe(429)
    // once the first attempts have left the one-minute window, sign-in passes again
    clock += 30_001
    await signIn('admin', 'admin-pass-1')
  })

  it('logs each request as a JSON line without bodies or passwords', async () => {
    const session = await signIn('admin', 'admin-pass-1')
    await post('officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2028-01-01' }, { cookie: session })
    await post('auth.signIn', { login: 'admin', password: 'not-the-password-9' })
    await send('/index.html?secret=1')
    await s.close()
    const entries = logged()
    expect(entries.length).toBeGreaterThanOrEqual(6)
    for (const e of entries) expect(typeof e.time === 'string' && typeof e.level === 'string').toBe(true)
    expect(entries[0]).toMatchObject({ level: 'info', msg: 'listening', tls: true })
    const requests = entries.filter((e) => 'status' in e)
    for (const e of requests) {
      expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['time', 'level', 'method', 'status', 'ms', 'ip']))
      expect(e.ip).toBe('127.0.0.1')
      expect(typeof e.ms).toBe('number')
    }
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', channel: 'auth.signIn', status: 200, code: 'OK', user: 'admin' }),
        expect.objectContaining({ method: 'POST', channel: 'officers.add', status: 200, code: 'OK', user: 'admin' }),
        expect.objectContaining({ method: 'POST', channel: 'auth.signIn', status: 200, code: 'AUTH_FAILED' }),
        expect.objectContaining({ method: 'GET', path: '/index.html', status: 200 })
      ])
    )
    const failed = requests.find((e) => e.code === 'AUTH_FAILED')!
    expect(failed.user).toBeUndefined()
    const all = lines.join('\n')
    for (const secret of ['admin-pass-1', 'not-the-password-9', '王建国', '36040019001', 'secret=1', 'casebinder_session']) {
      expect(all).not.toContain(secret)
    }
    expect(entries.at(-1)).toMatchObject({ msg: 'stopped' })
  })

  it('streams events only to a live session, and ends the stream when the session ends', async () => {
    const refused = await send('/api/events')
    expect(refused.status).toBe(401)
    expect(JSON.parse(refused.text)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    expect((await send('/api/events', { headers: { cookie: 'casebinder_session=forged' } })).status).toBe(401)

    const session = await signIn('admin', 'admin-pass-1')
    const chunks: string[] = []
    let ended = false
    const stream = await new Promise<{ status: number; contentType: string }>((ok, fail) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port: s.port, path: '/api/events', headers: { cookie: session }, ca: tls.cert, servername: 'localhost' },
        (res) => {
          res.setEncoding('utf8')
          res.on('data', (c: string) => chunks.push(c))
          res.on('end', () => (ended = true))
          ok({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']) })
        }
      )
      req.on('error', fail)
      req.end()
    })
    expect(stream).toEqual({ status: 200, contentType: 'text/event-stream' })
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 20))
      expect(cond()).toBe(true)
    }
    await post('officers.add', { name: '李晓红', certNo: '36040019002', validUntil: '2028-01-01' }, { cookie: session })
    await until(() => chunks.join('').includes('"type":"data.changed","area":"officers"'))
    await post('auth.signOut', {}, { cookie: session })
    await until(() => ended)
  })

  it("sends a job's events to the streams of the user who started it, and no one else's", async () => {
    await call(t.ctx, 'users.add', { login: 'lixh', name: '李晓红', roles: ['handler'], password: 'lixh-pass-12' })
    const users = await call(t.ctx, 'users.list', {})
    const adminId = users.find((u) => u.login === 'admin')!.id
    const open = async (cookie: string) => {
      const chunks: string[] = []
      await new Promise<void>((ok, fail) => {
        const req = httpsRequest(
          { host: '127.0.0.1', port: s.port, path: '/api/events', headers: { cookie }, ca: tls.cert, servername: 'localhost' },
          (res) => {
            res.setEncoding('utf8')
            res.on('data', (c: string) => chunks.push(c))
            ok()
          }
        )
        req.on('error', fail)
        req.end()
      })
      return chunks
    }
    const admins = await open(await signIn('admin', 'admin-pass-1'))
    const others = await open(await signIn('lixh', 'lixh-pass-12'))
    doorEmit({ type: 'job.progress', jobId: 'job-a', userId: adminId, stage: 'rendition', done: 1, total: 3 })
    doorEmit({ type: 'data.changed', area: 'dossier', action: 'dossier.export' })
    for (let i = 0; i < 100 && !(admins.join('').includes('data.changed') && others.join('').includes('data.changed')); i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(admins.join('')).toContain('"jobId":"job-a"')
    expect(others.join('')).toContain('"type":"data.changed"')
    expect(others.join('')).not.toContain('job-a')
  })
})

describe('plain HTTP', () => {
  it('on loopback: the session cookie is not Secure', async () => {
    const checked = checkServerOptions({ listen: '127.0.0.1:0' })
    if (!checked.ok) throw new Error(checked.message)
    const lines: string[] = []
    const staticDir = join(t.dir, 'static')
    mkdirSync(staticDir)
    const s = await startBureauServer({
      config: checked.config,
      staticDir,
      context: (emit) => ({ ...t.ctx, emit }),
      write: (l) => lines.push(l)
    })
    try {
      expect(s.url).toBe(`http://127.0.0.1:${s.port}/`)
      const r = await fetch(`http://127.0.0.1:${s.port}/api/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: 'admin-pass-1' })
      })
      expect(r.headers.get('set-cookie')).toMatch(/^casebinder_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/)
      expect((await fetch(`http://127.0.0.1:${s.port}/`)).status).toBe(503) // no renderer built in this static folder
    } finally {
      await s.close()
    }
    expect(lines.some((l) => (JSON.parse(l) as { level: string }).level === 'warn' && l.includes('insecure'))).toBe(false)
  })
  // the machine's own address on its network (none in a sandbox without one: then there is no LAN client to be)
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
  it.skipIf(!lanAddress)('sets up a new home only from the server machine, never from the network', async () => {
    const fresh = await makeHome()
    const checked = checkServerOptions({ listen: '0.0.0.0:0', insecureLan: true })
    if (!checked.ok) throw new Error(checked.message)
    const staticDir = join(fresh.dir, 'static')
    mkdirSync(staticDir)
    const s = await startBureauServer({
      config: checked.config,
      staticDir,
      context: (emit) => ({ ...fresh.ctx, emit }),
      write: () => undefined
    })
    const bootstrap = (host: string) =>
      fetch(`http://${host}:${s.port}/api/users.bootstrap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', name: '管理员', password: 'admin-pass-1' })
      })
    try {
      // a browser on the network finds the new home: it may not make itself the administrator, nor load the demo
      const fromLan = await bootstrap(lanAddress!)
      expect(fromLan.status).toBe(403)
      expect(await fromLan.json()).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('服务器本机') }
      })
      const demo = await fetch(`http://${lanAddress}:${s.port}/api/demo.load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}'
      })
      expect(demo.status).toBe(403)
      expect((await call(fresh.ctx, 'auth.status', {})).setupRequired).toBe(true)
      // on the server machine itself it may
      expect(await (await bootstrap('127.0.0.1')).json()).toMatchObject({ ok: true, value: { login: 'admin' } })
    } finally {
      await s.close()
      fresh.cleanup()
    }
  })
})

describe('server options', () => {
  const check = (args: ServerArgs) => checkServerOptions(args)

  it('refuses plain HTTP on a non-loopback address unless --insecure-lan', () => {
    for (const listen of ['192.168.1.10:8080', '0.0.0.0:8080', '[fe80::1]:8080', 'casebinder.bureau.test:8080']) {
      const r = check({ listen })
      expect(r.ok, listen).toBe(false)
      expect(!r.ok && r.message).toMatch(/明文 HTTP.*--tls-cert.*--insecure-lan/)
      expect(check({ listen, insecureLan: true })).toMatchObject({ ok: true, config: { tls: null, insecureLan: true } })
    }
    for (const listen of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']) expect(check({ listen }).ok, listen).toBe(true)
    // started anyway with --insecure-lan, the log says so at start
    expect(startupWarnings({ host: '192.168.1.10' }, false)).toEqual([expect.stringMatching(/plain HTTP on a LAN address.*unencrypted/)])
    expect(startupWarnings({ host: '192.168.1.10' }, true)).toEqual([])
    expect(startupWarnings({ host: '127.0.0.1' }, false)).toEqual([])
  })

  it('takes TLS as a pair of files, a valid listen address, limits in range', () => {
    const cert = join(t.dir, 'c.pem')
    writeFileSync(cert, tls.cert)
    expect(check({ listen: '10.0.0.2:8443', tlsCert: cert })).toMatchObject({ ok: false, message: expect.stringMatching(/同时给出/) })
    expect(check({ listen: '10.0.0.2:8443', tlsCert: cert, tlsKey: join(t.dir, 'missing.pem') })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/找不到 TLS 文件/)
    })
    expect(check({ listen: '10.0.0.2:8443', tlsCert: cert, tlsKey: cert })).toMatchObject({
      ok: true,
      config: { host: '10.0.0.2', port: 8443, tls: { certFile: cert }, maxBodyBytes: 16 * 1024 * 1024, signInLimit: 10 }
    })
    for (const listen of [undefined, '8443', '127.0.0.1', '127.0.0.1:99999', 'a b:1', '::1:8443']) {
      expect(check({ listen }).ok, String(listen)).toBe(false)
    }
    expect(check({ listen: '127.0.0.1:1', maxBodyMib: '0' }).ok).toBe(false)
    expect(check({ listen: '127.0.0.1:1', maxBodyMib: '64' })).toMatchObject({ ok: true, config: { maxBodyBytes: 64 * 1024 * 1024 } })
    expect(check({ listen: '127.0.0.1:1', signInLimit: '1.5' }).ok).toBe(false)
    expect(check({ listen: '127.0.0.1:1', publicHost: ['bad host'] }).ok).toBe(false)
  })

  it('takes --db as a PostgreSQL address (the home then holds the files) or a home path', () => {
    for (const db of ['postgres://u@db/casebinder', 'postgresql://db/x']) {
      expect(check({ listen: '127.0.0.1:1', db, home: t.dir })).toMatchObject({ ok: true, config: { database: db, home: t.dir } })
    }
    // another engine's address is refused, its password not repeated
    const other = check({ listen: '127.0.0.1:1', db: 'mysql://admin:s3cret@db/x' })
    expect(other).toMatchObject({ ok: false, message: expect.stringMatching(/只接受 PostgreSQL 连接地址/) })
    expect((other as { message: string }).message).not.toContain('s3cret')
    expect(check({ listen: '127.0.0.1:1', db: t.dir })).toMatchObject({ ok: true, config: { home: t.dir } })
    expect(check({ listen: '127.0.0.1:1', db: t.dir, home: join(t.dir, 'other') }).ok).toBe(false)
  })

  it('answers to the listen address and the public host names', () => {
    expect(
      serverHosts({ host: '10.0.0.2', publicHosts: ['cb.bureau.test', 'cb2.test:9443'], tls: { certFile: '', keyFile: '' } }, 8443).sort()
    ).toEqual(['10.0.0.2:8443', 'cb.bureau.test:8443', 'cb2.test:9443'].sort())
    expect(serverHosts({ host: '10.0.0.2', publicHosts: ['cb.bureau.test'], tls: { certFile: '', keyFile: '' } }, 443)).toEqual(
      expect.arrayContaining(['cb.bureau.test', 'cb.bureau.test:443', '10.0.0.2'])
    )
    expect(serverHosts({ host: '127.0.0.1', publicHosts: [], tls: null }, 80)).toEqual(expect.arrayContaining(['localhost:80', '[::1]:80']))
  })

  it('rate-limits in a sliding window, per key', () => {
    const limiter = new RateLimiter(3, 60_000)
    expect([0, 1, 2].map((i) => limiter.hit('a', 1000 + i).ok)).toEqual([true, true, true])
    expect(limiter.hit('a', 2000)).toEqual({ ok: false, retryAfterMs: 59_000 })
    expect(limiter.hit('b', 2000).ok).toBe(true)
    expect(limiter.hit('a', 61_000).ok).toBe(true)
    limiter.prune(200_000)
    expect(limiter.size).toBe(0)
  })
})

describe('casebinder server command', () => {
  const run = async (...args: string[]) => {
    const out: string[] = []
    try {
      await buildProgram((l) => out.push(l)).parseAsync(['node', 'casebinder', 'server', ...args])
      return { ok: true as const, out }
    } catch (err) {
      return { ok: false as const, err }
    }
  }
  const refusal = async (...args: string[]) => {
    const r = await run(...args)
    expect(r.ok).toBe(false)
    const err = (r as { err: unknown }).err
    expect(err).toBeInstanceOf(CliFailure)
    return err as CliFailure
  }

  it('checks its options before opening anything (usage exit code)', async () => {
    const lan = await refusal('--home', t.dir, '--listen', '192.168.1.10:8080')
    expect(lan.exitCode).toBe(2)
    expect(lan.message).toMatch(/^VALIDATION_FAILED: 拒绝在非本机地址 192\.168\.1\.10 上以明文 HTTP/)
    expect((await refusal('--home', t.dir)).message).toMatch(/--listen HOST:PORT/)
    expect((await refusal('--db', 'mysql://db/casebinder', '--listen', '127.0.0.1:0')).message).toMatch(/只接受 PostgreSQL 连接地址/)
    // a PostgreSQL server that is not there: a clear refusal, the password kept out of the message
    const absent = await refusal('--home', t.dir, '--db', 'postgres://u:s3cret@127.0.0.1:1/none', '--listen', '127.0.0.1:0')
    expect(absent.message).toMatch(/^SERVER_UNAVAILABLE: 无法打开数据库/)
    expect(absent.message).not.toContain('s3cret')
    expect((await refusal('--listen', '127.0.0.1:0', '--tls-key', 'k.pem')).message).toMatch(/--tls-cert 与 --tls-key/)
  })

  it('starts, serves the API, logs JSON lines and stops on SIGTERM', async () => {
    t.home.close()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'server', '--home', t.dir, '--listen', '127.0.0.1:0'],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (c: string) => (stdout += c))
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)))
    try {
      for (let i = 0; i < 300 && !stdout.includes('"msg":"CaseBinder server"'); i++) await new Promise((r) => setTimeout(r, 50))
      const entries = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg?: string; url?: string })
      const url = entries.find((e) => e.msg === 'listening')?.url
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const r = await fetch(`${url}api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(await r.json()).toMatchObject({ ok: true, value: { principal: null } })
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(stdout).toContain('"msg":"stopped"')
      expect(stdout).toContain('"channel":"auth.status"')
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
