/**
 * Evidence, signed scans and A/V records of a case: one row per file, the bytes in the blob store under `sha256`.
 */
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

export type EvidenceKind = 'evidence' | 'scan' | 'av'

export interface EvidenceRecord {
  id: number
  caseId: number
  kind: EvidenceKind
  evidenceType: string | null
  description: string
  source: string
  collector: string
  collectedAt: string | null
  place: string
  documentId: number | null
  sha256: string
  fileName: string
  mime: string
  size: number
  createdBy: string
  createdAt: string
}

interface Row {
  id: number
  case_id: number
  kind: EvidenceKind
  evidence_type: string | null
  description: string
  source: string
  collector: string
  collected_at: string | null
  place: string
  document_id: number | null
  sha256: string
  file_name: string
  mime: string
  size: number
  created_by: string
  created_at: string
}

function fromRow(r: Row): EvidenceRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    evidenceType: r.evidence_type,
    description: r.description,
    source: r.source,
    collector: r.collector,
    collectedAt: r.collected_at,
    place: r.place,
    documentId: r.document_id,
    sha256: r.sha256,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    createdBy: r.created_by,
    createdAt: r.created_at
  }
}

export async function caseEvidence(db: Scope, caseId: number): Promise<EvidenceRecord[]> {
  return ((await q.all(db, 'SELECT * FROM evidence WHERE case_id = ? ORDER BY id', [caseId])) as Row[]).map(fromRow)
}

export async function findEvidence(db: Scope, id: number): Promise<EvidenceRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM evidence WHERE id = ?', [id])) as Row | undefined
  return r ? fromRow(r) : null
}

/** The case's evidence with these bytes, if any (a file is registered once per case). */
export async function findCaseEvidenceByHash(db: Scope, caseId: number, sha256: string): Promise<EvidenceRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM evidence WHERE case_id = ? AND sha256 = ?', [caseId, sha256])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function insertEvidence(db: Scope, e: Omit<EvidenceRecord, 'id'>): Promise<number> {
  return Number(
    await q.insert(
      db,
      `INSERT INTO evidence (case_id, kind, evidence_type, description, source, collector, collected_at, place, document_id, sha256, file_name, mime, size, created_by, created_at)
         VALUES (@caseId, @kind, @evidenceType, @description, @source, @collector, @collectedAt, @place, @documentId, @sha256, @fileName, @mime, @size, @createdBy, @createdAt)`,
      e
    )
  )
}
