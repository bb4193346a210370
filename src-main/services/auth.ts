/**
 * Signing in: the home's setup state, sign-in with a lockout after repeated failures, and a user's own password
 * change. A door calls `auth.signIn` and carries the returned principal in its context; `invoke` then checks every
 * call against the channel's access rule (authorize.ts).
 */
import { appError } from '../core/errors'
import { localDateTimeOf } from '../core/dates'
import type { Principal } from '../core/roles'
import { activeLock, LOCK_MINUTES, MAX_FAILED_SIGN_INS, type DemoAccountSchema, type User } from '../core/users'
import { countUsers, findUser, findUserCredentials, passwordHashOf, setPasswordHash, setSignInState } from '../store/repos/users'
import { change, transact, type ServiceContext } from './context'
import { hashPassword, verifyPassword } from './passwords'
import { assertPasswordStrong } from './users'
import { idleMinutes } from './sessions'
import { getSetting, setSetting } from '../store/settings'
import type { z } from 'zod'
import { CHANNELS } from '../contract'
import { ACCESS } from '../contract/access'
import { roleRefusal } from '../core/roles'
import { DEMO_PASSWORD } from '../demo/material'

export function principalOf(u: User): Principal {
  return { userId: u.id, login: u.login, name: u.name, officerId: u.officerId, roles: u.roles }
}

type DemoAccount = z.output<typeof DemoAccountSchema>

/**
 * What a door's UI needs before and after sign-in: whether the home still needs its first admin, who is signed in,
 * the idle time, the channels the caller's roles may call (the UI offers only those; the per-case part is still
 * checked on each call), and on a demo home its accounts.
 */
export async function authStatus(ctx: ServiceContext) {
  const hasUsers = (await countUsers(ctx.home.store)) > 0
  const may = CHANNELS.filter((c) => roleRefusal(ACCESS[c], ctx.principal, hasUsers) === null)
  const accounts = await getSetting<DemoAccount[] | null>(ctx.home.store, 'demo.accounts', null)
  return {
    setupRequired: !hasUsers,
    principal: ctx.principal,
    idleMinutes: await idleMinutes(ctx),
    may,
    demo: accounts ? { password: DEMO_PASSWORD, accounts } : null
  }
}

const SIGN_OUT_REASONS = { user: '退出登录', idle: '空闲超时，屏幕已锁定', lock: '锁定屏幕' } as const

/** The door closes its session after this answers; a signed-in caller's leaving is recorded (idle or by hand). */
export async function authSignOut(ctx: ServiceContext, input: { reason: 'user' | 'idle' | 'lock' }): Promise<Record<string, never>> {
  const me = ctx.principal
  if (me) {
    await transact(ctx, (tx) =>
      tx.record('auth', {
        action: 'auth.signOut',
        targetType: 'user',
        targetId: me.userId,
        summary: `${me.name}（${me.login}）${SIGN_OUT_REASONS[input.reason]}`,
        detail: { reason: input.reason }
      })
    )
  }
  return {}
}

export async function authSetIdleMinutes(ctx: ServiceContext, input: { minutes: number }): Promise<{ idleMinutes: number }> {
  const before = await idleMinutes(ctx)
  await transact(ctx, async (tx) => {
    await setSetting(tx.db, 'auth.idleMinutes', input.minutes)
    await tx.record('settings', {
      action: 'auth.idle_minutes',
      targetType: 'setting',
      targetId: null,
      summary: `空闲锁定时间由 ${before} 分钟改为 ${input.minutes} 分钟`,
      detail: { before, after: input.minutes }
    })
  })
  return { idleMinutes: input.minutes }
}

/**
 * A hash to verify against when the login is unknown, so that an unknown login costs the same time as a wrong
 * password and the answer does not tell them apart. Made once per process, on first need.
 */
let decoy: string | null = null
const decoyHash = () => (decoy ??= hashPassword('casebinder-decoy-password-0'))

const failed = () => appError('AUTH_FAILED', '登录名或密码不正确')

function lockedError(until: string) {
  const unlocksAt = localDateTimeOf(new Date(until))
  return appError('AUTH_LOCKED', `连续 ${MAX_FAILED_SIGN_INS} 次登录失败，账户已锁定，${unlocksAt} 后可再次登录`, {
    unlocksAt,
    lockedUntil: until
  })
}

export async function authSignIn(ctx: ServiceContext, input: { login: string; password: string }): Promise<Principal> {
  const db = ctx.home.store
  const now = ctx.now()
  const found = await findUserCredentials(db, input.login)
  if (!found) {
    verifyPassword(input.password, decoyHash())
    throw failed()
  }
  const { user, passwordHash } = found
  const lock = activeLock(user, now.getTime())
  if (lock) throw lockedError(lock)
  if (!verifyPassword(input.password, passwordHash)) {
    // The failure is counted (and a lockout recorded) in a transaction of its own that commits even though the
    // call then fails: a refused sign-in must still count towards the lock. A lock that has run out starts afresh.
    const before = user.lockedUntil ? 0 : user.failedAttempts
    const attempts = before + 1
    const lockedUntil = attempts >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
    await transact(ctx, async (tx) => {
      await setSignInState(tx.db, user.id, attempts, lockedUntil)
      if (lockedUntil)
        await tx.record('users', {
          action: 'user.locked',
          targetType: 'user',
          targetId: user.id,
          summary: `账户 ${user.login} 连续 ${attempts} 次登录失败，锁定至 ${localDateTimeOf(new Date(lockedUntil))}`,
          detail: { userId: user.id, attempts, lockedUntil }
        })
    })
    throw lockedUntil ? lockedError(lockedUntil) : failed()
  }
  if (!user.active) throw appError('AUTH_INACTIVE', `账户 ${user.login} 已停用，请联系管理员`)
  const principal = principalOf(user)
  // the entry names the user signing in: the context has no principal yet
  await transact({ ...ctx, principal }, async (tx) => {
    await setSignInState(tx.db, user.id, 0, null)
    await tx.record('auth', {
      action: 'auth.signIn',
      targetType: 'user',
      targetId: user.id,
      summary: `${user.name}（${user.login}）登录`,
      detail: {}
    })
  })
  return principal
}

export async function authChangePassword(ctx: ServiceContext, input: { current: string; next: string }): Promise<User> {
  const me = ctx.principal
  if (!me) throw appError('AUTH_REQUIRED', '请先登录')
  const stored = await passwordHashOf(ctx.home.store, me.userId)
  if (!stored || !verifyPassword(input.current, stored)) {
    throw appError('AUTH_FAILED', '当前密码不正确', { issues: [{ path: 'current', message: '当前密码不正确' }] })
  }
  assertPasswordStrong(input.next, 'next')
  const passwordHash = hashPassword(input.next)
  return change(
    ctx,
    'users',
    async (db, at) => {
      await setPasswordHash(db, me.userId, passwordHash, at)
      return (await findUser(db, me.userId))!
    },
    (u) => ({
      action: 'user.password_change',
      targetType: 'user',
      targetId: u.id,
      summary: `${u.login} 修改了自己的密码`,
      detail: { userId: u.id }
    })
  )
}
