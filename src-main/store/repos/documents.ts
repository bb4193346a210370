import type { Db } from '../db'
import { parseJsonColumn } from '../json'
import { DocumentViewSchema } from '../../core/document-views'

export type DocStatus = 'draft' | 'issued' | 'voided'

export interface DocumentRecord {
  id: number
  caseId: number
  type: string
  title: string
  status: DocStatus
  version: number
  supersedesId: number | null
  number: string | null
  fields: Record<string, unknown>
  revision: number
  templateSha256: string | null
  docxSha256: string | null
  issuedAt: string | null
  issuedOn: string | null
  issuedBy: string | null
  voidedAt: string | null
  voidedReason: string | null
  createdBy: string
  createdAt: string
  updatedAt: string
}

interface Row {
  id: number
  case_id: number
  type: string
  title: string
  status: DocStatus
  version: number
  supersedes_id: number | null
  number: string | null
  fields: string
  revision: number
  template_sha256: string | null
  docx_sha256: string | null
  issued_at: string | null
  issued_on: string | null
  issued_by: string | null
  voided_at: string | null
  voided_reason: string | null
  created_by: string
  created_at: string
  updated_at: string
}

function fromRow(r: Row): DocumentRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    type: r.type,
    title: r.title,
    status: r.status,
    version: r.version,
    supersedesId: r.supersedes_id,
    number: r.number,
    fields: parseJsonColumn(DocumentViewSchema.shape.fields, r.fields, { table: 'documents', column: 'fields', id: r.id }),
    revision: r.revision,
    templateSha256: r.template_sha256,
    docxSha256: r.docx_sha256,
    issuedAt: r.issued_at,
    issuedOn: r.issued_on,
    issuedBy: r.issued_by,
    voidedAt: r.voided_at,
    voidedReason: r.voided_reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export function findDocument(db: Db, id: number): DocumentRecord | null {
  const r = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined
  return r ? fromRow(r) : null
}

export function caseDocuments(db: Db, caseId: number): DocumentRecord[] {
  return (db.prepare('SELECT * FROM documents WHERE case_id = ? ORDER BY id').all(caseId) as Row[]).map(fromRow)
}

export function insertDocument(
  db: Db,
  d: {
    caseId: number
    type: string
    title: string
    version: number
    supersedesId: number | null
    fields: Record<string, unknown>
    createdBy: string
    at: string
  }
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO documents (case_id, type, title, status, version, supersedes_id, fields, revision, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, 1, ?, ?, ?)`
      )
      .run(d.caseId, d.type, d.title, d.version, d.supersedesId, JSON.stringify(d.fields), d.createdBy, d.at, d.at).lastInsertRowid
  )
  db.prepare('INSERT INTO document_revisions (document_id, revision, fields, saved_at, saved_by) VALUES (?, 1, ?, ?, ?)').run(
    id,
    JSON.stringify(d.fields),
    d.at,
    d.createdBy
  )
  return id
}

export function saveDraftFields(db: Db, id: number, fields: Record<string, unknown>, revision: number, actor: string, at: string): void {
  db.prepare(`UPDATE documents SET fields = ?, revision = ?, updated_at = ? WHERE id = ? AND status = 'draft'`).run(
    JSON.stringify(fields),
    revision,
    at,
    id
  )
  db.prepare('INSERT INTO document_revisions (document_id, revision, fields, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)').run(
    id,
    revision,
    JSON.stringify(fields),
    at,
    actor
  )
}

export function documentRevisions(db: Db, id: number): { revision: number; savedAt: string; savedBy: string }[] {
  return db
    .prepare(
      'SELECT revision, saved_at AS savedAt, saved_by AS savedBy FROM document_revisions WHERE document_id = ? ORDER BY revision DESC'
    )
    .all(id) as { revision: number; savedAt: string; savedBy: string }[]
}

export function markIssued(
  db: Db,
  id: number,
  v: { number: string | null; docxSha256: string; templateSha256: string | null; issuedOn: string; actor: string; at: string }
): void {
  db.prepare(
    `UPDATE documents SET status = 'issued', number = ?, docx_sha256 = ?, template_sha256 = ?, issued_on = ?, issued_by = ?, issued_at = ?, updated_at = ?
     WHERE id = ? AND status = 'draft'`
  ).run(v.number, v.docxSha256, v.templateSha256, v.issuedOn, v.actor, v.at, v.at, id)
}

export function markVoided(db: Db, id: number, reason: string, at: string): void {
  db.prepare(
    `UPDATE documents SET status = 'voided', voided_at = ?, voided_reason = ?, updated_at = ? WHERE id = ? AND status = 'issued'`
  ).run(at, reason, at, id)
}

/** The issued document carrying `number`, if any (文号 are unique). */
export function findDocumentByNumber(db: Db, number: string): DocumentRecord | null {
  const r = db.prepare('SELECT * FROM documents WHERE number = ?').get(number) as Row | undefined
  return r ? fromRow(r) : null
}

/** The document types whose template the agency replaced with its own. */
export function customTemplateTypes(db: Db): string[] {
  return (db.prepare('SELECT type FROM custom_templates').all() as { type: string }[]).map((r) => r.type)
}
