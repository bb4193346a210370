/**
 * The agency's user accounts: the first admin (users.bootstrap, only on a home without users), and the admin's
 * list, add, edit and password reset. Passwords are hashed here (passwords.ts) and never reach the activity record:
 * its entries carry the user as `users.list` shows it, without the hash.
 */
import { appError } from '../core/errors'
import type { Role } from '../core/roles'
import { directoryEntry, type DirectoryEntry, type User } from '../core/users'
import type { Scope } from '../store/engine/engine'
import { findOfficer } from '../store/repos/officers'
import {
  countUsers,
  findUser,
  findUserByLogin,
  findUserByOfficer,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUser
} from '../store/repos/users'
import { change, type ServiceContext } from './context'
import { hashPassword, passwordProblem } from './passwords'

export async function mustUser(db: Scope, id: number): Promise<User> {
  const u = await findUser(db, id)
  if (!u) throw appError('USER_NOT_FOUND', `未找到编号为 ${id} 的用户`, { id })
  return u
}

/** A new password must pass `passwordProblem`; `path` names the field in the error. */
export function assertPasswordStrong(password: string, path: string): void {
  const problem = passwordProblem(password)
  if (problem) throw appError('PASSWORD_WEAK', problem, { issues: [{ path, message: problem }] })
}

async function assertLoginFree(db: Scope, login: string): Promise<void> {
  if (await findUserByLogin(db, login)) {
    throw appError('USER_LOGIN_TAKEN', `登录名 ${login} 已被使用`, { issues: [{ path: 'login', message: '登录名已被使用' }] })
  }
}

async function assertOfficerLinkable(db: Scope, officerId: number | null, exceptUserId?: number): Promise<void> {
  if (officerId === null) return
  if (!(await findOfficer(db, officerId))) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${officerId} 的执法人员`, { id: officerId })
  const holder = await findUserByOfficer(db, officerId)
  if (holder && holder.id !== exceptUserId) {
    throw appError('USER_OFFICER_TAKEN', `该执法人员已关联账户 ${holder.login}`, {
      issues: [{ path: 'officerId', message: `已关联账户 ${holder.login}` }]
    })
  }
}

/** A new account (the officer link checked), as stored. */
async function createUser(
  db: Scope,
  u: { login: string; name: string; officerId: number | null; roles: Role[]; passwordHash: string },
  at: string
): Promise<User> {
  await assertOfficerLinkable(db, u.officerId)
  return (await findUser(
    db,
    await insertUser(db, { login: u.login, name: u.name, officerId: u.officerId, roles: u.roles, passwordHash: u.passwordHash }, at)
  ))!
}

const activeAdmins = async (db: Scope) => (await listUsers(db)).filter((u) => u.active && u.roles.includes('admin'))

export async function usersBootstrap(
  ctx: ServiceContext,
  input: { login: string; name: string; password: string; officerId: number | null }
): Promise<User> {
  assertPasswordStrong(input.password, 'password')
  // hashed before the transaction opens: the KDF takes a moment and must not hold the write lock
  const passwordHash = hashPassword(input.password)
  return change(
    ctx,
    'users',
    async (db, at) => {
      if ((await countUsers(db)) > 0) throw appError('SETUP_DONE', '已经创建过管理员账户，请使用已有账户登录')
      return createUser(db, { ...input, roles: ['admin'], passwordHash }, at)
    },
    (u) => ({
      action: 'user.bootstrap',
      targetType: 'user',
      targetId: u.id,
      summary: `创建首个管理员账户 ${u.login}（${u.name}）`,
      detail: { after: u }
    })
  )
}

export async function usersList(ctx: ServiceContext): Promise<User[]> {
  return listUsers(ctx.home.store)
}

/** The active users for the pickers (attendees of a collective discussion, …): no secrets, no lock state. */
export async function usersDirectory(ctx: ServiceContext): Promise<DirectoryEntry[]> {
  return (await listUsers(ctx.home.store)).filter((u) => u.active).map(directoryEntry)
}

export async function usersAdd(
  ctx: ServiceContext,
  input: { login: string; name: string; roles: Role[]; officerId: number | null; password: string }
): Promise<User> {
  assertPasswordStrong(input.password, 'password')
  const passwordHash = hashPassword(input.password)
  return change(
    ctx,
    'users',
    async (db, at) => {
      await assertLoginFree(db, input.login)
      return createUser(db, { ...input, roles: [...new Set(input.roles)], passwordHash }, at)
    },
    (u) => ({ action: 'user.add', targetType: 'user', targetId: u.id, summary: `新增用户 ${u.login}（${u.name}）`, detail: { after: u } })
  )
}

export async function usersEdit(
  ctx: ServiceContext,
  input: {
    id: number
    patch: { name?: string | undefined; roles?: Role[] | undefined; officerId?: number | null | undefined; active?: boolean | undefined }
  }
): Promise<User> {
  return (
    await change(
      ctx,
      'users',
      async (db, at) => {
        const before = await mustUser(db, input.id)
        const p = input.patch
        const after: User = {
          ...before,
          ...(p.name !== undefined ? { name: p.name } : {}),
          ...(p.roles !== undefined ? { roles: [...new Set(p.roles)] } : {}),
          ...(p.officerId !== undefined ? { officerId: p.officerId } : {}),
          ...(p.active !== undefined ? { active: p.active } : {}),
          updatedAt: at
        }
        if (after.officerId !== before.officerId) await assertOfficerLinkable(db, after.officerId, before.id)
        const isAdmin = (u: User) => u.active && u.roles.includes('admin')
        if (isAdmin(before) && !isAdmin(after) && (await activeAdmins(db)).length <= 1) {
          throw appError('USER_LAST_ADMIN', `${before.login} 是唯一在用的管理员账户，不能停用或取消其管理员角色`)
        }
        await updateUser(db, after)
        return { before, after }
      },
      ({ before, after }) => ({
        action: 'user.edit',
        targetType: 'user',
        targetId: after.id,
        summary: `修改用户 ${after.login}${before.active !== after.active ? (after.active ? '（恢复使用）' : '（停用）') : ''}`,
        detail: { before, after }
      })
    )
  ).after
}

export async function usersResetPassword(ctx: ServiceContext, input: { id: number; password: string }): Promise<User> {
  assertPasswordStrong(input.password, 'password')
  const passwordHash = hashPassword(input.password)
  return change(
    ctx,
    'users',
    async (db, at) => {
      await mustUser(db, input.id)
      await setPasswordHash(db, input.id, passwordHash, at)
      return (await findUser(db, input.id))!
    },
    // the entry says that the password was reset, never what to
    (u) => ({
      action: 'user.password_reset',
      targetType: 'user',
      targetId: u.id,
      summary: `重置用户 ${u.login} 的密码`,
      detail: { userId: u.id }
    })
  )
}
