/**
 * The three front doors over one contract: Electron IPC (with a fake ipcMain: the Electron binary cannot
 * exist here), the HTTP harness, and the CLI. Each must expose exactly the contract's channels and
 * return the same typed results and errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { makeHome, type TestHome } from '../helpers'
import { CHANNELS, IPC_PREFIX } from '../../src-main/contract'
import { call, handlers, invoke } from '../../src-main/services'
import { bindContract, trustedSenderCheck, type IpcEventLike } from '../../src-main/electron/ipc'
import { startHarness, type Harness } from '../../src-main/harness/server'
import type { Result } from '../../src-main/core/errors'

let t: TestHome
beforeEach(async () => {
  t = await makeHome()
})
afterEach(() => t.cleanup())

describe('contract', () => {
  it('has exactly one service handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort())
  })
})

describe('Electron IPC binding', () => {
  const rendererFile = '/opt/CaseBinder/resources/app/out/renderer/index.html'
  type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown
  function fakeIpc() {
    const map = new Map<string, Listener>()
    return {
      map,
      handle(channel: string, listener: Listener) {
        if (map.has(channel)) throw new Error(`second handler for ${channel}`)
        map.set(channel, listener)
      }
    }
  }
  const ours: IpcEventLike = { senderFrame: { url: 'file://' + rendererFile + '#/settings/officers' } }

  it('binds every contract channel once, and calls the service behind it', async () => {
    const ipc = fakeIpc()
    const bound = bindContract(ipc, (channel, input) => invoke(t.ctx, channel, input), {
      isTrustedSender: trustedSenderCheck(rendererFile)
    })
    expect([...ipc.map.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort())
    expect(bound).toHaveLength(CHANNELS.length)
    const added = (await ipc.map.get(IPC_PREFIX + 'officers.add')!(ours, {
      name: '王建国',
      certNo: '36040019001',
      validUntil: '2028-01-01'
    })) as Result<{ id: number }>
    expect(added).toMatchObject({ ok: true, value: { id: 1, name: '王建国' } })
    const listed = (await ipc.map.get(IPC_PREFIX + 'officers.list')!(ours, {})) as Result<unknown[]>
    expect(listed.ok && listed.value).toHaveLength(1)
  })

  it('returns validation failures as values, never throwing across the bridge', async () => {
    const ipc = fakeIpc()
    bindContract(ipc, (channel, input) => invoke(t.ctx, channel, input), { isTrustedSender: trustedSenderCheck(rendererFile) })
    const r = (await ipc.map.get(IPC_PREFIX + 'officers.add')!(ours, { name: 'x' })) as Result<unknown>
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('VALIDATION_FAILED')
  })

  it('refuses senders that are not our renderer', () => {
    const ipc = fakeIpc()
    bindContract(ipc, (channel, input) => invoke(t.ctx, channel, input), { isTrustedSender: trustedSenderCheck(rendererFile) })
    for (const url of [
      'https://evil.example/',
      'file:///tmp/other.html',
      '',
      'file:///opt/CaseBinder/resources/app/out/renderer/index.html.evil'
    ]) {
      const r = ipc.map.get(IPC_PREFIX + 'agency.get')!({ senderFrame: { url } }) as Result<unknown>
      expect(!r.ok && r.error.code).toBe('UNAUTHORIZED')
    }
    expect((ipc.map.get(IPC_PREFIX + 'agency.get')!({ senderFrame: null }) as Result<unknown>).ok).toBe(false)
  })

  it('trusts the dev server origin only in development', () => {
    const check = trustedSenderCheck(rendererFile, 'http://localhost:5173')
    expect(check('http://localhost:5173/#/cases')).toBe(true)
    expect(check('http://localhost:5174/')).toBe(false)
    expect(trustedSenderCheck(rendererFile)('http://localhost:5173/')).toBe(false)
  })
})

describe('browser harness', () => {
  let h: Harness
  /** the harness's clock: idle expiry is tested by moving it */
  let clock = Date.now()
  let session = ''
  beforeEach(async () => {
    const staticDir = join(t.dir, 'static')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CaseBinder</title>')
    await call(t.ctx, 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
    clock = Date.now()
    h = await startHarness({ staticDir, context: (emit) => ({ ...t.ctx, emit, now: () => new Date(clock) }) })
    session = await signIn('admin', 'admin-pass-1')
  })
  afterEach(async () => {
    await h.close()
  })
  const post = (channel: string, body: unknown, cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${h.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(body)
    })
  /** signs in and returns the session cookie the harness set */
  async function signIn(login: string, password: string): Promise<string> {
    const res = await post('auth.signIn', { login, password }, `casebinder_token=${h.token}`)
    expect(await res.json()).toMatchObject({ ok: true, value: { login } })
    const set = res.headers.get('set-cookie') ?? ''
    expect(set).toMatch(/^casebinder_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/)
    return set.split(';')[0]!
  }
  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    post(channel, body, `casebinder_token=${h.token}; ${session}`, headers)

  it('needs a signed-in session for every call; signing out and idling end it', async () => {
    const bare = `casebinder_token=${h.token}`
    expect(await (await post('officers.list', {}, bare)).json()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    expect(await (await post('auth.status', {}, bare)).json()).toMatchObject({ ok: true, value: { principal: null, idleMinutes: 30 } })
    // a forged or stale session id is nobody
    expect(await (await post('officers.list', {}, `${bare}; casebinder_session=forged`)).json()).toMatchObject({
      ok: false,
      error: { code: 'AUTH_REQUIRED' }
    })
    // a wrong password sets no cookie
    const wrong = await post('auth.signIn', { login: 'admin', password: 'nope-nope-1' }, bare)
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } })
    expect(wrong.headers.get('set-cookie')).toBeNull()

    expect(await (await api('auth.status', {})).json()).toMatchObject({ ok: true, value: { principal: { login: 'admin' } } })
    // idle for 29 minutes is still signed in (and the call touches the session) …
    clock += 29 * 60_000
    expect(await (await api('officers.list', {})).json()).toMatchObject({ ok: true })
    // … 31 idle minutes end it
    clock += 31 * 60_000
    expect(await (await api('officers.list', {})).json()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })

    session = await signIn('admin', 'admin-pass-1')
    const out = await api('auth.signOut', {})
    expect(await out.json()).toMatchObject({ ok: true })
    expect(out.headers.get('set-cookie')).toMatch(/^casebinder_session=; .*Max-Age=0/)
    expect(await (await api('officers.list', {})).json()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
    const actions = await call(t.ctx, 'audit.list', { limit: 1000 })
    expect(actions.filter((e) => e.action.startsWith('auth.')).map((e) => [e.action, e.actor])).toEqual(
      expect.arrayContaining([
        ['auth.signIn', 'admin'],
        ['auth.signOut', 'admin']
      ])
    )
  })

  it('listens on loopback only and needs the token', async () => {
    expect(h.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${h.origin}/`)).status).toBe(401)
    expect(
      (await fetch(`${h.origin}/api/agency.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status
    ).toBe(401)
    const first = await fetch(h.url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    expect(first.headers.get('set-cookie')).toMatch(/casebinder_token=[0-9a-f]+; HttpOnly; SameSite=Strict/)
    expect(first.headers.get('location')).toBe('/')
    const page = await fetch(`${h.origin}/#/x`, { headers: { cookie: `casebinder_token=${h.token}` } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await page.text()).toContain('<title>CaseBinder</title>')
  })

  it('serves every contract channel with typed results and errors', async () => {
    const ok = await (await api('officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2028-01-01' })).json()
    expect(ok).toMatchObject({ ok: true, value: { id: 1 } })
    const dup = await (await api('officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2028-01-01' })).json()
    expect(dup).toMatchObject({ ok: false, error: { code: 'OFFICER_CERT_DUPLICATE' } })
    expect(await (await api('nope', {})).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    const broken = await fetch(`${h.origin}/api/agency.set`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `casebinder_token=${h.token}; ${session}` },
      body: '{not json'
    })
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('refuses foreign Host headers (DNS rebinding) and cross-origin posts', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((ok, fail) => {
      const req = request(
        `${h.origin}/api/agency.get`,
        { method: 'POST', headers: { host: 'evil.example', cookie: `casebinder_token=${h.token}`, 'content-type': 'application/json' } },
        (res) => ok(res.statusCode ?? 0)
      )
      req.on('error', fail)
      req.end('{}')
    })
    expect(status).toBe(421)
    expect((await api('agency.get', {}, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('pushes data-change events over SSE to a signed-in page only', async () => {
    const refused = await fetch(`${h.origin}/api/events`, { headers: { cookie: `casebinder_token=${h.token}` } })
    expect(refused.status).toBe(401)
    const ac = new AbortController()
    const res = await fetch(`${h.origin}/api/events`, { headers: { cookie: `casebinder_token=${h.token}; ${session}` }, signal: ac.signal })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    await reader.read() // ": connected"
    await api('officers.add', { name: '李晓红', certNo: '36040019002', validUntil: '2028-01-01' })
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toContain('"type":"data.changed","area":"officers","action":"officer.add"')
    ac.abort()
  })
})

describe('CLI', () => {
  // the CLI signs in: an admin is set up first, and the password travels in the environment, never in argv
  beforeEach(async () => {
    await call(t.ctx, 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
  })
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', '--home', t.dir, '--user', 'admin', ...args], {
      encoding: 'utf8',
      env: { ...process.env, CASEBINDER_PASSWORD: 'admin-pass-1' }
    })

  it('adds, lists as JSON, edits and deactivates officers; every call leaves an activity entry', () => {
    t.home.close()
    const add = cli(
      'officers',
      'add',
      '--name',
      '王建国',
      '--cert',
      '36040019001',
      '--valid-until',
      '2030-01-01',
      '--post',
      '科员',
      '--legal-reviewer'
    )
    expect(add.status, add.stderr).toBe(0)
    expect(add.stdout).toMatch(/已新增执法人员 王建国（编号 1）/)
    const edit = cli('officers', 'edit', '1', '--post', '支队长', '--no-legal-reviewer')
    expect(edit.status, edit.stderr).toBe(0)
    const deact = cli('officers', 'deactivate', '1', '--reason', '调离')
    expect(deact.status, deact.stderr).toBe(0)
    const list = cli('officers', 'list', '--all', '--json')
    const parsed = JSON.parse(list.stdout) as { id: number; post: string; legalReviewer: boolean; active: boolean }[]
    expect(parsed).toEqual([expect.objectContaining({ id: 1, post: '支队长', legalReviewer: false, active: false })])
    const log = JSON.parse(cli('audit', 'log', '--json').stdout) as { actor: string; action: string; actorName: string }[]
    // each command signs in first (auth.signIn), then acts under that login
    const changes = log.filter((e) => e.action !== 'auth.signIn')
    expect(changes.slice(0, 3).map((e) => [e.actor, e.actorName, e.action])).toEqual([
      ['admin', '管理员', 'officer.deactivate'],
      ['admin', '管理员', 'officer.edit'],
      ['admin', '管理员', 'officer.add']
    ])
    expect(log.filter((e) => e.action === 'auth.signIn').length).toBeGreaterThanOrEqual(4)
  })

  it('refuses unsigned callers, wrong passwords and callers without the role; bootstraps a new home', () => {
    t.home.close()
    const raw = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env }
      })
    const unsigned = raw({}, '--home', t.dir, 'cases', 'list')
    expect(unsigned.status).toBe(1)
    expect(unsigned.stderr).toMatch(/^casebinder: AUTH_REQUIRED: /)
    const wrong = raw({ CASEBINDER_PASSWORD: 'not-it-123' }, '--home', t.dir, '--user', 'admin', 'cases', 'list')
    expect(wrong.stderr).toMatch(/AUTH_FAILED: 登录名或密码不正确/)
    const add = cli('users', 'add', '--login', 'lixh', '--name', '李晓红', '--role', 'handler', '--new-password-env', 'NEWPW')
    expect(add.status).toBe(1) // the variable is not set
    const added = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        '--home',
        t.dir,
        '--user',
        'admin',
        'users',
        'add',
        '--login',
        'lixh',
        '--name',
        '李晓红',
        '--role',
        'handler',
        '--new-password-env',
        'NEWPW'
      ],
      { encoding: 'utf8', env: { ...process.env, CASEBINDER_PASSWORD: 'admin-pass-1', NEWPW: 'handler-pass-1' } }
    )
    expect(added.status, added.stderr).toBe(0)
    const asHandler = raw(
      { P: 'handler-pass-1' },
      '--home',
      t.dir,
      '--user',
      'lixh',
      '--password-env',
      'P',
      'officers',
      'add',
      '--name',
      '王建国',
      '--cert',
      '36040019001',
      '--valid-until',
      '2030-01-01'
    )
    expect(asHandler.stderr).toMatch(/FORBIDDEN: 只有管理员可以执行此操作/)
    const fresh = join(t.dir, 'fresh')
    const boot = raw(
      { P: 'boss-pass-1' },
      '--home',
      fresh,
      'users',
      'bootstrap',
      '--login',
      'boss',
      '--name',
      '黄志远',
      '--password-env',
      'P'
    )
    expect(boot.status, boot.stderr).toBe(0)
    expect(boot.stdout).toContain('已创建管理员账户 boss')
    expect(raw({ P: 'boss-pass-1' }, '--home', fresh, '--user', 'boss', '--password-env', 'P', 'users', 'list').stdout).toMatch(
      /boss\s+黄志远/
    )
  })

  it('exits non-zero with a one-line message on bad input', () => {
    t.home.close()
    const bad = cli('officers', 'add', '--name', '王建国', '--cert', '1', '--valid-until', '2030-02-30')
    expect(bad.status).toBe(1)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/^casebinder: VALIDATION_FAILED: /)
    const missing = cli('officers', 'edit', '99', '--post', 'x')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/OFFICER_NOT_FOUND/)
    const usage = cli('officers', 'frobnicate')
    expect(usage.status).toBe(2)
    const agency = cli('agency', 'set', '--name', '某局', '--credit-code', '123')
    expect(agency.status).toBe(1)
    expect(agency.stderr).toMatch(/统一社会信用代码应为18位/)
  })

  it('sets the agency in steps and exports the lists', () => {
    t.home.close()
    expect(cli('demo', '--cases', '0').status).toBe(0)
    const set = cli('agency', 'set', '--phone', '13812345678', '--json')
    expect(set.status, set.stderr).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject({ name: '江州市应急管理局', phone: '13812345678' })
    const out = join(t.dir, 'lists')
    const exp = cli('lists', 'export', '--out', out, '--json')
    expect(exp.status, exp.stderr).toBe(0)
    expect((JSON.parse(exp.stdout) as { files: string[] }).files).toHaveLength(3)
  })
})
