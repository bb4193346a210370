/** The users who sign in (migration 6). The password hash is read only by `findUserCredentials`, for sign-in. */
import { RolesSchema, type User } from '../../core/users'
import type { Role } from '../../core/roles'
import type { Db } from '../db'
import { parseJsonColumn } from '../json'

interface Row {
  id: number
  login: string
  name: string
  officer_id: number | null
  roles: string
  password_hash: string
  active: number
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
    active: r.active === 1,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY id').all() as Row[]).map(fromRow)
}

export function findUser(db: Db, id: number): User | null {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined
  return r ? fromRow(r) : null
}

/** By login, whatever its case (the column is COLLATE NOCASE). */
export function findUserByLogin(db: Db, login: string): User | null {
  const r = db.prepare('SELECT * FROM users WHERE login = ?').get(login) as Row | undefined
  return r ? fromRow(r) : null
}

export function findUserByOfficer(db: Db, officerId: number): User | null {
  const r = db.prepare('SELECT * FROM users WHERE officer_id = ?').get(officerId) as Row | undefined
  return r ? fromRow(r) : null
}

/** The user and their password hash, for sign-in and password change only. */
export function findUserCredentials(db: Db, login: string): { user: User; passwordHash: string } | null {
  const r = db.prepare('SELECT * FROM users WHERE login = ?').get(login) as Row | undefined
  return r ? { user: fromRow(r), passwordHash: r.password_hash } : null
}

export function passwordHashOf(db: Db, id: number): string | null {
  const r = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string } | undefined
  return r?.password_hash ?? null
}

export function insertUser(
  db: Db,
  u: { login: string; name: string; officerId: number | null; roles: readonly Role[]; passwordHash: string },
  at: string
): number {
  const info = db
    .prepare(
      `INSERT INTO users (login, name, officer_id, roles, password_hash, active, failed_attempts, locked_until, created_at, updated_at)
       VALUES (@login, @name, @officerId, @roles, @passwordHash, 1, 0, NULL, @at, @at)`
    )
    .run({ ...u, roles: JSON.stringify(u.roles), at })
  return Number(info.lastInsertRowid)
}

/** Name, officer link, roles and active flag. */
export function updateUser(db: Db, u: User): void {
  db.prepare(
    `UPDATE users SET name = @name, officer_id = @officerId, roles = @roles, active = @active, updated_at = @updatedAt WHERE id = @id`
  ).run({
    id: u.id,
    name: u.name,
    officerId: u.officerId,
    roles: JSON.stringify(u.roles),
    active: u.active ? 1 : 0,
    updatedAt: u.updatedAt
  })
}

/** A new password: clears the failure count and any lock. */
export function setPasswordHash(db: Db, id: number, passwordHash: string, at: string): void {
  db.prepare('UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
    passwordHash,
    at,
    id
  )
}

/** The sign-in counter and lock (not an edit of the user: updated_at stays). */
export function setSignInState(db: Db, id: number, failedAttempts: number, lockedUntil: string | null): void {
  db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id)
}
