/** Approvals by a head (负责人审批), one row per decision, in the order they were made. */
import type { ApprovalKind, ApprovalOutcome } from '../../core/approvals'
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

export interface ApprovalRecord {
  id: number
  caseId: number
  kind: ApprovalKind
  outcome: ApprovalOutcome
  opinion: string
  approverUserId: number | null
  approverName: string
  decidedOn: string
  decidedAt: string
  documentId: number | null
}

interface Row {
  id: number
  case_id: number
  kind: ApprovalKind
  outcome: ApprovalOutcome
  opinion: string
  approver_user_id: number | null
  approver_name: string
  decided_on: string
  decided_at: string
  document_id: number | null
}

function fromRow(r: Row): ApprovalRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    outcome: r.outcome,
    opinion: r.opinion,
    approverUserId: r.approver_user_id,
    approverName: r.approver_name,
    decidedOn: r.decided_on,
    decidedAt: r.decided_at,
    documentId: r.document_id
  }
}

export async function insertApproval(db: Scope, a: Omit<ApprovalRecord, 'id'>): Promise<number> {
  return q.insert(
    db,
    `INSERT INTO approvals (case_id, kind, outcome, opinion, approver_user_id, approver_name, decided_on, decided_at, document_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.caseId, a.kind, a.outcome, a.opinion, a.approverUserId, a.approverName, a.decidedOn, a.decidedAt, a.documentId]
  )
}

export async function caseApprovals(db: Scope, caseId: number): Promise<ApprovalRecord[]> {
  return ((await q.all(db, 'SELECT * FROM approvals WHERE case_id = ? ORDER BY id', [caseId])) as Row[]).map(fromRow)
}
