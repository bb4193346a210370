/**
 * Sign-in sessions of the doors that stay open (the Electron window's backend, the harness's browsers). A door
 * keeps a session table, passes each call with the caller's session id through `sessionCall`, and carries the id
 * the way it can (the harness in an HttpOnly SameSite=Strict cookie, the backend in its one window). A session
 * ends when its user signs out, or when it has been idle for the agency's idle time (auth.idleMinutes, default
 * 30 minutes); the next call then meets AUTH_REQUIRED and the UI locks its screen (unsaved drafts stay in the
 * page) until the user signs in again. The CLI signs in per command and has no session.
 */
import { randomBytes } from 'node:crypto'
import type { Result } from '../core/errors'
import type { Principal } from '../core/roles'
import { IDLE_MINUTES_DEFAULT } from '../core/users'
import { getSetting } from '../store/settings'
import type { ServiceContext } from './context'
import { unavailableError } from './unavailable'

interface Session {
  principal: Principal
  lastSeen: number
}

export class SessionTable {
  private readonly sessions = new Map<string, Session>()

  open(principal: Principal, now: number): string {
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, { principal, lastSeen: now })
    return id
  }

  /** The session's principal, touched; null (and the session dropped) once it has been idle longer than idleMs. */
  resolve(id: string | null, now: number, idleMs: number): Principal | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s) return null
    if (now - s.lastSeen > idleMs) {
      this.sessions.delete(id)
      return null
    }
    s.lastSeen = now
    return s.principal
  }

  /** Whether the session is live, without touching it (an event pushed to a stream is not the user's activity). */
  alive(id: string | null, now: number, idleMs: number): boolean {
    const s = id ? this.sessions.get(id) : undefined
    return s !== undefined && now - s.lastSeen <= idleMs
  }

  /** The live session's principal, without touching it (whose stream an event may go to). */
  peek(id: string | null, now: number, idleMs: number): Principal | null {
    const s = id ? this.sessions.get(id) : undefined
    return s !== undefined && now - s.lastSeen <= idleMs ? s.principal : null
  }

  close(id: string | null): void {
    if (id) this.sessions.delete(id)
  }

  get size(): number {
    return this.sessions.size
  }
}

/** The agency's idle time, in minutes (settings key auth.idleMinutes). */
export async function idleMinutes(ctx: ServiceContext): Promise<number> {
  return getSetting<number>(ctx.home.store, 'auth.idleMinutes', IDLE_MINUTES_DEFAULT)
}

export type Invoke = (ctx: ServiceContext, channel: string, input: unknown) => Promise<Result<unknown>>

export interface SessionOutcome {
  result: Result<unknown>
  /** a session opened by this call (a successful sign-in): the door hands the id to the caller */
  opened?: string
  /** the caller's session ended (signed out, or a new sign-in replaced it): the door forgets the id */
  closed?: boolean
  /** who made the call (after a successful sign-in: who signed in); null for nobody. For the door's access log. */
  principal: Principal | null
}

/**
 * One call at a door with sessions: the caller's principal is the live session's (or none), every call requires
 * sign-in, and sign-in / sign-out open and close the session around the service's own answer.
 */
export async function sessionCall(
  ctx: ServiceContext,
  table: SessionTable,
  sessionId: string | null,
  channel: string,
  input: unknown,
  invoke: Invoke
): Promise<SessionOutcome> {
  const now = ctx.now().getTime()
  let idle: number
  try {
    idle = await idleMinutes(ctx)
  } catch (err) {
    // the session's idle time is a setting: without the database there is no answer, only "try again"
    const unavailable = unavailableError(err)
    if (!unavailable) throw err
    return { result: { ok: false, error: unavailable }, principal: null }
  }
  const principal = table.resolve(sessionId, now, idle * 60_000)
  const result = await invoke({ ...ctx, principal, requireAuth: true }, channel, input)
  if (channel === 'auth.signIn' && result.ok) {
    table.close(sessionId)
    const signedIn = result.value as Principal
    return { result, opened: table.open(signedIn, now), closed: sessionId !== null, principal: signedIn }
  }
  if (channel === 'auth.signOut' && result.ok) {
    table.close(sessionId)
    return { result, closed: true, principal }
  }
  return { result, principal }
}

/**
 * The live session's principal for a request that is not a call (the event stream), touching it; null when the
 * id names no live session.
 */
export async function sessionPrincipal(ctx: ServiceContext, table: SessionTable, sessionId: string | null): Promise<Principal | null> {
  return table.resolve(sessionId, ctx.now().getTime(), (await idleMinutes(ctx)) * 60_000)
}

/** The principal of a live session, without touching it; null when the id names no live session. */
export async function sessionPeek(ctx: ServiceContext, table: SessionTable, sessionId: string | null): Promise<Principal | null> {
  return table.peek(sessionId, ctx.now().getTime(), (await idleMinutes(ctx)) * 60_000)
}

/** Whether the id still names a live session, without touching it. */
export async function sessionAlive(ctx: ServiceContext, table: SessionTable, sessionId: string | null): Promise<boolean> {
  return table.alive(sessionId, ctx.now().getTime(), (await idleMinutes(ctx)) * 60_000)
}
