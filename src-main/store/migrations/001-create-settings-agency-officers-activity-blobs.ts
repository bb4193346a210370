/**
 * Migration 1: the foundation: settings, the agency (执法主体), officers, the append-only activity record (全过程记录) and the blob index.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 1,
  name: 'foundation: settings, agency, officers, activity record, blobs',
  sql: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE agency (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  name                 TEXT NOT NULL,
  short_name           TEXT NOT NULL,
  credit_code          TEXT NOT NULL,
  address              TEXT NOT NULL,
  postcode             TEXT NOT NULL DEFAULT '',
  phone                TEXT NOT NULL DEFAULT '',
  reconsideration_body TEXT NOT NULL,
  court                TEXT NOT NULL,
  bank_name            TEXT NOT NULL DEFAULT '',
  bank_account_name    TEXT NOT NULL DEFAULT '',
  bank_account_no      TEXT NOT NULL DEFAULT '',
  province             TEXT NOT NULL DEFAULT '',
  jurisdiction         TEXT NOT NULL DEFAULT '',
  updated_at           TEXT NOT NULL
) STRICT;

CREATE TABLE officers (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT NOT NULL,
  post                TEXT NOT NULL DEFAULT '',
  unit                TEXT NOT NULL DEFAULT '',
  cert_no             TEXT NOT NULL UNIQUE,
  cert_type           TEXT NOT NULL,
  cert_area           TEXT NOT NULL DEFAULT '',
  valid_until         TEXT NOT NULL,
  legal_reviewer      INTEGER NOT NULL DEFAULT 0 CHECK (legal_reviewer IN (0, 1)),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  deactivated_at      TEXT,
  deactivation_reason TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX officers_active ON officers(active, name);

-- 全过程记录: append-only, hash-chained. The triggers stop accidental edits; the chain catches deliberate ones.
CREATE TABLE activity_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   TEXT,
  case_id     TEXT,
  summary     TEXT NOT NULL,
  detail      TEXT NOT NULL,
  digest      TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX activity_target ON activity_log(target_type, target_id);
CREATE INDEX activity_case ON activity_log(case_id) WHERE case_id IS NOT NULL;
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;

CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  mime       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`
}
