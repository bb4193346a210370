/** A case's deadlines and the adjustments to them (extensions, exclusions), as computed by core/deadlines. */
import type { ComputedDeadline, DeadlineAdjustment } from '../../core/deadlines'
import { isSet, type Scope } from '../engine/engine'
import * as q from '../engine/sql'

export async function addAdjustment(db: Scope, caseId: number, a: DeadlineAdjustment, at: string): Promise<void> {
  await q.run(
    db,
    'INSERT INTO case_adjustments (case_id, code, kind, length, from_date, to_date, reason, approved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      caseId,
      a.code,
      a.kind,
      a.kind === 'extension' ? a.length : null,
      a.kind === 'exclusion' ? a.from : null,
      a.kind === 'exclusion' ? a.to : null,
      a.reason,
      a.kind === 'extension' ? a.approvedBy : '',
      at
    ]
  )
}

export async function caseAdjustments(db: Scope, caseId: number): Promise<DeadlineAdjustment[]> {
  const rows = (await q.all(db, 'SELECT * FROM case_adjustments WHERE case_id = ? ORDER BY id', [caseId])) as {
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

export async function replaceDeadlines(db: Scope, caseId: number, list: readonly ComputedDeadline[]): Promise<void> {
  await q.run(db, 'DELETE FROM case_deadlines WHERE case_id = ?', [caseId])
  for (const d of list)
    await q.run(
      db,
      `INSERT INTO case_deadlines (case_id, code, label, kind, trigger, start, length, unit, extension, excluded, due, verified,
         calendar_version, rule_version, met_at, source)
       VALUES (@caseId, @code, @label, @kind, @trigger, @start, @length, @unit, @extension, @excluded, @due, @verified,
         @calendarVersion, @ruleVersion, @metAt, @source)`,
      { ...d, caseId, verified: d.verified }
    )
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
    verified: isSet(r.verified),
    calendarVersion: r.calendar_version,
    ruleVersion: r.rule_version,
    metAt: r.met_at,
    source: r.source
  }
}

export async function caseDeadlines(db: Scope, caseId: number): Promise<DeadlineRow[]> {
  return ((await q.all(db, 'SELECT * FROM case_deadlines WHERE case_id = ? ORDER BY due, code', [caseId])) as DlRow[]).map(dlFromRow)
}

/**
 * Open deadlines due in [from, until] (either bound optional), optionally for one officer's cases. Left out:
 * windows that ran out before `today`, deadlines of archived or unfiled cases, the decision period of a
 * suspended case.
 */
export async function openDeadlines(
  db: Scope,
  opts: { from?: string | undefined; until?: string | undefined; today: string; officerId?: number | undefined; limit: number }
): Promise<DeadlineRow[]> {
  const where = [
    'd.met_at IS NULL',
    "NOT (d.kind = 'window' AND d.due < ?)",
    "c.status NOT IN ('archived', 'not_filed')",
    "NOT (c.suspended = TRUE AND d.code = 'decision')"
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
    (await q.all(
      db,
      `SELECT d.* FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE ${where.join(' AND ')} ORDER BY d.due, d.case_id, d.code LIMIT ?`,
      [...params, opts.limit]
    )) as DlRow[]
  ).map(dlFromRow)
}

/** The earliest open deadline date of each case (elapsed windows left out), for the case lists. */
export async function nextDueByCase(db: Scope, caseIds: readonly number[], today: string): Promise<{ caseId: number; due: string }[]> {
  if (caseIds.length === 0) return []
  const rows = (await q.all(
    db,
    `SELECT case_id, MIN(due) AS due FROM case_deadlines
       WHERE met_at IS NULL AND NOT (kind = 'window' AND due < ?) AND ${q.inList(db, 'case_id')} GROUP BY case_id`,
    [today, q.listParam(db, caseIds)]
  )) as { case_id: number; due: string }[]
  return rows.map((r) => ({ caseId: r.case_id, due: r.due }))
}
