import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import {
  ActivitySchema,
  AuditHeadSchema,
  GENESIS_HASH,
  hashedFields,
  type Activity,
  type AuditHead,
  type ChainReport
} from '../core/activity'
import type { Scope } from './engine/engine'
import { parseJsonColumn, StoreDataError } from './json'
import * as q from './engine/sql'

/** The signed-in user behind an entry (columns actor_user_id, actor_name, actor_officer_id). */
export interface ActingUser {
  userId: number
  name: string
  officerId: number | null
}

export interface ActivityInput {
  actor: string
  /** the signed-in user; absent for trusted in-process callers (tests, seeding, home initialisation) */
  user?: ActingUser | null
  action: string
  targetType: string
  targetId?: string | number | null
  caseId?: string | null
  summary: string
  detail: unknown
  at?: string
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** RFC 8785 (JCS) canonical JSON: the encoding every digest and hash is computed over. */
export function canonical(value: unknown): string {
  const out = canonicalize(value === undefined ? null : value)
  if (out === undefined) throw new TypeError('value cannot be canonicalised')
  return out
}

export function entryHash(entry: Omit<Activity, 'hash' | 'detail'>): string {
  return sha256Hex(canonical(hashedFields(entry)))
}

/** An activity_log row as either engine returns it (bigint read as a JS number on PostgreSQL). */
export interface ActivityRow {
  seq: number
  at: string
  actor: string
  actor_user_id: number | null
  actor_name: string | null
  actor_officer_id: number | null
  action: string
  target_type: string
  target_id: string | null
  case_id: string | null
  summary: string
  detail: string
  digest: string
  prev_hash: string
  hash: string
}

function fromRow(r: ActivityRow): Activity {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorOfficerId: r.actor_officer_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    caseId: r.case_id,
    summary: r.summary,
    detail: parseJsonColumn(ActivitySchema.shape.detail, r.detail, { table: 'activity_log', column: 'detail', id: r.seq, key: 'seq' }),
    digest: r.digest,
    prevHash: r.prev_hash,
    hash: r.hash
  }
}

/**
 * The first statement of a PostgreSQL write transaction (services/context.ts `transact`): lock the record's head row,
 * so writers run one after another and each appends after the last committed entry. SQLite's BEGIN IMMEDIATE already
 * holds the database's write lock.
 */
export async function lockChainHead(db: Scope): Promise<void> {
  if (db.engine === 'postgres') await q.get(db, `SELECT value FROM settings WHERE key = 'audit.head' FOR UPDATE`)
}

/**
 * Append one entry. Must be called inside the caller's write transaction, so the entry and
 * the change it describes commit or roll back together.
 */
