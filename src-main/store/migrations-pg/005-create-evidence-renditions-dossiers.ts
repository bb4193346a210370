/**
 * PostgreSQL migration 5, SQLite's migration 4: dossiers: evidence and scans, PDF renditions, dossier order and
 * archive records. A locked (archived) dossier refuses every UPDATE, with SQLite's message.
 * Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 5,
  name: 'dossiers: evidence and scans, renditions, dossier order and archive records',
  sql: `
-- evidence (8 statutory types), signed scans of issued documents, audio-visual records
CREATE TABLE evidence (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       bigint NOT NULL REFERENCES cases(id),
  kind          text NOT NULL CHECK (kind IN ('evidence', 'scan', 'av')),
  evidence_type text,
  description   text NOT NULL,
  source        text NOT NULL DEFAULT '',
  collector     text NOT NULL DEFAULT '',
  collected_at  text,
  place         text NOT NULL DEFAULT '',
  document_id   bigint REFERENCES documents(id),
  sha256        text NOT NULL,
  file_name     text NOT NULL,
  mime          text NOT NULL,
  size          bigint NOT NULL,
  created_by    text NOT NULL,
  created_at    text NOT NULL,
  UNIQUE (case_id, sha256)
);
CREATE INDEX evidence_case ON evidence(case_id);

-- PDF renditions of issued DOCX, cached by the DOCX hash
CREATE TABLE renditions (
  docx_sha256 text PRIMARY KEY,
  pdf_sha256  text NOT NULL,
  renderer    text NOT NULL,
  pages       bigint NOT NULL,
  created_at  text NOT NULL
);

-- the dossier of a case: manual order, archive record, lock
CREATE TABLE dossiers (
  case_id        bigint PRIMARY KEY REFERENCES cases(id),
  item_order     text,
  compiler       text NOT NULL DEFAULT '',
  checker        text NOT NULL DEFAULT '',
  note           text NOT NULL DEFAULT '',
  archive_number text UNIQUE,
  retention      text,
  archived_on    text,
  locked         boolean NOT NULL DEFAULT false,
  bundle_sha256  text,
  updated_at     text NOT NULL
);
CREATE TRIGGER dossiers_locked BEFORE UPDATE ON dossiers
  FOR EACH ROW WHEN (OLD.locked)
  EXECUTE FUNCTION refuse_change('an archived dossier is locked');
`
}
