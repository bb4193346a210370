/** Administrative-penalty publicity records (行政处罚信息公示, publicity_records). */
import type { Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { PublicityRecordSchema, type PublicityRecord, type PublicityStatus, type WithdrawReason } from '../../../core/publicity'
import * as q from '../../engine/sql'

export interface PublicityRow {
  id: number
  caseId: number
  decisionDocumentId: number
  status: PublicityStatus
  record: PublicityRecord
  redactions: number
  due: string
  minUntil: string
  maxUntil: string
  publishedOn: string | null
  url: string
  withdrawnOn: string | null
  withdrawReason: WithdrawReason | null
  withdrawNote: string
  supersededBy: number | null
  createdAt: string
  updatedAt: string
}

interface PubRow {
  id: number
  case_id: number
  decision_document_id: number
  status: PublicityStatus
  record: string
  redactions: number
  due: string
  min_until: string
  max_until: string
  published_on: string | null
  url: string
  withdrawn_on: string | null
  withdraw_reason: WithdrawReason | null
  withdraw_note: string
  superseded_by: number | null
  created_at: string
  updated_at: string
}

function pubFromRow(r: PubRow): PublicityRow {
  return {
    id: r.id,
    caseId: r.case_id,
    decisionDocumentId: r.decision_document_id,
    status: r.status,
    record: parseJsonColumn(PublicityRecordSchema, r.record, { table: 'publicity_records', column: 'record', id: r.id }),
    redactions: r.redactions,
    due: r.due,
    minUntil: r.min_until,
    maxUntil: r.max_until,
    publishedOn: r.published_on,
    url: r.url,
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
    withdrawNote: r.withdraw_note,
    supersededBy: r.superseded_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export async function findPublicity(db: Scope, id: number): Promise<PublicityRow | null> {
  const r = (await q.get(db, 'SELECT * FROM publicity_records WHERE id = ?', [id])) as PubRow | undefined
  return r ? pubFromRow(r) : null
}

export async function listPublicity(
  db: Scope,
  f: { caseId?: number | undefined; status?: PublicityStatus | undefined; limit: number }
): Promise<PublicityRow[]> {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: f.limit }
  if (f.caseId) {
    where.push('case_id = @caseId')
    params.caseId = f.caseId
  }
  if (f.status) {
    where.push('status = @status')
    params.status = f.status
  }
  return (
    (await q.all(
      db,
      `SELECT * FROM publicity_records ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`,
      params
    )) as PubRow[]
  ).map(pubFromRow)
}

export async function insertPublicity(
  db: Scope,
  p: Pick<PublicityRow, 'caseId' | 'decisionDocumentId' | 'record' | 'redactions' | 'due' | 'minUntil' | 'maxUntil'>,
  at: string
): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO publicity_records (case_id, decision_document_id, status, record, redactions, due, min_until, max_until, created_at, updated_at)
         VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`,
      [p.caseId, p.decisionDocumentId, JSON.stringify(p.record), p.redactions, p.due, p.minUntil, p.maxUntil, at, at]
    )
  )
}

export async function updatePublicity(db: Scope, p: PublicityRow): Promise<void> {
  await q.run(
    db,
    `UPDATE publicity_records SET status = @status, record = @recordJson, redactions = @redactions, published_on = @publishedOn, url = @url,
       withdrawn_on = @withdrawnOn, withdraw_reason = @withdrawReason, withdraw_note = @withdrawNote, superseded_by = @supersededBy, updated_at = @updatedAt
     WHERE id = @id`,
    { ...p, recordJson: JSON.stringify(p.record) }
  )
}
