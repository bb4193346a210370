/**
 * PostgreSQL migration 3, SQLite's migration 2: parties, cases and their events, deadlines, working-day calendars,
 * deadline rules, numbering and full-text search.
 *
 * Search: SQLite's cases_fts is an FTS5 table with the trigram tokenizer, one row per case (rowid = the case id),
 * written by the repository (repos/case-search.ts `indexCase`) in the case's transaction. Here cases_fts is a plain
 * table with the same columns and `rowid` as the case id, so the repository's queries keep their shape; a GIN index
 * with pg_trgm's gin_trgm_ops over the four columns serves `col ILIKE '%…%'` (FTS5's trigram matching is
 * case-insensitive too), and triggers keep the row in step with the case, its parties and their names, exactly as
 * indexCase writes it (party names in position order, joined by a space): on PostgreSQL indexCase has nothing to do.
 *
 * pg_trgm: CREATE EXTENSION needs the CREATE privilege on the database (pg_trgm is a trusted extension since
 * PostgreSQL 13, so the database owner may install it; no superuser needed), or the extension installed beforehand by
 * an administrator. pg_trgm takes its trigrams from alphanumeric runs as the database's LC_CTYPE classifies them: with
 * LC_CTYPE 'C' Chinese characters count as separators and no trigram is taken from them (searches stay correct but
 * scan the whole index). Create the bureau server's database with a UTF-8 LC_CTYPE (C.UTF-8, zh_CN.UTF-8).
 * Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 3,
  name: 'cases: parties, cases, events, deadlines, calendar, deadline rules, numbering, full-text search',
  sql: `
CREATE TABLE parties (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('org', 'sole', 'person')),
  name         text NOT NULL,
  identity_key text NOT NULL UNIQUE,
  data         text NOT NULL,
  created_at   text NOT NULL,
  updated_at   text NOT NULL
);
CREATE INDEX parties_name ON parties(name);

-- gap-free counters, incremented inside the transaction that uses the number
CREATE TABLE number_sequences (
  scope text NOT NULL,
  year  bigint NOT NULL,
  last  bigint NOT NULL,
  PRIMARY KEY (scope, year)
);

CREATE TABLE cases (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number            text UNIQUE,
  name              text NOT NULL,
  cause             text NOT NULL DEFAULT '',
  facts             text NOT NULL DEFAULT '',
  source            text NOT NULL,
  source_date       text NOT NULL,
  procedure         text NOT NULL CHECK (procedure IN ('summary', 'general')),
  status            text NOT NULL,
  filed_on          text,
  intended_warning  boolean NOT NULL DEFAULT false,
  intended_fine_fen bigint NOT NULL DEFAULT 0,
  extended          boolean NOT NULL DEFAULT false,
  suspended         boolean NOT NULL DEFAULT false,
  registered_by     text NOT NULL,
  created_at        text NOT NULL,
  updated_at        text NOT NULL
);
CREATE INDEX cases_status ON cases(status, updated_at);
CREATE INDEX cases_source_date ON cases(source_date);
CREATE INDEX cases_updated ON cases(updated_at);

CREATE TABLE case_parties (
  case_id  bigint NOT NULL REFERENCES cases(id),
  party_id bigint NOT NULL REFERENCES parties(id),
  role     text NOT NULL,
  position bigint NOT NULL,
  PRIMARY KEY (case_id, party_id, role)
);
CREATE INDEX case_parties_party ON case_parties(party_id);

CREATE TABLE case_officers (
  case_id    bigint NOT NULL REFERENCES cases(id),
  officer_id bigint NOT NULL REFERENCES officers(id),
  position   bigint NOT NULL,
  PRIMARY KEY (case_id, officer_id)
);
CREATE INDEX case_officers_officer ON case_officers(officer_id);

CREATE TABLE case_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES cases(id),
  type       text NOT NULL,
  date       text NOT NULL,
  status     text,
  note       text NOT NULL DEFAULT '',
  actor      text NOT NULL,
  created_at text NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, date);

CREATE TABLE case_adjustments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases(id),
  code        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('extension', 'exclusion')),
  length      bigint,
  from_date   text,
  to_date     text,
  reason      text NOT NULL,
  approved_by text NOT NULL DEFAULT '',
  created_at  text NOT NULL
);

CREATE TABLE case_deadlines (
  case_id          bigint NOT NULL REFERENCES cases(id),
  code             text NOT NULL,
  label            text NOT NULL,
  kind             text NOT NULL,
  trigger          text NOT NULL,
  start            text NOT NULL,
  length           bigint NOT NULL,
  unit             text NOT NULL,
  extension        bigint NOT NULL,
  excluded         bigint NOT NULL,
  due              text NOT NULL,
  verified         boolean NOT NULL,
  calendar_version text NOT NULL,
  rule_version     bigint NOT NULL,
  met_at           text,
  source           text NOT NULL,
  PRIMARY KEY (case_id, code)
);
CREATE INDEX case_deadlines_open ON case_deadlines(due) WHERE met_at IS NULL;

CREATE TABLE calendar_years (
  year            bigint PRIMARY KEY,
  rest_days       text NOT NULL,
  makeup_workdays text NOT NULL,
  source          text NOT NULL,
  version         text NOT NULL,
  imported_at     text NOT NULL,
  imported_by     text NOT NULL
);

CREATE TABLE deadline_rule_sets (
  version    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL,
  rules      text NOT NULL,
  created_at text NOT NULL,
  created_by text NOT NULL
);

-- substring search over Chinese text: pg_trgm matches any 3+ character run through the GIN index
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cases_fts (
  rowid   bigint PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  name    text NOT NULL,
  cause   text NOT NULL,
  facts   text NOT NULL,
  parties text NOT NULL
);
CREATE INDEX cases_fts_trgm ON cases_fts
  USING gin (name gin_trgm_ops, cause gin_trgm_ops, facts gin_trgm_ops, parties gin_trgm_ops);

-- the search row of one case, as repos/case-search.ts indexCase writes it
CREATE FUNCTION cases_fts_refresh(target bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cases_fts (rowid, name, cause, facts, parties)
  SELECT c.id, c.name, c.cause, c.facts,
         COALESCE((SELECT string_agg(p.name, ' ' ORDER BY cp.position, cp.party_id, cp.role)
                     FROM case_parties cp JOIN parties p ON p.id = cp.party_id
                    WHERE cp.case_id = c.id), '')
    FROM cases c
   WHERE c.id = target
  ON CONFLICT (rowid) DO UPDATE
    SET name = excluded.name, cause = excluded.cause, facts = excluded.facts, parties = excluded.parties;
END
$$;

CREATE FUNCTION cases_fts_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_fts_refresh(NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER cases_fts_case AFTER INSERT OR UPDATE OF name, cause, facts ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_fts_on_case();

CREATE FUNCTION cases_fts_on_case_party() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM cases_fts_refresh(OLD.case_id);
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM cases_fts_refresh(NEW.case_id);
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.case_id <> OLD.case_id THEN
      PERFORM cases_fts_refresh(NEW.case_id);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER cases_fts_case_parties AFTER INSERT OR UPDATE OR DELETE ON case_parties
  FOR EACH ROW EXECUTE FUNCTION cases_fts_on_case_party();

CREATE FUNCTION cases_fts_on_party() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_fts_refresh(cp.case_id) FROM (SELECT DISTINCT case_id FROM case_parties WHERE party_id = NEW.id) cp;
  RETURN NULL;
END
$$;
CREATE TRIGGER cases_fts_party AFTER UPDATE OF name ON parties
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION cases_fts_on_party();
`
}
