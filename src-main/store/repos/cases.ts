import type { CaseStatus, CaseSource, Procedure } from '../../core/case'
import type { CaseEvent } from '../../core/deadlines'
import { isSet, type Scope } from '../engine/engine'
import { ftsMatch } from './case-fts'
import * as q from '../engine/sql'

export interface CaseRecord {
  id: number
  number: string | null
  name: string
  cause: string
  facts: string
  source: CaseSource
  sourceDate: string
  procedure: Procedure
  status: CaseStatus
  filedOn: string | null
  intendedPenalty: { warning: boolean; fine: number }
  extended: boolean
  suspended: boolean
  registeredBy: string
  createdAt: string
  updatedAt: string
}

interface Row {
  id: number
  number: string | null
  name: string
  cause: string
  facts: string
  source: CaseSource
  source_date: string
  procedure: Procedure
  status: CaseStatus
  filed_on: string | null
  intended_warning: number
  intended_fine_fen: number
  extended: number
  suspended: number
  registered_by: string
  created_at: string
  updated_at: string
}

function fromRow(r: Row): CaseRecord {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    cause: r.cause,
    facts: r.facts,
    source: r.source,
    sourceDate: r.source_date,
    procedure: r.procedure,
    status: r.status,
    filedOn: r.filed_on,
    intendedPenalty: { warning: isSet(r.intended_warning), fine: r.intended_fine_fen / 100 },
    extended: isSet(r.extended),
    suspended: isSet(r.suspended),
    registeredBy: r.registered_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function toParams(c: CaseRecord) {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    cause: c.cause,
    facts: c.facts,
    source: c.source,
    sourceDate: c.sourceDate,
    procedure: c.procedure,
    status: c.status,
    filedOn: c.filedOn,
    warning: c.intendedPenalty.warning ? 1 : 0,
    fineFen: Math.round(c.intendedPenalty.fine * 100),
    extended: c.extended ? 1 : 0,
    suspended: c.suspended ? 1 : 0,
    registeredBy: c.registeredBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt
  }
}

