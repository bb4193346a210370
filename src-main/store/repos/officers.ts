/** Officers (执法人员): written in Kysely's query builder, the same statements for both engines. */
import type { OfficerData } from '../../core/officer'
import { flag, isSet, type Scope } from '../engine/engine'

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
    legalReviewer: isSet(r.legal_reviewer),
    active: isSet(r.active),
    deactivatedAt: r.deactivated_at,
    deactivationReason: r.deactivation_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

/** Active officers first, then by id; inactive ones only when asked for. */
export async function listOfficers(s: Scope, includeInactive: boolean): Promise<OfficerRecord[]> {
  let query = s.db.selectFrom('officers').selectAll()
  if (!includeInactive) query = query.where('active', '=', flag(s.engine, true))
  const rows = await query.orderBy('active', 'desc').orderBy('id').execute()
  return rows.map(officerFromRow)
}

export async function countOfficers(s: Scope, includeInactive: boolean): Promise<number> {
  let query = s.db.selectFrom('officers').select((eb) => eb.fn.countAll<number | string>().as('n'))
  if (!includeInactive) query = query.where('active', '=', flag(s.engine, true))
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findOfficer(s: Scope, id: number): Promise<OfficerRecord | null> {
  const r = await s.db.selectFrom('officers').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? officerFromRow(r) : null
}

export async function findOfficerByCert(s: Scope, certNo: string): Promise<OfficerRecord | null> {
  const r = await s.db.selectFrom('officers').selectAll().where('cert_no', '=', certNo).executeTakeFirst()
  return r ? officerFromRow(r) : null
}

/** The columns an officer's data fills, as either engine takes them. */
function dataColumns(s: Scope, o: OfficerData) {
  return {
    name: o.name,
    post: o.post,
    unit: o.unit,
    cert_no: o.certNo,
    cert_type: o.certType,
    cert_area: o.certArea,
    valid_until: o.validUntil,
    legal_reviewer: flag(s.engine, o.legalReviewer)
  }
}

/** A new, active officer; returns its id. A cert number already on file is refused by the UNIQUE constraint (isUniqueViolation). */
export async function insertOfficer(s: Scope, o: OfficerData, at: string): Promise<number> {
  const row = await s.db
    .insertInto('officers')
    .values({
      ...dataColumns(s, o),
      active: flag(s.engine, true),
      created_at: at,
      updated_at: at
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateOfficer(s: Scope, o: OfficerRecord): Promise<void> {
  await s.db
    .updateTable('officers')
    .set({
      ...dataColumns(s, o),
      active: flag(s.engine, o.active),
      deactivated_at: o.deactivatedAt,
      deactivation_reason: o.deactivationReason,
      updated_at: o.updatedAt
    })
    .where('id', '=', o.id)
    .execute()
}
