/** The users who sign in (migration 6). The password hash is read only by `findUserCredentials`, for sign-in. */
import { RolesSchema, type User } from '../../core/users'
import type { Role } from '../../core/roles'
import { isSet, type Scope } from '../engine/engine'
import { parseJsonColumn } from '../json'
import * as q from '../engine/sql'

interface Row {
  id: number
  login: string
  name: string
  officer_id: number | null
  roles: string
  password_hash: string
  active: number | boolean
  failed_attempts: number
  locked_until: string | null
  created_at: string
  updated_at: string
}

function fromRow(r: Row): User {
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    officerId: r.officer_id,
    roles: parseJsonColumn(RolesSchema, r.roles, { table: 'users', column: 'roles', id: r.id }),
    active: isSet(r.active),
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export async function countUsers(db: Scope): Promise<number> {
  return ((await q.get(db, 'SELECT COUNT(*) AS n FROM users')) as { n: number }).n
}

export async function listUsers(db: Scope): Promise<User[]> {
  return ((await q.all(db, 'SELECT * FROM users ORDER BY id')) as Row[]).map(fromRow)
}

export async function findUser(db: Scope, id: number): Promise<User | null> {
  const r = (await q.get(db, 'SELECT * FROM users WHERE id = ?', [id])) as Row | undefined
  return r ? fromRow(r) : null
}

/** By login, whatever its case (the column is COLLATE NOCASE). */
export async function findUserByLogin(db: Scope, login: string): Promise<User | null> {
  const r = (await q.get(db, 'SELECT * FROM users WHERE login = ?', [login])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function findUserByOfficer(db: Scope, officerId: number): Promise<User | null> {
  const r = (await q.get(db, 'SELECT * FROM users WHERE officer_id = ?', [officerId])) as Row | undefined
  return r ? fromRow(r) : null
}

/** The user and their password hash, for sign-in and password change only. */
export async function findUserCredentials(db: Scope, login: string): Promise<{ user: User; passwordHash: string } | null> {
  const r = (await q.get(db, 'SELECT * FROM users WHERE login = ?', [login])) as Row | undefined
  return r ? { user: fromRow(r), passwordHash: r.password_hash } : null
}

export async function passwordHashOf(db: Scope, id: number): Promise<string | null> {
  const r = (await q.get(db, 'SELECT password_hash FROM users WHERE id = ?', [id])) as { password_hash: string } | undefined
  return r?.password_hash ?? null
}

export async function insertUser(
  db: Scope,
  u: { login: string; name: string; officerId: number | null; roles: readonly Role[]; passwordHash: string },
  at: string
): Promise<number> {
  return q.insert(
    db,
    `INSERT INTO users (login, name, officer_id, roles, password_hash, active, failed_attempts, locked_until, created_at, updated_at)
       VALUES (@login, @name, @officerId, @roles, @passwordHash, TRUE, 0, NULL, @at, @at)`,
    { ...u, roles: JSON.stringify(u.roles), at }
  )
}

/** Name, officer link, roles and active flag. */
export async function updateUser(db: Scope, u: User): Promise<void> {
  await q.run(
    db,
    `UPDATE users SET name = @name, officer_id = @officerId, roles = @roles, active = @active, updated_at = @updatedAt WHERE id = @id`,
    {
      id: u.id,
      name: u.name,
      officerId: u.officerId,
      roles: JSON.stringify(u.roles),
      active: u.active ? 1 : 0,
      updatedAt: u.updatedAt
    }
  )
}

/** A new password: clears the failure count and any lock. */
export async function setPasswordHash(db: Scope, id: number, passwordHash: string, at: string): Promise<void> {
  await q.run(db, 'UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [
    passwordHash,
    at,
    id
  ])
}

/** The sign-in counter and lock (not an edit of the user: updated_at stays). */
export async function setSignInState(db: Scope, id: number, failedAttempts: number, lockedUntil: string | null): Promise<void> {
  await q.run(db, 'UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?', [failedAttempts, lockedUntil, id])
}
