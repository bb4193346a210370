/**
 * The agency's users as the services show them (never with the password hash), and what the user channels take.
 * Roles and the access rules are in core/roles.ts.
 */
import { z } from 'zod'
import { ROLES } from './roles'

export const RolesSchema = z.array(z.enum(ROLES)).min(1, { message: '请至少选择一个角色' })

export const loginField = z
  .string()
  .trim()
  .min(2, { message: '登录名至少 2 个字符' })
  .max(32, { message: '登录名最长 32 个字符' })
  .regex(/^[A-Za-z0-9._-]+$/, { message: '登录名只能包含字母、数字、点、下划线和连字符' })

export const userNameField = z.string().trim().min(1, { message: '请填写姓名' }).max(30)

/** A password as typed: its strength is checked by the service (passwordProblem), not here. */
export const passwordField = z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码最长 128 位' })

export const UserSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  officerId: z.number().int().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  /** consecutive failed sign-ins since the last success */
  failedAttempts: z.number().int(),
  /** ISO time until which sign-in is refused, or null */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type User = z.output<typeof UserSchema>

/**
 * One active user as the pickers show them to everyone signed in (users.directory): who they are, what roles they
 * hold and their officer record; never the password, the lock state or the sign-in history.
 */
export const DirectoryEntrySchema = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  officerId: z.number().int().nullable()
})
export type DirectoryEntry = z.output<typeof DirectoryEntrySchema>

/** The directory's entry for a user: the picker's part of the account, nothing of its secrets. */
export function directoryEntry(u: User): DirectoryEntry {
  return { id: u.id, login: u.login, name: u.name, roles: u.roles, officerId: u.officerId }
}

/** Sign-in lockout: this many consecutive failures lock the account for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5
export const LOCK_MINUTES = 15

/** The end of a sign-in lock still running at `now` (epoch ms), or null: one rule for sign-in and the users page. */
export function activeLock(u: { lockedUntil: string | null }, now: number): string | null {
  return u.lockedUntil && Date.parse(u.lockedUntil) > now ? u.lockedUntil : null
}

/** Idle sessions end after this many minutes unless the agency sets another time (settings key auth.idleMinutes). */
export const IDLE_MINUTES_DEFAULT = 30
export const IdleMinutesSchema = z
  .number()
  .int({ message: '请填写整数分钟' })
  .min(5, { message: '空闲锁定时间至少 5 分钟' })
  .max(480, { message: '空闲锁定时间最长 480 分钟' })

/** A demo account as the demo load reports it and a demo home's sign-in screen lists it (never a password hash). */
export const DemoAccountSchema = z.object({ login: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)) })
