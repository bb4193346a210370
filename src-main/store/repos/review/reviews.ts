/** Legal review rounds (法制审核, legal_reviews): submission, the reviewer's decision, the handler's response and coordination. */
import { z } from 'zod'
import type { Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { TriggerSchema, type Trigger } from '../../../core/major-decision'
import {
  MaterialItemSchema,
  ReviewDecisionSchema,
  type MaterialItem,
  type ReviewDecision,
  type ReviewStatus
} from '../../../core/legal-review'
import * as q from '../../engine/sql'

const TriggersSchema = z.array(TriggerSchema)
const MaterialsSchema = z.array(MaterialItemSchema)

export interface ReviewRecord {
  id: number
  caseId: number
  round: number
  status: ReviewStatus
  catalogueVersion: number
  triggers: Trigger[]
  materials: MaterialItem[]
  documentId: number | null
  documentRevision: number | null
  reviewerId: number
  submittedOn: string
  submittedBy: string
  submitNote: string
  due: string
  decidedOn: string | null
  decidedBy: string | null
  decision: ReviewDecision | null
  opinionDocumentId: number | null
  response: 'accepted' | 'disagreed' | null
  responseNote: string
  respondedOn: string | null
  coordination: string
  headName: string
  headDecision: string
  coordinatedOn: string | null
  createdAt: string
  updatedAt: string
}

interface ReviewRow {
  id: number
  case_id: number
  round: number
  status: ReviewStatus
  catalogue_version: number
  triggers: string
  materials: string
  document_id: number | null
  document_revision: number | null
  reviewer_id: number
  submitted_on: string
  submitted_by: string
  submit_note: string
  due: string
  decided_on: string | null
  decided_by: string | null
  decision: string | null
  opinion_document_id: number | null
  response: 'accepted' | 'disagreed' | null
  response_note: string
  responded_on: string | null
  coordination: string
  head_name: string
  head_decision: string
  coordinated_on: string | null
  created_at: string
  updated_at: string
}

function reviewFromRow(r: ReviewRow): ReviewRecord {
  const at = { table: 'legal_reviews', id: r.id }
  return {
    id: r.id,
    caseId: r.case_id,
    round: r.round,
    status: r.status,
    catalogueVersion: r.catalogue_version,
    triggers: parseJsonColumn(TriggersSchema, r.triggers, { ...at, column: 'triggers' }),
    materials: parseJsonColumn(MaterialsSchema, r.materials, { ...at, column: 'materials' }),
    documentId: r.document_id,
    documentRevision: r.document_revision,
    reviewerId: r.reviewer_id,
    submittedOn: r.submitted_on,
    submittedBy: r.submitted_by,
    submitNote: r.submit_note,
    due: r.due,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    decision: r.decision ? parseJsonColumn(ReviewDecisionSchema, r.decision, { ...at, column: 'decision' }) : null,
    opinionDocumentId: r.opinion_document_id,
    response: r.response,
    responseNote: r.response_note,
    respondedOn: r.responded_on,
    coordination: r.coordination,
    headName: r.head_name,
    headDecision: r.head_decision,
    coordinatedOn: r.coordinated_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export async function caseReviews(db: Scope, caseId: number): Promise<ReviewRecord[]> {
  return ((await q.all(db, 'SELECT * FROM legal_reviews WHERE case_id = ? ORDER BY round', [caseId])) as ReviewRow[]).map(reviewFromRow)
}

export async function findReview(db: Scope, id: number): Promise<ReviewRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM legal_reviews WHERE id = ?', [id])) as ReviewRow | undefined
  return r ? reviewFromRow(r) : null
}

export async function openReviews(db: Scope, reviewerId?: number): Promise<ReviewRecord[]> {
  const rows = reviewerId
    ? ((await q.all(db, `SELECT * FROM legal_reviews WHERE status = 'in_review' AND reviewer_id = ? ORDER BY due, id`, [
        reviewerId
      ])) as ReviewRow[])
    : ((await q.all(db, `SELECT * FROM legal_reviews WHERE status = 'in_review' ORDER BY due, id`)) as ReviewRow[])
  return rows.map(reviewFromRow)
}

export async function insertReview(
  db: Scope,
  r: Pick<
    ReviewRecord,
    | 'caseId'
    | 'round'
    | 'catalogueVersion'
    | 'triggers'
    | 'materials'
    | 'documentId'
    | 'documentRevision'
    | 'reviewerId'
    | 'submittedOn'
    | 'submittedBy'
    | 'submitNote'
    | 'due'
  >,
  at: string
): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO legal_reviews (case_id, round, status, catalogue_version, triggers, materials, document_id, document_revision, reviewer_id,
           submitted_on, submitted_by, submit_note, due, created_at, updated_at)
         VALUES (@caseId, @round, 'in_review', @catalogueVersion, @triggers, @materials, @documentId, @documentRevision, @reviewerId,
           @submittedOn, @submittedBy, @submitNote, @due, @at, @at)`,
      { ...r, triggers: JSON.stringify(r.triggers), materials: JSON.stringify(r.materials), at }
    )
  )
}

export async function updateReview(db: Scope, r: ReviewRecord): Promise<void> {
  await q.run(
    db,
    `UPDATE legal_reviews SET status = @status, decided_on = @decidedOn, decided_by = @decidedBy, decision = @decision,
       opinion_document_id = @opinionDocumentId, response = @response, response_note = @responseNote, responded_on = @respondedOn,
       coordination = @coordination, head_name = @headName, head_decision = @headDecision, coordinated_on = @coordinatedOn, updated_at = @updatedAt
     WHERE id = @id`,
    { ...r, decision: r.decision ? JSON.stringify(r.decision) : null }
  )
}
