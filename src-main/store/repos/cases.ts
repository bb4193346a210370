import type { CaseStatus, CaseSource, Procedure } from '../../core/case'
import type { CaseEvent, ComputedDeadline, DeadlineAdjustment } from '../../core/deadlines'
import type { Db } from '../db'

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
    intendedPenalty: { warning: r.intended_warning === 1, fine: r.intended_fine_fen / 100 },
    extended: r.extended === 1,
    suspended: r.suspended === 1,
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

export function insertCase(db: Db, c: Omit<CaseRecord, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO cases (number, name, cause, facts, source, source_date, procedure, status, filed_on, intended_warning,
           intended_fine_fen, extended, suspended, registered_by, created_at, updated_at)
         VALUES (@number, @name, @cause, @facts, @source, @sourceDate, @procedure, @status, @filedOn, @warning, @fineFen,
           @extended, @suspended, @registeredBy, @createdAt, @updatedAt)`
      )
      .run(toParams({ ...c, id: 0 })).lastInsertRowid
  )
}

export function updateCase(db: Db, c: CaseRecord): void {
  db.prepare(
    `UPDATE cases SET number = @number, name = @name, cause = @cause, facts = @facts, source = @source,
       source_date = @sourceDate, procedure = @procedure, status = @status, filed_on = @filedOn,
       intended_warning = @warning, intended_fine_fen = @fineFen, extended = @extended, suspended = @suspended,
       updated_at = @updatedAt
     WHERE id = @id`
  ).run(toParams(c))
}

/** Mark the decision period as extended (延长办案期限). */
export function markCaseExtended(db: Db, id: number, at: string): void {
  db.prepare('UPDATE cases SET extended = 1, updated_at = ? WHERE id = ?').run(at, id)
}

export function findCase(db: Db, id: number): CaseRecord | null {
  const r = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Row | undefined
  return r ? fromRow(r) : null
}

export function findCaseByNumber(db: Db, number: string): CaseRecord | null {
  const r = db.prepare('SELECT * FROM cases WHERE number = ?').get(number) as Row | undefined
  return r ? fromRow(r) : null
}

export function casesByIds(db: Db, ids: readonly number[]): CaseRecord[] {
  if (ids.length === 0) return []
  const rows = db.prepare(`SELECT * FROM cases WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[]
  const byId = new Map(rows.map((r) => [r.id, fromRow(r)]))
  return ids.map((id) => byId.get(id)).filter((c): c is CaseRecord => c !== undefined)
}

/** Ids of the cases in any of these statuses. */
export function caseIdsWithStatus(db: Db, statuses: readonly string[]): number[] {
  const rows = db.prepare('SELECT id FROM cases WHERE status IN (SELECT value FROM json_each(?))').all(JSON.stringify(statuses)) as {
    id: number
  }[]
  return rows.map((r) => r.id)
}

export function countCases(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n
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

export function listCases(db: Db, f: CaseFilter): { total: number; items: CaseRecord[] } {
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
    const m = ftsMatch(f.q)
    where.push(`c.id IN (SELECT rowid FROM cases_fts WHERE ${m.where})`)
    params.push(...m.params)
  }
  const w = where.length ? 'WHERE ' + where.join(' AND ') : ''
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM cases c ${w}`).get(...params) as { n: number }).n
  const rows = db
    .prepare(`SELECT c.* FROM cases c ${w} ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset) as Row[]
  return { total, items: rows.map(fromRow) }
}

