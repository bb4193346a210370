import type { OfficerData } from '../../core/officer'
import type { Db } from '../db'

export interface OfficerRecord extends OfficerData {
  id: number
  active: boolean
  deactivatedAt: string | null
  deactivationReason: string | null
  createdAt: string
  updatedAt: string
}

interface Row {
  id: number
  name: string
  post: string
  unit: string
  cert_no: string
  cert_type: string
  cert_area: string
  valid_until: string
  legal_reviewer: number
  active: number
  deactivated_at: string | null
  deactivation_reason: string | null
  created_at: string
  updated_at: string
}

/**
 * An officers row as the record: one mapping for both engines' repositories (the flags are 0/1 in SQLite, booleans in
 * PostgreSQL).
 */
export function officerFromRow(
  r: Omit<Row, 'legal_reviewer' | 'active'> & { legal_reviewer: number | boolean; active: number | boolean }
): OfficerRecord {
  return {
    id: r.id,
    name: r.name,
    post: r.post,
    unit: r.unit,
    certNo: r.cert_no,
    certType: r.cert_type as OfficerData['certType'],
    certArea: r.cert_area,
    validUntil: r.valid_until,
    legalReviewer: r.legal_reviewer === 1 || r.legal_reviewer === true,
    active: r.active === 1 || r.active === true,
    deactivatedAt: r.deactivated_at,
    deactivationReason: r.deactivation_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export function listOfficers(db: Db, includeInactive: boolean): OfficerRecord[] {
  const sql = `SELECT * FROM officers ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, id`
  return (db.prepare(sql).all() as Row[]).map(officerFromRow)
}

export function countOfficers(db: Db, includeInactive: boolean): number {
  const sql = `SELECT COUNT(*) AS n FROM officers ${includeInactive ? '' : 'WHERE active = 1'}`
  return (db.prepare(sql).get() as { n: number }).n
}

export function findOfficer(db: Db, id: number): OfficerRecord | null {
  const r = db.prepare('SELECT * FROM officers WHERE id = ?').get(id) as Row | undefined
  return r ? officerFromRow(r) : null
}

export function findOfficerByCert(db: Db, certNo: string): OfficerRecord | null {
  const r = db.prepare('SELECT * FROM officers WHERE cert_no = ?').get(certNo) as Row | undefined
  return r ? officerFromRow(r) : null
}

export function insertOfficer(db: Db, o: OfficerData, at: string): number {
  const info = db
    .prepare(
      `INSERT INTO officers (name, post, unit, cert_no, cert_type, cert_area, valid_until, legal_reviewer, active, created_at, updated_at)
       VALUES (@name, @post, @unit, @certNo, @certType, @certArea, @validUntil, @legalReviewer, 1, @at, @at)`
    )
    .run({ ...o, legalReviewer: o.legalReviewer ? 1 : 0, at })
  return Number(info.lastInsertRowid)
}

export function updateOfficer(db: Db, o: OfficerRecord): void {
  db.prepare(
    `UPDATE officers SET name = @name, post = @post, unit = @unit, cert_no = @certNo, cert_type = @certType,
       cert_area = @certArea, valid_until = @validUntil, legal_reviewer = @legalReviewer, active = @active,
       deactivated_at = @deactivatedAt, deactivation_reason = @deactivationReason, updated_at = @updatedAt
     WHERE id = @id`
  ).run({ ...o, legalReviewer: o.legalReviewer ? 1 : 0, active: o.active ? 1 : 0 })
}
