/**
 * Rows of legal review, hearings, waivers, collective discussions, the major-decision catalogue and the
 * publicity records (migration 5).
 */
import type { Db } from '../../db'
import type { MajorCatalogue, Measure, Trigger } from '../../../core/major-decision'
import type { MaterialItem, ReviewDecision, ReviewStatus } from '../../../core/legal-review'
import type { PublicityRecord, PublicityStatus, WithdrawReason } from '../../../core/publicity'
import type { DISCUSSION_CONCLUSIONS } from '../../../core/review-views'

// ---------------------------------------------------------------- catalogue

export interface CatalogueVersion {
  version: number
  catalogue: MajorCatalogue
  createdAt: string
  createdBy: string
}

export function latestCatalogue(db: Db): CatalogueVersion {
  const r = db.prepare('SELECT * FROM major_catalogues ORDER BY version DESC LIMIT 1').get() as
    { version: number; config: string; created_at: string; created_by: string } | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return { version: r.version, catalogue: JSON.parse(r.config) as MajorCatalogue, createdAt: r.created_at, createdBy: r.created_by }
}

/** The version in force on `date`: the newest one whose effective date has come (else the oldest). */
export function catalogueOn(db: Db, date: string): CatalogueVersion {
  const r = (db.prepare('SELECT * FROM major_catalogues WHERE effective_from <= ? ORDER BY version DESC LIMIT 1').get(date) ??
    db.prepare('SELECT * FROM major_catalogues ORDER BY version LIMIT 1').get()) as
    { version: number; config: string; created_at: string; created_by: string } | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return { version: r.version, catalogue: JSON.parse(r.config) as MajorCatalogue, createdAt: r.created_at, createdBy: r.created_by }
}

export function catalogueVersions(
  db: Db
): { version: number; name: string; effectiveFrom: string; createdAt: string; createdBy: string }[] {
  return (
    db.prepare('SELECT version, name, effective_from, created_at, created_by FROM major_catalogues ORDER BY version DESC').all() as {
      version: number
      name: string
      effective_from: string
      created_at: string
      created_by: string
    }[]
  ).map((r) => ({ version: r.version, name: r.name, effectiveFrom: r.effective_from, createdAt: r.created_at, createdBy: r.created_by }))
}

export function insertCatalogue(db: Db, cat: MajorCatalogue, actor: string, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO major_catalogues (name, effective_from, config, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(cat.name, cat.effectiveFrom, JSON.stringify(cat), at, actor).lastInsertRowid
  )
}

// ---------------------------------------------------------------- case profile

export interface ReviewProfile {
  measures: Measure[]
  confiscation: number
  departure: boolean
  departureReason: string
  manualFlags: string[]
  updatedAt: string | null
}

export function getProfile(db: Db, caseId: number): ReviewProfile {
  const r = db.prepare('SELECT * FROM case_review_profiles WHERE case_id = ?').get(caseId) as
    | { measures: string; confiscation_fen: number; departure: number; departure_reason: string; manual_flags: string; updated_at: string }
    | undefined
  if (!r) return { measures: [], confiscation: 0, departure: false, departureReason: '', manualFlags: [], updatedAt: null }
  return {
    measures: JSON.parse(r.measures) as Measure[],
    confiscation: r.confiscation_fen / 100,
    departure: r.departure === 1,
    departureReason: r.departure_reason,
    manualFlags: JSON.parse(r.manual_flags) as string[],
    updatedAt: r.updated_at
  }
}

export function saveProfile(db: Db, caseId: number, p: Omit<ReviewProfile, 'updatedAt'>, at: string): void {
  db.prepare(
    `INSERT INTO case_review_profiles (case_id, measures, confiscation_fen, departure, departure_reason, manual_flags, updated_at)
     VALUES (@caseId, @measures, @fen, @departure, @reason, @flags, @at)
     ON CONFLICT(case_id) DO UPDATE SET measures = excluded.measures, confiscation_fen = excluded.confiscation_fen, departure = excluded.departure,
       departure_reason = excluded.departure_reason, manual_flags = excluded.manual_flags, updated_at = excluded.updated_at`
  ).run({
    caseId,
    measures: JSON.stringify(p.measures),
    fen: Math.round(p.confiscation * 100),
    departure: p.departure ? 1 : 0,
    reason: p.departureReason,
    flags: JSON.stringify(p.manualFlags),
    at
  })
}

