/**
 * Migration 5: legal review and the major-decision catalogue, hearings, collective discussion, waivers and publicity.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 5,
  name: 'legal review, hearings, collective discussion, waivers and publicity',
  sql: `
-- 重大执法决定法制审核目录清单, versioned like the deadline rules
CREATE TABLE major_catalogues (
  version        INTEGER PRIMARY KEY AUTOINCREMENT,
  name           TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  config         TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
) STRICT;

-- what a case intends beyond warning and fine, and the handler's manual flags
CREATE TABLE case_review_profiles (
  case_id          INTEGER PRIMARY KEY REFERENCES cases(id),
  measures         TEXT NOT NULL DEFAULT '[]',
  confiscation_fen INTEGER NOT NULL DEFAULT 0,
  departure        INTEGER NOT NULL DEFAULT 0 CHECK (departure IN (0, 1)),
  departure_reason TEXT NOT NULL DEFAULT '',
  manual_flags     TEXT NOT NULL DEFAULT '[]',
  updated_at       TEXT NOT NULL
) STRICT;

-- one row per review round; a returned or rejected case is resubmitted as a new round
CREATE TABLE legal_reviews (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id             INTEGER NOT NULL REFERENCES cases(id),
  round               INTEGER NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('in_review', 'approved', 'approved_with_changes', 'rejected', 'returned')),
  catalogue_version   INTEGER NOT NULL REFERENCES major_catalogues(version),
  triggers            TEXT NOT NULL,
  materials           TEXT NOT NULL,
  document_id         INTEGER REFERENCES documents(id),
  document_revision   INTEGER,
  reviewer_id         INTEGER NOT NULL REFERENCES officers(id),
  submitted_on        TEXT NOT NULL,
  submitted_by        TEXT NOT NULL,
  submit_note         TEXT NOT NULL DEFAULT '',
  due                 TEXT NOT NULL,
  decided_on          TEXT,
  decided_by          TEXT,
  decision            TEXT,
  opinion_document_id INTEGER REFERENCES documents(id),
  response            TEXT CHECK (response IN ('accepted', 'disagreed')),
  response_note       TEXT NOT NULL DEFAULT '',
  responded_on        TEXT,
  coordination        TEXT NOT NULL DEFAULT '',
  head_name           TEXT NOT NULL DEFAULT '',
  head_decision       TEXT NOT NULL DEFAULT '',
  coordinated_on      TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (case_id, round)
) STRICT;
CREATE INDEX legal_reviews_open ON legal_reviews(status, due);

CREATE TABLE hearings (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  status         TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'held', 'waived', 'not_eligible')),
  requested_on   TEXT NOT NULL,
  eligible       INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  eligibility    TEXT NOT NULL DEFAULT '',
  notice_on      TEXT,
  scheduled_at   TEXT,
  place          TEXT NOT NULL DEFAULT '',
  chair_id       INTEGER REFERENCES officers(id),
  chair_name     TEXT NOT NULL DEFAULT '',
  clerk          TEXT NOT NULL DEFAULT '',
  public         INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
  private_reason TEXT NOT NULL DEFAULT '',
  agents         TEXT NOT NULL DEFAULT '[]',
  held_on        TEXT,
  summary        TEXT NOT NULL DEFAULT '',
  waived_on      TEXT,
  waiver_note    TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX hearings_case ON hearings(case_id);

-- written waivers of the statement or hearing right (行政处罚法第六十二条)
CREATE TABLE case_waivers (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  right_kind TEXT NOT NULL CHECK (right_kind IN ('statement', 'hearing')),
  date       TEXT NOT NULL,
  note       TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE discussions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  held_on         TEXT NOT NULL,
  chair           TEXT NOT NULL,
  attendees       TEXT NOT NULL,
  conclusion      TEXT NOT NULL CHECK (conclusion IN ('penalty', 'no_penalty', 'not_established', 'transfer', 'further_investigation')),
  conclusion_text TEXT NOT NULL,
  record          TEXT NOT NULL DEFAULT '',
  document_id     INTEGER REFERENCES documents(id),
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX discussions_case ON discussions(case_id);

-- 双公示 records built from issued decisions
CREATE TABLE publicity_records (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id              INTEGER NOT NULL REFERENCES cases(id),
  decision_document_id INTEGER NOT NULL REFERENCES documents(id),
  status               TEXT NOT NULL CHECK (status IN ('pending', 'published', 'withdrawn', 'corrected', 'expired', 'removed_early')),
  record               TEXT NOT NULL,
  redactions           INTEGER NOT NULL,
  due                  TEXT NOT NULL,
  min_until            TEXT NOT NULL,
  max_until            TEXT NOT NULL,
  published_on         TEXT,
  url                  TEXT NOT NULL DEFAULT '',
  withdrawn_on         TEXT,
  withdraw_reason      TEXT,
  withdraw_note        TEXT NOT NULL DEFAULT '',
  superseded_by        INTEGER REFERENCES publicity_records(id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX publicity_status ON publicity_records(status, due);
CREATE INDEX publicity_case ON publicity_records(case_id);
`
}
