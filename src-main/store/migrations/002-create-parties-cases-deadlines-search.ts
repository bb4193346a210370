/**
 * Migration 2: parties, cases and their events, deadlines, working-day calendars, deadline rules, numbering and full-text search.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 2,
  name: 'cases: parties, cases, events, deadlines, calendar, deadline rules, numbering, full-text search',
  sql: `
CREATE TABLE parties (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (kind IN ('org', 'sole', 'person')),
  name         TEXT NOT NULL,
  identity_key TEXT NOT NULL UNIQUE,
  data         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX parties_name ON parties(name);

-- gap-free counters, incremented inside the transaction that uses the number
CREATE TABLE number_sequences (
  scope TEXT NOT NULL,
  year  INTEGER NOT NULL,
  last  INTEGER NOT NULL,
  PRIMARY KEY (scope, year)
) STRICT;

CREATE TABLE cases (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  number            TEXT UNIQUE,
  name              TEXT NOT NULL,
  cause             TEXT NOT NULL DEFAULT '',
  facts             TEXT NOT NULL DEFAULT '',
  source            TEXT NOT NULL,
  source_date       TEXT NOT NULL,
  procedure         TEXT NOT NULL CHECK (procedure IN ('summary', 'general')),
  status            TEXT NOT NULL,
  filed_on          TEXT,
  intended_warning  INTEGER NOT NULL DEFAULT 0,
  intended_fine_fen INTEGER NOT NULL DEFAULT 0,
  extended          INTEGER NOT NULL DEFAULT 0,
  suspended         INTEGER NOT NULL DEFAULT 0,
  registered_by     TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX cases_status ON cases(status, updated_at);
CREATE INDEX cases_source_date ON cases(source_date);
CREATE INDEX cases_updated ON cases(updated_at);

CREATE TABLE case_parties (
  case_id  INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  role     TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (case_id, party_id, role)
) STRICT;
CREATE INDEX case_parties_party ON case_parties(party_id);

CREATE TABLE case_officers (
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (case_id, officer_id)
) STRICT;
CREATE INDEX case_officers_officer ON case_officers(officer_id);

CREATE TABLE case_events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  type       TEXT NOT NULL,
  date       TEXT NOT NULL,
  status     TEXT,
  note       TEXT NOT NULL DEFAULT '',
  actor      TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_events_case ON case_events(case_id, date);

CREATE TABLE case_adjustments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  code        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('extension', 'exclusion')),
  length      INTEGER,
  from_date   TEXT,
  to_date     TEXT,
  reason      TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE case_deadlines (
  case_id          INTEGER NOT NULL REFERENCES cases(id),
  code             TEXT NOT NULL,
  label            TEXT NOT NULL,
  kind             TEXT NOT NULL,
  trigger          TEXT NOT NULL,
  start            TEXT NOT NULL,
  length           INTEGER NOT NULL,
  unit             TEXT NOT NULL,
  extension        INTEGER NOT NULL,
  excluded         INTEGER NOT NULL,
  due              TEXT NOT NULL,
  verified         INTEGER NOT NULL,
  calendar_version TEXT NOT NULL,
  rule_version     INTEGER NOT NULL,
  met_at           TEXT,
  source           TEXT NOT NULL,
  PRIMARY KEY (case_id, code)
) STRICT;
CREATE INDEX case_deadlines_open ON case_deadlines(due) WHERE met_at IS NULL;

CREATE TABLE calendar_years (
  year            INTEGER PRIMARY KEY,
  rest_days       TEXT NOT NULL,
  makeup_workdays TEXT NOT NULL,
  source          TEXT NOT NULL,
  version         TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  imported_by     TEXT NOT NULL
) STRICT;

CREATE TABLE deadline_rule_sets (
  version    INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL,
  rules      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

-- substring search over Chinese text: the trigram tokenizer matches any 3+ character run
CREATE VIRTUAL TABLE cases_fts USING fts5(name, cause, facts, parties, tokenize = 'trigram');
`
}
