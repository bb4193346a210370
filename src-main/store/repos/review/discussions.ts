/** Collective discussions (集体讨论, discussions) and their conclusions. */
import type { Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { DiscussionSchema, type DISCUSSION_CONCLUSIONS } from '../../../core/review-views'
import * as q from '../../engine/sql'

export type DiscussionConclusion = (typeof DISCUSSION_CONCLUSIONS)[number]

export interface DiscussionRecord {
  id: number
  caseId: number
  heldOn: string
  chair: string
  attendees: string[]
  conclusion: DiscussionConclusion
  conclusionText: string
  record: string
  documentId: number | null
  createdBy: string
  createdAt: string
}

export async function caseDiscussions(db: Scope, caseId: number): Promise<DiscussionRecord[]> {
  return (
    (await q.all(db, 'SELECT * FROM discussions WHERE case_id = ? ORDER BY held_on, id', [caseId])) as {
      id: number
      case_id: number
      held_on: string
      chair: string
      attendees: string
      conclusion: DiscussionConclusion
      conclusion_text: string
      record: string
      document_id: number | null
      created_by: string
      created_at: string
    }[]
  ).map((r) => ({
    id: r.id,
    caseId: r.case_id,
    heldOn: r.held_on,
    chair: r.chair,
    attendees: parseJsonColumn(DiscussionSchema.shape.attendees, r.attendees, { table: 'discussions', column: 'attendees', id: r.id }),
    conclusion: r.conclusion,
    conclusionText: r.conclusion_text,
    record: r.record,
    documentId: r.document_id,
    createdBy: r.created_by,
    createdAt: r.created_at
  }))
}

export async function insertDiscussion(db: Scope, d: Omit<DiscussionRecord, 'id' | 'createdAt'>, at: string): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO discussions (case_id, held_on, chair, attendees, conclusion, conclusion_text, record, document_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.caseId, d.heldOn, d.chair, JSON.stringify(d.attendees), d.conclusion, d.conclusionText, d.record, d.documentId, d.createdBy, at]
    )
  )
}
