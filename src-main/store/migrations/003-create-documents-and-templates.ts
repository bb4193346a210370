/**
 * Migration 3: documents: drafts with revisions, issued (frozen) and voided documents, custom templates.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 3,
  name: 'documents: drafts with revisions, issued and voided documents, custom templates',
  sql: `
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  type           TEXT NOT NULL,
  title          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'voided')),
  version        INTEGER NOT NULL DEFAULT 1,
  supersedes_id  INTEGER REFERENCES documents(id),
  number         TEXT UNIQUE,
  fields         TEXT NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1,
  template_sha256 TEXT,
  docx_sha256    TEXT,
  issued_at      TEXT,
  issued_on      TEXT,
  issued_by      TEXT,
  voided_at      TEXT,
  voided_reason  TEXT,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX documents_case ON documents(case_id, type);

-- every autosave of a draft: the draft's history
CREATE TABLE document_revisions (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  revision    INTEGER NOT NULL,
  fields      TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  saved_by    TEXT NOT NULL,
  PRIMARY KEY (document_id, revision)
) STRICT;

-- an issued document is frozen: its fields, number and file never change
CREATE TRIGGER documents_issued_frozen BEFORE UPDATE OF fields, number, type, case_id, docx_sha256, issued_on ON documents
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an issued document cannot be changed'); END;

-- an agency's own DOCX for a document type, replacing the bundled one
CREATE TABLE custom_templates (
  type        TEXT PRIMARY KEY,
  sha256      TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  tags        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;
`
}
