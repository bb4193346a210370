import type { Scope } from '../engine/engine'
import { parseJsonColumn } from '../json'
import { DocumentViewSchema } from '../../core/document-views'
import * as q from '../engine/sql'

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

export async function findDocument(db: Scope, id: number): Promise<DocumentRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM documents WHERE id = ?', [id])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function caseDocuments(db: Scope, caseId: number): Promise<DocumentRecord[]> {
  return ((await q.all(db, 'SELECT * FROM documents WHERE case_id = ? ORDER BY id', [caseId])) as Row[]).map(fromRow)
}

export async function insertDocument(
  db: Scope,
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
): Promise<number> {
  const id = Number(
    await q.insert(
      db,
      `INSERT INTO documents (case_id, type, title, status, version, supersedes_id, fields, revision, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, 1, ?, ?, ?)`,
      [d.caseId, d.type, d.title, d.version, d.supersedesId, JSON.stringify(d.fields), d.createdBy, d.at, d.at]
    )
  )
  await q.run(db, 'INSERT INTO document_revisions (document_id, revision, fields, saved_at, saved_by) VALUES (?, 1, ?, ?, ?)', [
    id,
    JSON.stringify(d.fields),
    d.at,
    d.createdBy
  ])
  return id
}

export async function saveDraftFields(
  db: Scope,
  id: number,
  fields: Record<string, unknown>,
  revision: number,
  actor: string,
  at: string
): Promise<void> {
  await q.run(db, `UPDATE documents SET fields = ?, revision = ?, updated_at = ? WHERE id = ? AND status = 'draft'`, [
    JSON.stringify(fields),
    revision,
    at,
    id
  ])
  await q.run(db, 'INSERT INTO document_revisions (document_id, revision, fields, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)', [
    id,
    revision,
    JSON.stringify(fields),
    at,
    actor
  ])
}

export async function documentRevisions(db: Scope, id: number): Promise<{ revision: number; savedAt: string; savedBy: string }[]> {
  return (await q.all(
    db,
    'SELECT revision, saved_at AS "savedAt", saved_by AS "savedBy" FROM document_revisions WHERE document_id = ? ORDER BY revision DESC',
    [id]
  )) as { revision: number; savedAt: string; savedBy: string }[]
}

export async function markIssued(
  db: Scope,
  id: number,
  v: { number: string | null; docxSha256: string; templateSha256: string | null; issuedOn: string; actor: string; at: string }
): Promise<void> {
  await q.run(
    db,
    `UPDATE documents SET status = 'issued', number = ?, docx_sha256 = ?, template_sha256 = ?, issued_on = ?, issued_by = ?, issued_at = ?, updated_at = ?
     WHERE id = ? AND status = 'draft'`,
    [v.number, v.docxSha256, v.templateSha256, v.issuedOn, v.actor, v.at, v.at, id]
  )
}

export async function markVoided(db: Scope, id: number, reason: string, at: string): Promise<void> {
  await q.run(
    db,
    `UPDATE documents SET status = 'voided', voided_at = ?, voided_reason = ?, updated_at = ? WHERE id = ? AND status = 'issued'`,
    [at, reason, at, id]
  )
}

/** The issued document carrying `number`, if any (文号 are unique). */
export async function findDocumentByNumber(db: Scope, number: string): Promise<DocumentRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM documents WHERE number = ?', [number])) as Row | undefined
  return r ? fromRow(r) : null
}

/** The document types whose template the agency replaced with its own. */
export async function customTemplateTypes(db: Scope): Promise<string[]> {
  return ((await q.all(db, 'SELECT type FROM custom_templates')) as { type: string }[]).map((r) => r.type)
}
