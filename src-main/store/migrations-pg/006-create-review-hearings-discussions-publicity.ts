/**
 * PostgreSQL migration 6, SQLite's migration 5: legal review and the major-decision catalogue, hearings, collective
 * discussion, waivers and publicity. Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 6,
  name: 'legal review, hearings, collective discussion, waivers and publicity',
  sql: `
-- 重大执法决定法制审核目录清单, versioned like the deadline rules
CREATE TABLE major_catalogues (
  version        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL,
  effective_from text NOT NULL,
  config         text NOT NULL,
  created_at     text NOT NULL,
  created_by     text NOT NULL
);

-- what a case intends beyond warning and fine, and the handler's manual flags
CREATE TABLE case_review_profiles (
  case_id          bigint PRIMARY KEY REFERENCES cases(id),
  measures         text NOT NULL DEFAULT '[]',
  confiscation_fen bigint NOT NULL DEFAULT 0,
  departure        boolean NOT NULL DEFAULT false,
  departure_reason text NOT NULL DEFAULT '',
  manual_flags     text NOT NULL DEFAULT '[]',
  updated_at       text NOT NULL
);

-- one row per review round; a returned or rejected case is resubmitted as a new round
CREATE TABLE legal_reviews (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id             bigint NOT NULL REFERENCES cases(id),
  round               bigint NOT NULL,
  status              text NOT NULL CHECK (status IN ('in_review', 'approved', 'approved_with_changes', 'rejected', 'returned')),
  catalogue_version   bigint NOT NULL REFERENCES major_catalogues(version),
  triggers            text NOT NULL,
  materials           text NOT NULL,
  document_id         bigint REFERENCES documents(id),
  document_revision   bigint,
  reviewer_id         bigint NOT NULL REFERENCES officers(id),
  submitted_on        text NOT NULL,
  submitted_by        text NOT NULL,
  submit_note         text NOT NULL DEFAULT '',
  due                 text NOT NULL,
  decided_on          text,
  decided_by          text,
  decision            text,
  opinion_document_id bigint REFERENCES documents(id),
  response            text CHECK (response IN ('accepted', 'disagreed')),
  response_note       text NOT NULL DEFAULT '',
  responded_on        text,
  coordination        text NOT NULL DEFAULT '',
  head_name           text NOT NULL DEFAULT '',
  head_decision       text NOT NULL DEFAULT '',
  coordinated_on      text,
  created_at          text NOT NULL,
  updated_at          text NOT NULL,
  UNIQUE (case_id, round)
);
CREATE INDEX legal_reviews_open ON legal_reviews(status, due);

CREATE TABLE hearings (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        bigint NOT NULL REFERENCES cases(id),
  status         text NOT NULL CHECK (status IN ('requested', 'scheduled', 'held', 'waived', 'not_eligible')),
  requested_on   text NOT NULL,
  eligible       boolean NOT NULL,
  eligibility    text NOT NULL DEFAULT '',
  notice_on      text,
  scheduled_at   text,
  place          text NOT NULL DEFAULT '',
  chair_id       bigint REFERENCES officers(id),
  chair_name     text NOT NULL DEFAULT '',
  clerk          text NOT NULL DEFAULT '',
  public         boolean NOT NULL DEFAULT true,
  private_reason text NOT NULL DEFAULT '',
  agents         text NOT NULL DEFAULT '[]',
  held_on        text,
  summary        text NOT NULL DEFAULT '',
  waived_on      text,
  waiver_note    text NOT NULL DEFAULT '',
  created_at     text NOT NULL,
  updated_at     text NOT NULL
);
CREATE INDEX hearings_case ON hearings(case_id);

-- written waivers of the statement or hearing right (行政处罚法第六十二条)
CREATE TABLE case_waivers (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES cases(id),
  right_kind text NOT NULL CHECK (right_kind IN ('statement', 'hearing')),
  date       text NOT NULL,
  note       text NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE discussions (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES cases(id),
  held_on         text NOT NULL,
  chair           text NOT NULL,
  attendees       text NOT NULL,
  conclusion      text NOT NULL CHECK (conclusion IN ('penalty', 'no_penalty', 'not_established', 'transfer', 'further_investigation')),
  conclusion_text text NOT NULL,
  record          text NOT NULL DEFAULT '',
  document_id     bigint REFERENCES documents(id),
  created_by      text NOT NULL,
  created_at      text NOT NULL
);
CREATE INDEX discussions_case ON discussions(case_id);

-- 双公示 records built from issued decisions
CREATE TABLE publicity_records (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id              bigint NOT NULL REFERENCES cases(id),
  decision_document_id bigint NOT NULL REFERENCES documents(id),
  status               text NOT NULL CHECK (status IN ('pending', 'published', 'withdrawn', 'corrected', 'expired', 'removed_early')),
  record               text NOT NULL,
  redactions           bigint NOT NULL,
  due                  text NOT NULL,
  min_until            text NOT NULL,
  max_until            text NOT NULL,
  published_on         text,
  url                  text NOT NULL DEFAULT '',
  withdrawn_on         text,
  withdraw_reason      text,
  withdraw_note        text NOT NULL DEFAULT '',
  superseded_by        bigint REFERENCES publicity_records(id),
  created_at           text NOT NULL,
  updated_at           text NOT NULL
);
CREATE INDEX publicity_status ON publicity_records(status, due);
CREATE INDEX publicity_case ON publicity_records(case_id);
`
}
