/** Written waivers of the right to make a statement or to a hearing (case_waivers). */
import type { Db } from '../../db'

export interface WaiverRecord {
  id: number
  caseId: number
  right: 'statement' | 'hearing'
  date: string
  note: string
  createdBy: string
}

export function caseWaivers(db: Db, caseId: number): WaiverRecord[] {
  return (
    db.prepare('SELECT * FROM case_waivers WHERE case_id = ? ORDER BY id').all(caseId) as {
      id: number
      case_id: number
      right_kind: 'statement' | 'hearing'
      date: string
      note: string
      created_by: string
    }[]
  ).map((r) => ({ id: r.id, caseId: r.case_id, right: r.right_kind, date: r.date, note: r.note, createdBy: r.created_by }))
}

export function insertWaiver(db: Db, w: Omit<WaiverRecord, 'id'>, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO case_waivers (case_id, right_kind, date, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(w.caseId, w.right, w.date, w.note, w.createdBy, at).lastInsertRowid
  )
}
