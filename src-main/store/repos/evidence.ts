/**
 * Evidence, signed scans and A/V records of a case: one row per file, the bytes in the blob store under `sha256`.
 */
import type { Db } from '../db'

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

export function caseEvidence(db: Db, caseId: number): EvidenceRecord[] {
  return (db.prepare('SELECT * FROM evidence WHERE case_id = ? ORDER BY id').all(caseId) as Row[]).map(fromRow)
}

export function findEvidence(db: Db, id: number): EvidenceRecord | null {
  const r = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as Row | undefined
  return r ? fromRow(r) : null
}

/** The case's evidence with these bytes, if any (a file is registered once per case). */
export function findCaseEvidenceByHash(db: Db, caseId: number, sha256: string): EvidenceRecord | null {
  const r = db.prepare('SELECT * FROM evidence WHERE case_id = ? AND sha256 = ?').get(caseId, sha256) as Row | undefined
  return r ? fromRow(r) : null
}

export function insertEvidence(db: Db, e: Omit<EvidenceRecord, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO evidence (case_id, kind, evidence_type, description, source, collector, collected_at, place, document_id, sha256, file_name, mime, size, created_by, created_at)
         VALUES (@caseId, @kind, @evidenceType, @description, @source, @collector, @collectedAt, @place, @documentId, @sha256, @fileName, @mime, @size, @createdBy, @createdAt)`
      )
      .run(e).lastInsertRowid
  )
}