// ---------------------------------------------------------------- legal reviews

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
  return {
    id: r.id,
    caseId: r.case_id,
    round: r.round,
    status: r.status,
    catalogueVersion: r.catalogue_version,
    triggers: JSON.parse(r.triggers) as Trigger[],
    materials: JSON.parse(r.materials) as MaterialItem[],
    documentId: r.document_id,
    documentRevision: r.document_revision,
    reviewerId: r.reviewer_id,
    submittedOn: r.submitted_on,
    submittedBy: r.submitted_by,
    submitNote: r.submit_note,
    due: r.due,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    decision: r.decision ? (JSON.parse(r.decision) as ReviewDecision) : null,
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

export function caseReviews(db: Db, caseId: number): ReviewRecord[] {
  return (db.prepare('SELECT * FROM legal_reviews WHERE case_id = ? ORDER BY round').all(caseId) as ReviewRow[]).map(reviewFromRow)
}

export function findReview(db: Db, id: number): ReviewRecord | null {
  const r = db.prepare('SELECT * FROM legal_reviews WHERE id = ?').get(id) as ReviewRow | undefined
  return r ? reviewFromRow(r) : null
}

export function openReviews(db: Db, reviewerId?: number): ReviewRecord[] {
  const rows = reviewerId
    ? (db.prepare(`SELECT * FROM legal_reviews WHERE status = 'in_review' AND reviewer_id = ? ORDER BY due`).all(reviewerId) as ReviewRow[])
    : (db.prepare(`SELECT * FROM legal_reviews WHERE status = 'in_review' ORDER BY due`).all() as ReviewRow[])
  return rows.map(reviewFromRow)
}

export function insertReview(
  db: Db,
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
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO legal_reviews (case_id, round, status, catalogue_version, triggers, materials, document_id, document_revision, reviewer_id,
           submitted_on, submitted_by, submit_note, due, created_at, updated_at)
         VALUES (@caseId, @round, 'in_review', @catalogueVersion, @triggers, @materials, @documentId, @documentRevision, @reviewerId,
           @submittedOn, @submittedBy, @submitNote, @due, @at, @at)`
      )
      .run({ ...r, triggers: JSON.stringify(r.triggers), materials: JSON.stringify(r.materials), at }).lastInsertRowid
  )
}

export function updateReview(db: Db, r: ReviewRecord): void {
  db.prepare(
    `UPDATE legal_reviews SET status = @status, decided_on = @decidedOn, decided_by = @decidedBy, decision = @decision,
       opinion_document_id = @opinionDocumentId, response = @response, response_note = @responseNote, responded_on = @respondedOn,
       coordination = @coordination, head_name = @headName, head_decision = @headDecision, coordinated_on = @coordinatedOn, updated_at = @updatedAt
     WHERE id = @id`
  ).run({ ...r, decision: r.decision ? JSON.stringify(r.decision) : null })
}

// ---------------------------------------------------------------- hearings, waivers, discussions

export interface HearingRecord {
  id: number
  caseId: number
  status: 'requested' | 'scheduled' | 'held' | 'waived' | 'not_eligible'
  requestedOn: string
  eligible: boolean
  eligibility: string
  noticeOn: string | null
  scheduledAt: string | null
  place: string
  chairId: number | null
  chairName: string
  clerk: string
  public: boolean
  privateReason: string
  agents: string[]
  heldOn: string | null
  summary: string
  waivedOn: string | null
  waiverNote: string
  createdAt: string
  updatedAt: string
}

interface HearingRow {
  id: number
  case_id: number
  status: HearingRecord['status']
  requested_on: string
  eligible: number
  eligibility: string
  notice_on: string | null
  scheduled_at: string | null
  place: string
  chair_id: number | null
  chair_name: string
  clerk: string
  public: number
  private_reason: string
  agents: string
  held_on: string | null
  summary: string
  waived_on: string | null
  waiver_note: string
  created_at: string
  updated_at: string
}

function hearingFromRow(r: HearingRow): HearingRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    status: r.status,
    requestedOn: r.requested_on,
    eligible: r.eligible === 1,
    eligibility: r.eligibility,
    noticeOn: r.notice_on,
    scheduledAt: r.scheduled_at,
    place: r.place,
    chairId: r.chair_id,
    chairName: r.chair_name,
    clerk: r.clerk,
    public: r.public === 1,
    privateReason: r.private_reason,
    agents: JSON.parse(r.agents) as string[],
    heldOn: r.held_on,
    summary: r.summary,
    waivedOn: r.waived_on,
    waiverNote: r.waiver_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export function caseHearings(db: Db, caseId: number): HearingRecord[] {
  return (db.prepare('SELECT * FROM hearings WHERE case_id = ? ORDER BY id').all(caseId) as HearingRow[]).map(hearingFromRow)
}

export function findHearing(db: Db, id: number): HearingRecord | null {
  const r = db.prepare('SELECT * FROM hearings WHERE id = ?').get(id) as HearingRow | undefined
  return r ? hearingFromRow(r) : null
}

export function insertHearing(
  db: Db,
  h: Pick<HearingRecord, 'caseId' | 'status' | 'requestedOn' | 'eligible' | 'eligibility'>,
  at: string
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO hearings (case_id, status, requested_on, eligible, eligibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
      )
      .run(h.caseId, h.status, h.requestedOn, h.eligible ? 1 : 0, h.eligibility, at, at).lastInsertRowid
  )
}

export function updateHearing(db: Db, h: HearingRecord): void {
  db.prepare(
    `UPDATE hearings SET status = @status, notice_on = @noticeOn, scheduled_at = @scheduledAt, place = @place, chair_id = @chairId,
       chair_name = @chairName, clerk = @clerk, public = @pub, private_reason = @privateReason, agents = @agentsJson, held_on = @heldOn,
       summary = @summary, waived_on = @waivedOn, waiver_note = @waiverNote, updated_at = @updatedAt
     WHERE id = @id`
  ).run({ ...h, pub: h.public ? 1 : 0, agentsJson: JSON.stringify(h.agents) })
}

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

export function caseDiscussions(db: Db, caseId: number): DiscussionRecord[] {
  return (
    db.prepare('SELECT * FROM discussions WHERE case_id = ? ORDER BY held_on, id').all(caseId) as {
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
    attendees: JSON.parse(r.attendees) as string[],
    conclusion: r.conclusion,
    conclusionText: r.conclusion_text,
    record: r.record,
    documentId: r.document_id,
    createdBy: r.created_by,
    createdAt: r.created_at
  }))
}

export function insertDiscussion(db: Db, d: Omit<DiscussionRecord, 'id' | 'createdAt'>, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO discussions (case_id, held_on, chair, attendees, conclusion, conclusion_text, record, document_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        d.caseId,
        d.heldOn,
        d.chair,
        JSON.stringify(d.attendees),
        d.conclusion,
        d.conclusionText,
        d.record,
        d.documentId,
        d.createdBy,
        at
      ).lastInsertRowid
  )
}

// ---------------------------------------------------------------- publicity

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
    record: JSON.parse(r.record) as PublicityRecord,
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

export function findPublicity(db: Db, id: number): PublicityRow | null {
  const r = db.prepare('SELECT * FROM publicity_records WHERE id = ?').get(id) as PubRow | undefined
  return r ? pubFromRow(r) : null
}

export function listPublicity(
  db: Db,
  f: { caseId?: number | undefined; status?: PublicityStatus | undefined; limit: number }
): PublicityRow[] {
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
    db
      .prepare(`SELECT * FROM publicity_records ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`)
      .all(params) as PubRow[]
  ).map(pubFromRow)
}

export function insertPublicity(
  db: Db,
  p: Pick<PublicityRow, 'caseId' | 'decisionDocumentId' | 'record' | 'redactions' | 'due' | 'minUntil' | 'maxUntil'>,
  at: string
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO publicity_records (case_id, decision_document_id, status, record, redactions, due, min_until, max_until, created_at, updated_at)
         VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(p.caseId, p.decisionDocumentId, JSON.stringify(p.record), p.redactions, p.due, p.minUntil, p.maxUntil, at, at).lastInsertRowid
  )
}

export function updatePublicity(db: Db, p: PublicityRow): void {
  db.prepare(
    `UPDATE publicity_records SET status = @status, record = @recordJson, redactions = @redactions, published_on = @publishedOn, url = @url,
       withdrawn_on = @withdrawnOn, withdraw_reason = @withdrawReason, withdraw_note = @withdrawNote, superseded_by = @supersededBy, updated_at = @updatedAt
     WHERE id = @id`
  ).run({ ...p, recordJson: JSON.stringify(p.record) })
}
