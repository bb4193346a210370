/**
 * PostgreSQL migration 4, SQLite's migration 3: documents: drafts with revisions, issued (frozen) and voided
 * documents, custom templates. The frozen rule is SQLite's trigger word for word: an UPDATE that names one of the
 * frozen columns of a document that is no longer a draft is refused, whether or not the value changes (PostgreSQL's
 * `UPDATE OF` fires, like SQLite's, when the column is a target of the SET list); voiding stays possible.
 * Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 4,
  name: 'documents: drafts with revisions, issued and voided documents, custom templates',
  sql: `
CREATE TABLE documents (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES cases(id),
  type            text NOT NULL,
  title           text NOT NULL,
  status          text NOT NULL CHECK (status IN ('draft', 'issued', 'voided')),
  version         bigint NOT NULL DEFAULT 1,
  supersedes_id   bigint REFERENCES documents(id),
  number          text UNIQUE,
  fields          text NOT NULL,
  revision        bigint NOT NULL DEFAULT 1,
  template_sha256 text,
  docx_sha256     text,
  issued_at       text,
  issued_on       text,
  issued_by       text,
  voided_at       text,
  voided_reason   text,
  created_by      text NOT NULL,
  created_at      text NOT NULL,
  updated_at      text NOT NULL
);
CREATE INDEX documents_case ON documents(case_id, type);

-- every autosave of a draft: the draft's history
CREATE TABLE document_revisions (
  document_id bigint NOT NULL REFERENCES documents(id),
  revision    bigint NOT NULL,
  fields      text NOT NULL,
  saved_at    text NOT NULL,
  saved_by    text NOT NULL,
  PRIMARY KEY (document_id, revision)
);

-- an issued document is frozen: its fields, number and file never change
CREATE TRIGGER documents_issued_frozen BEFORE UPDATE OF fields, number, type, case_id, docx_sha256, issued_on ON documents
  FOR EACH ROW WHEN (OLD.status <> 'draft')
  EXECUTE FUNCTION refuse_change('an issued document cannot be changed');

-- an agency's own DOCX for a document type, replacing the bundled one
CREATE TABLE custom_templates (
  type        text PRIMARY KEY,
  sha256      text NOT NULL,
  file_name   text NOT NULL,
  tags        text NOT NULL,
  imported_at text NOT NULL,
  imported_by text NOT NULL
);
`
}
