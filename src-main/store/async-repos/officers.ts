/**
 * Officers (执法人员) on the async store: the same records as repos/officers.ts, written once in Kysely for both
 * engines. The first table of the move to the async store; the services still use the synchronous repository.
 */
import type { OfficerData } from '../../core/officer'
import { flag, type Scope } from '../engine/engine'
import { officerFromRow, type OfficerRecord } from '../repos/officers'

export type { OfficerRecord }

/** A new, active officer; returns its id. A cert number already on file is refused by the UNIQUE constraint (isUniqueViolation). */
export async function insertOfficer(s: Scope, o: OfficerData, at: string): Promise<number> {
  const row = await s.db
    .insertInto('officers')
    .values({
      name: o.name,
      post: o.post,
      unit: o.unit,
      cert_no: o.certNo,
      cert_type: o.certType,
      cert_area: o.certArea,
      valid_until: o.validUntil,
      legal_reviewer: flag(s.engine, o.legalReviewer),
      active: flag(s.engine, true),
      created_at: at,
      updated_at: at
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findOfficer(s: Scope, id: number): Promise<OfficerRecord | null> {
  const r = await s.db.selectFrom('officers').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? officerFromRow(r) : null
}

export async function findOfficerByCert(s: Scope, certNo: string): Promise<OfficerRecord | null> {
  const r = await s.db.selectFrom('officers').selectAll().where('cert_no', '=', certNo).executeTakeFirst()
  return r ? officerFromRow(r) : null
}

/** Active officers first, then by id; inactive ones only when asked for. */
export async function listOfficers(s: Scope, includeInactive: boolean): Promise<OfficerRecord[]> {
  let q = s.db.selectFrom('officers').selectAll()
  if (!includeInactive) q = q.where('active', '=', flag(s.engine, true))
  const rows = await q.orderBy('active', 'desc').orderBy('id').execute()
  return rows.map(officerFromRow)
}

export async function countOfficers(s: Scope, includeInactive: boolean): Promise<number> {
  let q = s.db.selectFrom('officers').select((eb) => eb.fn.countAll<number | string>().as('n'))
  if (!includeInactive) q = q.where('active', '=', flag(s.engine, true))
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Take an officer off duty (停用): kept for the cases that name them, no longer offered for new ones. */
export async function deactivateOfficer(s: Scope, id: number, reason: string, at: string): Promise<boolean> {
  const res = await s.db
    .updateTable('officers')
    .set({ active: flag(s.engine, false), deactivated_at: at, deactivation_reason: reason, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}
