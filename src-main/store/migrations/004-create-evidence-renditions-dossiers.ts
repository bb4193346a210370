/**
 * Migration 4: dossiers: evidence and scans, PDF renditions, dossier order and archive records.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 4,
  name: 'dossiers: evidence and scans, renditions, dossier order and archive records',
  sql: `
-- evidence (8 statutory types), signed scans of issued documents, audio-visual records
CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  kind          TEXT NOT NULL CHECK (kind IN ('evidence', 'scan', 'av')),
  evidence_type TEXT,
  description   TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT '',
  collector     TEXT NOT NULL DEFAULT '',
  collected_at  TEXT,
  place         TEXT NOT NULL DEFAULT '',
  document_id   INTEGER REFERENCES documents(id),
  sha256        TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  mime          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (case_id, sha256)
) STRICT;
CREATE INDEX evidence_case ON evidence(case_id);

-- PDF renditions of issued DOCX, cached by the DOCX hash
CREATE TABLE renditions (
  docx_sha256 TEXT PRIMARY KEY,
  pdf_sha256  TEXT NOT NULL,
  renderer    TEXT NOT NULL,
  pages       INTEGER NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

-- the dossier of a case: manual order, archive record, lock
CREATE TABLE dossiers (
  case_id        INTEGER PRIMARY KEY REFERENCES cases(id),
  item_order     TEXT,
  compiler       TEXT NOT NULL DEFAULT '',
  checker        TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  archive_number TEXT UNIQUE,
  retention      TEXT,
  archived_on    TEXT,
  locked         INTEGER NOT NULL DEFAULT 0,
  bundle_sha256  TEXT,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE TRIGGER dossiers_locked BEFORE UPDATE ON dossiers WHEN OLD.locked = 1
BEGIN SELECT RAISE(ABORT, 'an archived dossier is locked'); END;
`
}
