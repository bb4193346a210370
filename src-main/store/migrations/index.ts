/**
 * Numbered migrations. Each runs once, in order, inside a transaction, and is recorded in
 * schema_migrations with a checksum of its SQL so that an edited, already-applied migration is detected.
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
