/** Written waivers of the right to make a statement or to a hearing (case_waivers). */
import type { Scope } from '../../engine/engine'
import * as q from '../../engine/sql'

export interface WaiverRecord {
  id: number
  caseId: number
  right: 'statement' | 'hearing'
  date: string
  note: string
  createdBy: string
}

export async function caseWaivers(db: Scope, caseId: number): Promise<WaiverRecord[]> {
  return (
    (await q.all(db, 'SELECT * FROM case_waivers WHERE case_id = ? ORDER BY id', [caseId])) as {
      id: number
      case_id: number
      right_kind: 'statement' | 'hearing'
      date: string
      note: string
      created_by: string
    }[]
  ).map((r) => ({ id: r.id, caseId: r.case_id, right: r.right_kind, date: r.date, note: r.note, createdBy: r.created_by }))
}

export async function insertWaiver(db: Scope, w: Omit<WaiverRecord, 'id'>, at: string): Promise<number> {
  return Number(
    await q.insert(db, 'INSERT INTO case_waivers (case_id, right_kind, date, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      w.caseId,
      w.right,
      w.date,
      w.note,
      w.createdBy,
      at
    ])
  )
}