export async function appendActivity(db: Scope, input: ActivityInput): Promise<Activity> {
  if (!db.db.isTransaction) throw new Error('appendActivity must run inside the transaction of the change it records')
  const last = (await q.get(db, 'SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1')) as
    { seq: number; hash: string } | undefined
  const detailJson = canonical(input.detail)
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    actorUserId: input.user?.userId ?? null,
    actorName: input.user?.name ?? null,
    actorOfficerId: input.user?.officerId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId === undefined || input.targetId === null ? null : String(input.targetId),
    caseId: input.caseId ?? null,
    summary: input.summary,
    digest: sha256Hex(detailJson),
    prevHash: last?.hash ?? GENESIS_HASH
  }
  const hash = entryHash(base)
  await q.run(
    db,
    `INSERT INTO activity_log (seq, at, actor, actor_user_id, actor_name, actor_officer_id, action, target_type, target_id, case_id,
       summary, detail, digest, prev_hash, hash)
     VALUES (@seq, @at, @actor, @actorUserId, @actorName, @actorOfficerId, @action, @targetType, @targetId, @caseId,
       @summary, @detail, @digest, @prevHash, @hash)`,
    { ...base, detail: detailJson, hash }
  )
  await q.run(db, `INSERT INTO settings (key, value) VALUES ('audit.head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, [
    JSON.stringify({ seq: base.seq, hash })
  ])
  return { ...base, detail: input.detail, hash }
}

export async function listActivity(
  db: Scope,
  filter: { targetType?: string; targetId?: string; caseId?: string; limit?: number } = {}
): Promise<Activity[]> {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: filter.limit ?? 100 }
  for (const [key, column] of [
    ['targetType', 'target_type'],
    ['targetId', 'target_id'],
    ['caseId', 'case_id']
  ] as const) {
    if (filter[key]) {
      where.push(`${column} = @${key}`)
      params[key] = filter[key]
    }
  }
  const sql = `SELECT * FROM activity_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT @limit`
  return ((await q.all(db, sql, [params])) as ActivityRow[]).map(fromRow)
}

/**
 * Recompute the whole chain. Detects: an altered field or detail (digest/hash mismatch), a deleted
 * or inserted row (seq gap or broken prev_hash link), reordered rows, and a truncated tail
 * (the head recorded in settings no longer matches).
 */
export function verifyChain(db: Scope): Promise<ChainReport> {
  return verifyChainRows(
    activityRows(db),
    async () => (await q.get<{ value: string }>(db, `SELECT value FROM settings WHERE key = 'audit.head'`))?.value
  )
}

/** The whole record in seq order, a page at a time (either engine). */
export async function* activityRows(db: Scope, pageSize = 2000): AsyncGenerator<ActivityRow> {
  let after = 0
  for (;;) {
    const page = await q.all<ActivityRow>(db, 'SELECT * FROM activity_log WHERE seq > ? ORDER BY seq LIMIT ?', [after, pageSize])
    for (const r of page) yield r
    if (page.length < pageSize) return
    after = page[page.length - 1]!.seq
  }
}

/**
 * verifyChain's check over rows from either engine: `rows` in seq order, `head` the recorded head (settings
 * 'audit.head'), read after the rows.
 */
export async function verifyChainRows(
  rows: Iterable<ActivityRow> | AsyncIterable<ActivityRow>,
  head: () => string | undefined | Promise<string | undefined>
): Promise<ChainReport> {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let count = 0
  const bad = (seq: number, reason: string): ChainReport => ({
    ok: false,
    entries: count,
    headHash: prev,
    firstBad: { seq, reason }
  })
  for await (const r of rows) {
    if (r.seq !== expectedSeq)
      return bad(r.seq, `sequence gap: expected entry ${expectedSeq}, found ${r.seq} (entries deleted or inserted)`)
    let e: Activity
    try {
      e = fromRow(r)
    } catch (err) {
      if (err instanceof StoreDataError) return bad(r.seq, 'detail is not valid JSON')
      throw err
    }
    if (sha256Hex(canonical(e.detail)) !== r.digest) return bad(r.seq, 'detail does not match its digest (content altered)')
    if (r.prev_hash !== prev) return bad(r.seq, 'prev_hash does not link to the previous entry (entries reordered, deleted or inserted)')
    if (entryHash(e) !== r.hash) return bad(r.seq, 'hash does not match the entry (a field was altered)')
    prev = r.hash
    expectedSeq++
    count++
  }
  const headValue = await head()
  if (headValue !== undefined) {
    let recorded: AuditHead
    try {
      recorded = parseJsonColumn(AuditHeadSchema, headValue, { table: 'settings', column: 'value', id: 'audit.head', key: 'key' })
    } catch (err) {
      if (!(err instanceof StoreDataError)) throw err
      return {
        ok: false,
        entries: count,
        headHash: prev,
        firstBad: { seq: count + 1, reason: 'recorded head is not valid (head altered)' }
      }
    }
    if (recorded.seq !== count || recorded.hash !== prev) {
      return {
        ok: false,
        entries: count,
        headHash: prev,
        firstBad: {
          seq: Math.min(recorded.seq, count + 1),
          reason: `recorded head is entry ${recorded.seq}, but the chain ends at ${count} (entries removed from the end or head altered)`
        }
      }
    }
  } else if (count > 0) {
    return { ok: false, entries: count, headHash: prev, firstBad: { seq: 1, reason: 'recorded head is missing' } }
  }
  return { ok: true, entries: count, headHash: prev, firstBad: null }
}
