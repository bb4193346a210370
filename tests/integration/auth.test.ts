/**
 * Signing in and the accounts (services/auth.ts, services/users.ts): first-run setup, the lockout after repeated
 * failures, password change and reset, deactivation; passwords never reach the activity record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeHome, type TestHome } from '../helpers'
import { call, createContext, invoke, type ServiceContext } from '../../src-main/services'
import { hashPassword, verifyPassword } from '../../src-main/services/passwords'
import type { Principal } from '../../src-main/core/roles'

let t: TestHome
beforeEach(async () => {
  t = await makeHome()
})
afterEach(() => t.cleanup())

const door = (principal: Principal | null = null): ServiceContext =>
  createContext(t.home, { actor: 'door', now: () => t.ctx.now(), requireAuth: true, principal, version: 'test' })

async function refusal(ctx: ServiceContext, channel: string, input: unknown) {
  const r = await invoke(ctx, channel, input)
  if (r.ok) throw new Error(`${channel} succeeded`)
  return r.error
}

const setUp = async () => {
  const admin = await call(door(), 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
  const adminCtx = door(await call(door(), 'auth.signIn', { login: 'admin', password: 'admin-pass-1' }))
  const user = await call(adminCtx, 'users.add', { login: 'WangJG', name: '王建国', roles: ['handler'], password: 'handler-pass-1' })
  return { admin, adminCtx, user }
}

describe('first run', () => {
  it('creates the first admin only while the home has no users', async () => {
    expect(await call(door(), 'auth.status', {})).toEqual({
      setupRequired: true,
      principal: null,
      idleMinutes: 30,
      // before setup an unsigned caller may only set the home up (or load the demo into it)
      may: ['app.info', 'demo.load', 'auth.status', 'auth.signIn', 'auth.signOut', 'users.bootstrap'],
      demo: null
    })
    const admin = await call(door(), 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
    expect(admin).toMatchObject({ login: 'admin', roles: ['admin'], active: true })
    expect((await call(door(), 'auth.status', {})).setupRequired).toBe(false)
    // again, unsigned: the setup rule now wants an admin; signed in as the admin: the handler says setup is done
    expect((await refusal(door(), 'users.bootstrap', { login: 'admin2', name: '又一个', password: 'admin-pass-2' })).code).toBe(
      'AUTH_REQUIRED'
    )
    const p = await call(door(), 'auth.signIn', { login: 'admin', password: 'admin-pass-1' })
    // the admin's roles may manage users and the agency but not handle cases
    const may = (await call(door(p), 'auth.status', {})).may
    expect(may).toEqual(expect.arrayContaining(['users.add', 'agency.set', 'auth.setIdleMinutes']))
    expect(may).not.toContain('cases.register')
    expect(may).not.toContain('reviews.decide')
    expect((await refusal(door(p), 'users.bootstrap', { login: 'admin2', name: '又一个', password: 'admin-pass-2' })).code).toBe(
      'SETUP_DONE'
    )
    expect((await refusal(t.ctx, 'users.bootstrap', { login: 'admin2', name: '又一个', password: 'admin-pass-2' })).code).toBe('SETUP_DONE')
  })

  it('refuses a weak first password', async () => {
    expect(await refusal(door(), 'users.bootstrap', { login: 'admin', name: '管理员', password: 'short1' })).toMatchObject({
      code: 'PASSWORD_WEAK',
      details: { issues: [{ path: 'password' }] }
    })
  })
})

describe('sign-in', () => {
  it('signs in whatever the case of the login, and records it under that user', async () => {
    const { user } = await setUp()
    const p = await call(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })
    expect(p).toEqual({ userId: user.id, login: 'WangJG', name: '王建国', officerId: null, roles: ['handler'] })
    const entry = (await call(t.ctx, 'audit.list', { limit: 1 }))[0]!
    expect(entry).toMatchObject({ action: 'auth.signIn', actor: 'WangJG', actorUserId: user.id, actorName: '王建国' })
    expect((await call(door(p), 'auth.status', {})).principal).toEqual(p)
  })

  it('gives one message for a wrong password and an unknown login', async () => {
    await setUp()
    const wrong = await refusal(door(), 'auth.signIn', { login: 'wangjg', password: 'not-the-one-1' })
    const unknown = await refusal(door(), 'auth.signIn', { login: 'nobody', password: 'not-the-one-1' })
    expect(wrong).toEqual({ code: 'AUTH_FAILED', message: '登录名或密码不正确' })
    expect(unknown).toEqual(wrong)
  })

  it('locks after 5 consecutive failures, refuses even the right password, and lets in once the lock expires', async () => {
    const { user } = await setUp()
    const attempt = (password: string) => invoke(door(), 'auth.signIn', { login: 'wangjg', password })
    for (let i = 1; i <= 4; i++) expect(!(await attempt('wrong-pass-1')).ok).toBe(true)
    expect((await call(t.ctx, 'users.list', {})).find((u) => u.id === user.id)!.failedAttempts).toBe(4)
    const fifth = await attempt('wrong-pass-1')
    // the clock is 2026-11-25 10:00 China time: locked for 15 minutes
    expect(!fifth.ok && fifth.error).toMatchObject({ code: 'AUTH_LOCKED', details: { unlocksAt: '2026-11-25 10:15' } })
    expect(!fifth.ok && fifth.error.message).toContain('2026-11-25 10:15')
    const right = await attempt('handler-pass-1')
    expect(!right.ok && right.error.code).toBe('AUTH_LOCKED')
    expect((await call(t.ctx, 'audit.list', { limit: 5 })).map((e) => e.action)).toContain('user.locked')
    t.setNow('2026-11-25T02:14:59Z')
    expect(!(await attempt('handler-pass-1')).ok).toBe(true)
    t.setNow('2026-11-25T02:15:01Z')
    expect((await attempt('handler-pass-1')).ok).toBe(true)
    expect((await call(t.ctx, 'users.list', {})).find((u) => u.id === user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null })
  })

  it('resets the failure count on success', async () => {
    const { user } = await setUp()
    for (let i = 0; i < 4; i++) await invoke(door(), 'auth.signIn', { login: 'wangjg', password: 'wrong-pass-1' })
    await call(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })
    for (let i = 0; i < 4; i++) await invoke(door(), 'auth.signIn', { login: 'wangjg', password: 'wrong-pass-1' })
    expect((await call(t.ctx, 'users.list', {})).find((u) => u.id === user.id)).toMatchObject({ failedAttempts: 4, lockedUntil: null })
  })

  it('refuses a deactivated user, and a signed-in one deactivated since', async () => {
    const { adminCtx, user } = await setUp()
    const p = await call(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })
    await call(adminCtx, 'users.edit', { id: user.id, patch: { active: false } })
    expect((await refusal(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })).code).toBe('AUTH_INACTIVE')
    expect((await refusal(door(p), 'cases.list', {})).code).toBe('AUTH_REQUIRED')
  })

  it('acts with the roles the store has now, not those of sign-in', async () => {
    const { adminCtx, user } = await setUp()
    const p = await call(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })
    expect((await invoke(door(p), 'cases.list', {})).ok).toBe(true)
    await call(adminCtx, 'users.edit', { id: user.id, patch: { roles: ['admin'] } })
    expect((await refusal(door(p), 'cases.list', {})).code).toBe('FORBIDDEN')
  })
})

describe('passwords', () => {
  it('changes one own password with the current one', async () => {
    await setUp()
    const ctx = door(await call(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' }))
    expect((await refusal(ctx, 'auth.changePassword', { current: 'wrong-pass-1', next: 'new-pass-12' })).code).toBe('AUTH_FAILED')
    expect((await refusal(ctx, 'auth.changePassword', { current: 'handler-pass-1', next: 'weak' })).code).toBe('PASSWORD_WEAK')
    await call(ctx, 'auth.changePassword', { current: 'handler-pass-1', next: 'new-pass-12' })
    expect((await invoke(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })).ok).toBe(false)
    expect((await invoke(door(), 'auth.signIn', { login: 'wangjg', password: 'new-pass-12' })).ok).toBe(true)
    expect((await refusal(door(), 'auth.changePassword', { current: 'x', next: 'new-pass-13' })).code).toBe('AUTH_REQUIRED')
  })

  it('lets an admin reset a password, and clears a lock', async () => {
    const { adminCtx, user } = await setUp()
    for (let i = 0; i < 5; i++) await invoke(door(), 'auth.signIn', { login: 'wangjg', password: 'wrong-pass-1' })
    expect((await refusal(door(), 'auth.signIn', { login: 'wangjg', password: 'handler-pass-1' })).code).toBe('AUTH_LOCKED')
    await call(adminCtx, 'users.resetPassword', { id: user.id, password: 'reset-pass-1' })
    expect((await call(door(), 'auth.signIn', { login: 'wangjg', password: 'reset-pass-1' })).userId).toBe(user.id)
    const asHandler = door(await call(door(), 'auth.signIn', { login: 'wangjg', password: 'reset-pass-1' }))
    expect((await refusal(asHandler, 'users.resetPassword', { id: user.id, password: 'reset-pass-2' })).code).toBe('FORBIDDEN')
  })

  it('keeps the last admin', async () => {
    const { admin, adminCtx } = await setUp()
    expect((await refusal(adminCtx, 'users.edit', { id: admin.id, patch: { active: false } })).code).toBe('USER_LAST_ADMIN')
    expect((await refusal(adminCtx, 'users.edit', { id: admin.id, patch: { roles: ['head'] } })).code).toBe('USER_LAST_ADMIN')
  })

  it('never writes a password or its hash to the activity record', async () => {
    const { adminCtx, user } = await setUp()
    await call(adminCtx, 'users.resetPassword', { id: user.id, password: 'reset-pass-1' })
    const all = JSON.stringify(t.home.db.prepare('SELECT * FROM activity_log').all())
    for (const secret of ['admin-pass-1', 'handler-pass-1', 'reset-pass-1', 'scrypt$']) expect(all).not.toContain(secret)
  })

  it('hashes with the real default parameters (N = 2^17) when the test override is absent', () => {
    const saved = process.env.CASEBINDER_KDF_LOG2N
    delete process.env.CASEBINDER_KDF_LOG2N
    try {
      const stored = hashPassword('real-cost-1')
      expect(stored).toMatch(/^scrypt\$17\$8\$1\$/)
      expect(verifyPassword('real-cost-1', stored)).toBe(true)
      expect(verifyPassword('real-cost-2', stored)).toBe(false)
    } finally {
      process.env.CASEBINDER_KDF_LOG2N = saved
    }
    expect(hashPassword('x')).toMatch(/^scrypt\$12\$/)
  })
})