export function countByStatus(db: Db, officerId?: number): Record<string, number> {
  const rows = (
    officerId === undefined
      ? db.prepare('SELECT status, COUNT(*) AS n FROM cases GROUP BY status').all()
      : db
          .prepare(
            'SELECT status, COUNT(*) AS n FROM cases c WHERE EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.officer_id = ?) GROUP BY status'
          )
          .all(officerId)
  ) as { status: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

export function setCaseParties(db: Db, caseId: number, parties: readonly { partyId: number; role: string }[]): void {
  db.prepare('DELETE FROM case_parties WHERE case_id = ?').run(caseId)
  const ins = db.prepare('INSERT INTO case_parties (case_id, party_id, role, position) VALUES (?, ?, ?, ?)')
  parties.forEach((p, i) => ins.run(caseId, p.partyId, p.role, i))
}

export function setCaseOfficers(db: Db, caseId: number, officerIds: readonly number[]): void {
  db.prepare('DELETE FROM case_officers WHERE case_id = ?').run(caseId)
  const ins = db.prepare('INSERT INTO case_officers (case_id, officer_id, position) VALUES (?, ?, ?)')
  officerIds.forEach((id, i) => ins.run(caseId, id, i))
}

export function caseParties(
  db: Db,
  caseIds: readonly number[]
): Map<number, { partyId: number; role: string; name: string; kind: string }[]> {
  const out = new Map<number, { partyId: number; role: string; name: string; kind: string }[]>()
  if (caseIds.length === 0) return out
  const rows = db
    .prepare(
      `SELECT cp.case_id, cp.party_id, cp.role, p.name, p.kind FROM case_parties cp JOIN parties p ON p.id = cp.party_id
       WHERE cp.case_id IN (SELECT value FROM json_each(?)) ORDER BY cp.case_id, cp.position`
    )
    .all(JSON.stringify(caseIds)) as { case_id: number; party_id: number; role: string; name: string; kind: string }[]
  for (const r of rows) {
    const list = out.get(r.case_id) ?? []
    list.push({ partyId: r.party_id, role: r.role, name: r.name, kind: r.kind })
    out.set(r.case_id, list)
  }
  return out
}

/** Ids of the cases a party takes part in. */
export function caseIdsOfParty(db: Db, partyId: number): number[] {
  const rows = db.prepare('SELECT DISTINCT case_id FROM case_parties WHERE party_id = ?').all(partyId) as { case_id: number }[]
  return rows.map((r) => r.case_id)
}

export function caseOfficers(db: Db, caseIds: readonly number[]): Map<number, { officerId: number; name: string; certNo: string }[]> {
  const out = new Map<number, { officerId: number; name: string; certNo: string }[]>()
  if (caseIds.length === 0) return out
  const rows = db
    .prepare(
      `SELECT co.case_id, co.officer_id, o.name, o.cert_no FROM case_officers co JOIN officers o ON o.id = co.officer_id
       WHERE co.case_id IN (SELECT value FROM json_each(?)) ORDER BY co.case_id, co.position`
    )
    .all(JSON.stringify(caseIds)) as { case_id: number; officer_id: number; name: string; cert_no: string }[]
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

export function addCaseEvent(
  db: Db,
  caseId: number,
  e: CaseEvent & { status?: string | null; note?: string },
  actor: string,
  at: string
): void {
  db.prepare('INSERT INTO case_events (case_id, type, date, status, note, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    caseId,
    e.type,
    e.date,
    e.status ?? null,
    e.note ?? '',
    actor,
    at
  )
}

export function caseEvents(db: Db, caseId: number): EventRecord[] {
  return (
    db
      .prepare('SELECT id, type, date, status, note, actor, created_at AS createdAt FROM case_events WHERE case_id = ? ORDER BY date, id')
      .all(caseId) as (Omit<EventRecord, 'type'> & { type: CaseEvent['type'] })[]
  ).map((r) => ({ ...r }))
}

export function addAdjustment(db: Db, caseId: number, a: DeadlineAdjustment, at: string): void {
  db.prepare(
    'INSERT INTO case_adjustments (case_id, code, kind, length, from_date, to_date, reason, approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  ).run(
    caseId,
    a.code,
    a.kind,
    a.kind === 'extension' ? a.length : null,
    a.kind === 'exclusion' ? a.from : null,
    a.kind === 'exclusion' ? a.to : null,
    a.reason,
    a.kind === 'extension' ? a.approvedBy : '',
    at
  )
}

export function caseAdjustments(db: Db, caseId: number): DeadlineAdjustment[] {
  const rows = db.prepare('SELECT * FROM case_adjustments WHERE case_id = ? ORDER BY id').all(caseId) as {
    code: string
    kind: 'extension' | 'exclusion'
    length: number | null
    from_date: string | null
    to_date: string | null
    reason: string
    approved_by: string
  }[]
  return rows.map((r) =>
    r.kind === 'extension'
      ? { code: r.code, kind: 'extension', length: r.length ?? 0, reason: r.reason, approvedBy: r.approved_by }
      : { code: r.code, kind: 'exclusion', from: r.from_date ?? '', to: r.to_date ?? '', reason: r.reason }
  )
}

export function replaceDeadlines(db: Db, caseId: number, list: readonly ComputedDeadline[]): void {
  db.prepare('DELETE FROM case_deadlines WHERE case_id = ?').run(caseId)
  const ins = db.prepare(
    `INSERT INTO case_deadlines (case_id, code, label, kind, trigger, start, length, unit, extension, excluded, due, verified,
       calendar_version, rule_version, met_at, source)
     VALUES (@caseId, @code, @label, @kind, @trigger, @start, @length, @unit, @extension, @excluded, @due, @verified,
       @calendarVersion, @ruleVersion, @metAt, @source)`
  )
  for (const d of list) ins.run({ ...d, caseId, verified: d.verified ? 1 : 0 })
}

export interface DeadlineRow extends ComputedDeadline {
  caseId: number
}

interface DlRow {
  case_id: number
  code: string
  label: string
  kind: 'duty' | 'window'
  trigger: string
  start: string
  length: number
  unit: ComputedDeadline['unit']
  extension: number
  excluded: number
  due: string
  verified: number
  calendar_version: string
  rule_version: number
  met_at: string | null
  source: string
}

function dlFromRow(r: DlRow): DeadlineRow {
  return {
    caseId: r.case_id,
    code: r.code,
    label: r.label,
    kind: r.kind,
    trigger: r.trigger as ComputedDeadline['trigger'],
    start: r.start,
    length: r.length,
    unit: r.unit,
    extension: r.extension,
    excluded: r.excluded,
    due: r.due,
    verified: r.verified === 1,
    calendarVersion: r.calendar_version,
    ruleVersion: r.rule_version,
    metAt: r.met_at,
    source: r.source
  }
}

export function caseDeadlines(db: Db, caseId: number): DeadlineRow[] {
  return (db.prepare('SELECT * FROM case_deadlines WHERE case_id = ? ORDER BY due').all(caseId) as DlRow[]).map(dlFromRow)
}

/**
 * Open deadlines due in [from, until] (either bound optional), optionally for one officer's cases. Left out:
 * windows that ran out before `today`, deadlines of archived or unfiled cases, the decision period of a
 * suspended case.
 */
export function openDeadlines(
  db: Db,
  opts: { from?: string | undefined; until?: string | undefined; today: string; officerId?: number | undefined; limit: number }
): DeadlineRow[] {
  const where = [
    'd.met_at IS NULL',
    "NOT (d.kind = 'window' AND d.due < ?)",
    "c.status NOT IN ('archived', 'not_filed')",
    "NOT (c.suspended = 1 AND d.code = 'decision')"
  ]
  const params: unknown[] = [opts.today]
  if (opts.from) {
    where.push('d.due >= ?')
    params.push(opts.from)
  }
  if (opts.until) {
    where.push('d.due <= ?')
    params.push(opts.until)
  }
  if (opts.officerId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = d.case_id AND o.officer_id = ?)')
    params.push(opts.officerId)
  }
  return (
    db
      .prepare(
        `SELECT d.* FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE ${where.join(' AND ')} ORDER BY d.due, d.case_id LIMIT ?`
      )
      .all(...params, opts.limit) as DlRow[]
  ).map(dlFromRow)
}

export function nextNumber(db: Db, scope: string, year: number): number {
  db.prepare('INSERT INTO number_sequences (scope, year, last) VALUES (?, ?, 0) ON CONFLICT(scope, year) DO NOTHING').run(scope, year)
  db.prepare('UPDATE number_sequences SET last = last + 1 WHERE scope = ? AND year = ?').run(scope, year)
  return (db.prepare('SELECT last FROM number_sequences WHERE scope = ? AND year = ?').get(scope, year) as { last: number }).last
}

/** The number `nextNumber` would give now, without taking it. */
export function peekNextNumber(db: Db, scope: string, year: number): number {
  const r = db.prepare('SELECT last FROM number_sequences WHERE scope = ? AND year = ?').get(scope, year) as { last: number } | undefined
  return (r?.last ?? 0) + 1
}

/** Keep the full-text index row of a case in step with the case (same transaction). */
export function indexCase(db: Db, caseId: number): void {
  const c = findCase(db, caseId)
  db.prepare('DELETE FROM cases_fts WHERE rowid = ?').run(caseId)
  if (!c) return
  const names = (caseParties(db, [caseId]).get(caseId) ?? []).map((p) => p.name).join(' ')
  db.prepare('INSERT INTO cases_fts (rowid, name, cause, facts, parties) VALUES (?, ?, ?, ?, ?)').run(
    caseId,
    c.name,
    c.cause,
    c.facts,
    names
  )
}

/**
 * The full-text condition for a query: three or more characters use the trigram index (MATCH on a quoted
 * phrase); shorter ones scan the index table with LIKE (the trigram index cannot serve them).
 */
function ftsMatch(q: string): { where: string; params: string[] } {
  const text = q.trim()
  if ([...text].length >= 3) return { where: 'cases_fts MATCH ?', params: ['"' + text.replace(/"/g, '""') + '"'] }
  const like = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
  return {
    where: ['name', 'cause', 'facts', 'parties'].map((col) => `${col} LIKE ? ESCAPE '\\'`).join(' OR '),
    params: [like, like, like, like]
  }
}

/** The hit in context for the cases shown: the first column containing the text, the hit in 【】. */
export function caseSnippets(db: Db, q: string, caseIds: readonly number[]): Map<number, string> {
  const text = q.trim()
  const out = new Map<number, string>()
  if (!text || caseIds.length === 0) return out
  const rows = db
    .prepare(`SELECT rowid AS id, name, cause, facts, parties FROM cases_fts WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(caseIds)) as { id: number; name: string; cause: string; facts: string; parties: string }[]
  for (const r of rows) {
    const field = [r.facts, r.name, r.cause, r.parties].find((f) => f.includes(text))
    if (!field) continue
    const at = field.indexOf(text)
    const from = Math.max(0, at - 16)
    const to = Math.min(field.length, at + text.length + 16)
    out.set(
      r.id,
      (from > 0 ? '…' : '') +
        field.slice(from, at) +
        '【' +
        text +
        '】' +
        field.slice(at + text.length, to) +
        (to < field.length ? '…' : '')
    )
  }
  return out
}

/** Substring search, newest cases first (rank means little for substrings; clerks look for recent cases). */
export function searchCaseIds(db: Db, q: string, limit: number): { id: number; snippet: string }[] {
  if (!q.trim()) return []
  const m = ftsMatch(q)
  const ids = (
    db.prepare(`SELECT rowid AS id FROM cases_fts WHERE ${m.where} ORDER BY rowid DESC LIMIT ?`).all(...m.params, limit) as { id: number }[]
  ).map((r) => r.id)
  const snippets = caseSnippets(db, q, ids)
  return ids.map((id) => ({ id, snippet: snippets.get(id) ?? '' }))
}

/** The earliest open deadline date of each case (elapsed windows left out), for the case lists. */
export function nextDueByCase(db: Db, caseIds: readonly number[], today: string): { caseId: number; due: string }[] {
  if (caseIds.length === 0) return []
  const rows = db
    .prepare(
      `SELECT case_id, MIN(due) AS due FROM case_deadlines
       WHERE met_at IS NULL AND NOT (kind = 'window' AND due < ?) AND case_id IN (SELECT value FROM json_each(?)) GROUP BY case_id`
    )
    .all(today, JSON.stringify(caseIds)) as { case_id: number; due: string }[]
  return rows.map((r) => ({ caseId: r.case_id, due: r.due }))
}