export async function insertCase(db: Scope, c: Omit<CaseRecord, 'id'>): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO cases (number, name, cause, facts, source, source_date, procedure, status, filed_on, intended_warning,
           intended_fine_fen, extended, suspended, registered_by, created_at, updated_at)
         VALUES (@number, @name, @cause, @facts, @source, @sourceDate, @procedure, @status, @filedOn, @warning, @fineFen,
           @extended, @suspended, @registeredBy, @createdAt, @updatedAt)`,
      toParams({ ...c, id: 0 })
    )
  )
}

export async function updateCase(db: Scope, c: CaseRecord): Promise<void> {
  await q.run(
    db,
    `UPDATE cases SET number = @number, name = @name, cause = @cause, facts = @facts, source = @source,
       source_date = @sourceDate, procedure = @procedure, status = @status, filed_on = @filedOn,
       intended_warning = @warning, intended_fine_fen = @fineFen, extended = @extended, suspended = @suspended,
       updated_at = @updatedAt
     WHERE id = @id`,
    toParams(c)
  )
}

/** Mark the decision period as extended (延长办案期限). */
export async function markCaseExtended(db: Scope, id: number, at: string): Promise<void> {
  await q.run(db, 'UPDATE cases SET extended = TRUE, updated_at = ? WHERE id = ?', [at, id])
}

export async function findCase(db: Scope, id: number): Promise<CaseRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM cases WHERE id = ?', [id])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function findCaseByNumber(db: Scope, number: string): Promise<CaseRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM cases WHERE number = ?', [number])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function casesByIds(db: Scope, ids: readonly number[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return []
  const rows = (await q.all(db, `SELECT * FROM cases WHERE id IN (${ids.map(() => '?').join(',')})`, [...ids])) as Row[]
  const byId = new Map(rows.map((r) => [r.id, fromRow(r)]))
  return ids.map((id) => byId.get(id)).filter((c): c is CaseRecord => c !== undefined)
}

/** Ids of the cases in any of these statuses. */
export async function caseIdsWithStatus(db: Scope, statuses: readonly string[]): Promise<number[]> {
  const rows = (await q.all(db, `SELECT id FROM cases WHERE ${q.inList(db, 'status')}`, [q.listParam(db, statuses)])) as {
    id: number
  }[]
  return rows.map((r) => r.id)
}

export async function countCases(db: Scope): Promise<number> {
  return ((await q.get(db, 'SELECT COUNT(*) AS n FROM cases')) as { n: number }).n
}

export interface CaseFilter {
  status?: readonly CaseStatus[] | undefined
  procedure?: Procedure | undefined
  officerId?: number | undefined
  partyId?: number | undefined
  /** source date range, inclusive */
  from?: string | undefined
  to?: string | undefined
  /** full-text filter: Chinese substrings of name, cause, facts and party names */
  q?: string | undefined
  limit: number
  offset: number
}

export async function listCases(db: Scope, f: CaseFilter): Promise<{ total: number; items: CaseRecord[] }> {
  const where: string[] = []
  const params: unknown[] = []
  if (f.status?.length) {
    where.push(`c.status IN (${f.status.map(() => '?').join(',')})`)
    params.push(...f.status)
  }
  if (f.procedure) {
    where.push('c.procedure = ?')
    params.push(f.procedure)
  }
  if (f.officerId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.officer_id = ?)')
    params.push(f.officerId)
  }
  if (f.partyId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.party_id = ?)')
    params.push(f.partyId)
  }
  if (f.from) {
    where.push('c.source_date >= ?')
    params.push(f.from)
  }
  if (f.to) {
    where.push('c.source_date <= ?')
    params.push(f.to)
  }
  if (f.q?.trim()) {
    const m = ftsMatch(f.q, db.engine)
    where.push(`c.id IN (SELECT rowid FROM cases_fts WHERE ${m.where})`)
    params.push(...m.params)
  }
  const w = where.length ? 'WHERE ' + where.join(' AND ') : ''
  const total = ((await q.get(db, `SELECT COUNT(*) AS n FROM cases c ${w}`, [...params])) as { n: number }).n
  const rows = (await q.all(db, `SELECT c.* FROM cases c ${w} ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`, [
    ...params,
    f.limit,
    f.offset
  ])) as Row[]
  return { total, items: rows.map(fromRow) }
}

export async function countByStatus(db: Scope, officerId?: number): Promise<Record<string, number>> {
  const rows = (
    officerId === undefined
      ? await q.all(db, 'SELECT status, COUNT(*) AS n FROM cases GROUP BY status')
      : await q.all(
          db,
          'SELECT status, COUNT(*) AS n FROM cases c WHERE EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.officer_id = ?) GROUP BY status',
          [officerId]
        )
  ) as { status: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

export async function setCaseParties(db: Scope, caseId: number, parties: readonly { partyId: number; role: string }[]): Promise<void> {
  await q.run(db, 'DELETE FROM case_parties WHERE case_id = ?', [caseId])
  for (const [i, p] of parties.entries())
    await q.run(db, 'INSERT INTO case_parties (case_id, party_id, role, position) VALUES (?, ?, ?, ?)', [caseId, p.partyId, p.role, i])
}

export async function setCaseOfficers(db: Scope, caseId: number, officerIds: readonly number[]): Promise<void> {
  await q.run(db, 'DELETE FROM case_officers WHERE case_id = ?', [caseId])
  for (const [i, id] of officerIds.entries())
    await q.run(db, 'INSERT INTO case_officers (case_id, officer_id, position) VALUES (?, ?, ?)', [caseId, id, i])
}

export async function caseParties(
  db: Scope,
  caseIds: readonly number[]
): Promise<Map<number, { partyId: number; role: string; name: string; kind: string }[]>> {
  const out = new Map<number, { partyId: number; role: string; name: string; kind: string }[]>()
  if (caseIds.length === 0) return out
  const rows = (await q.all(
    db,
    `SELECT cp.case_id, cp.party_id, cp.role, p.name, p.kind FROM case_parties cp JOIN parties p ON p.id = cp.party_id
       WHERE ${q.inList(db, 'cp.case_id')} ORDER BY cp.case_id, cp.position`,
    [q.listParam(db, caseIds)]
  )) as { case_id: number; party_id: number; role: string; name: string; kind: string }[]
  for (const r of rows) {
    const list = out.get(r.case_id) ?? []
    list.push({ partyId: r.party_id, role: r.role, name: r.name, kind: r.kind })
    out.set(r.case_id, list)
  }
  return out
}

/** Ids of the cases a party takes part in. */
export async function caseIdsOfParty(db: Scope, partyId: number): Promise<number[]> {
  const rows = (await q.all(db, 'SELECT DISTINCT case_id FROM case_parties WHERE party_id = ?', [partyId])) as { case_id: number }[]
  return rows.map((r) => r.case_id)
}

export async function caseOfficers(
  db: Scope,
  caseIds: readonly number[]
): Promise<Map<number, { officerId: number; name: string; certNo: string }[]>> {
  const out = new Map<number, { officerId: number; name: string; certNo: string }[]>()
  if (caseIds.length === 0) return out
  const rows = (await q.all(
    db,
    `SELECT co.case_id, co.officer_id, o.name, o.cert_no FROM case_officers co JOIN officers o ON o.id = co.officer_id
       WHERE ${q.inList(db, 'co.case_id')} ORDER BY co.case_id, co.position`,
    [q.listParam(db, caseIds)]
  )) as { case_id: number; officer_id: number; name: string; cert_no: string }[]
  for (const r of rows) {
    const list = out.get(r.case_id) ?? []
    list.push({ officerId: r.officer_id, name: r.name, certNo: r.cert_no })
    out.set(r.case_id, list)
  }
  return out
}

export interface EventRecord extends CaseEvent {
  id: number
  status: string | null
  note: string
  actor: string
  createdAt: string
}

export async function addCaseEvent(
  db: Scope,
  caseId: number,
  e: CaseEvent & { status?: string | null; note?: string },
  actor: string,
  at: string
): Promise<void> {
  await q.run(db, 'INSERT INTO case_events (case_id, type, date, status, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    caseId,
    e.type,
    e.date,
    e.status ?? null,
    e.note ?? '',
    actor,
    at
  ])
}

export async function caseEvents(db: Scope, caseId: number): Promise<EventRecord[]> {
  return (
    (await q.all(
      db,
      'SELECT id, type, date, status, note, actor, created_at AS "createdAt" FROM case_events WHERE case_id = ? ORDER BY date, id',
      [caseId]
    )) as (Omit<EventRecord, 'type'> & { type: CaseEvent['type'] })[]
  ).map((r) => ({ ...r }))
}

export async function nextNumber(db: Scope, scope: string, year: number): Promise<number> {
  await q.run(db, 'INSERT INTO number_sequences (scope, year, last) VALUES (?, ?, 0) ON CONFLICT(scope, year) DO NOTHING', [scope, year])
  await q.run(db, 'UPDATE number_sequences SET last = last + 1 WHERE scope = ? AND year = ?', [scope, year])
  return ((await q.get(db, 'SELECT last FROM number_sequences WHERE scope = ? AND year = ?', [scope, year])) as { last: number }).last
}

/** The number `nextNumber` would give now, without taking it. */
export async function peekNextNumber(db: Scope, scope: string, year: number): Promise<number> {
  const r = (await q.get(db, 'SELECT last FROM number_sequences WHERE scope = ? AND year = ?', [scope, year])) as
    { last: number } | undefined
  return (r?.last ?? 0) + 1
}
