/**
 * PostgreSQL migration 2: the rest of SQLite's migration 1 (officers came first, in migration 1): settings, the
 * agency (执法主体), the append-only activity record (全过程记录) and the blob index.
 *
 * The immutability rules that SQLite enforces with `RAISE(ABORT, '…')` triggers are one trigger function here,
 * refuse_change(), raising the message given as the trigger's argument, word for word the SQLite message, with
 * SQLSTATE 23001 (restrict_violation, in the integrity-constraint class as SQLite's SQLITE_CONSTRAINT_TRIGGER is;
 * engine/errors.ts `isTriggerRefusal` recognises both). PostgreSQL's TRUNCATE skips row triggers, so the activity
 * record also refuses TRUNCATE (SQLite has no TRUNCATE; its DELETE without WHERE fires the row trigger).
 * INTEGER PRIMARY KEY without AUTOINCREMENT (agency.id, activity_log.seq) is a plain bigint key: the program
 * writes those values itself. Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 2,
  name: 'foundation: settings, agency, activity record, blobs',
  sql: `
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE agency (
  id                   bigint PRIMARY KEY CHECK (id = 1),
  name                 text NOT NULL,
  short_name           text NOT NULL,
  credit_code          text NOT NULL,
  address              text NOT NULL,
  postcode             text NOT NULL DEFAULT '',
  phone                text NOT NULL DEFAULT '',
  reconsideration_body text NOT NULL,
  court                text NOT NULL,
  bank_name            text NOT NULL DEFAULT '',
  bank_account_name    text NOT NULL DEFAULT '',
  bank_account_no      text NOT NULL DEFAULT '',
  province             text NOT NULL DEFAULT '',
  jurisdiction         text NOT NULL DEFAULT '',
  updated_at           text NOT NULL
);

-- 全过程记录: append-only, hash-chained. The triggers stop accidental edits; the chain catches deliberate ones.
-- detail is text, not jsonb: its exact text is what the digest and the hash chain cover.
CREATE TABLE activity_log (
  seq         bigint PRIMARY KEY,
  at          text NOT NULL,
  actor       text NOT NULL,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text,
  case_id     text,
  summary     text NOT NULL,
  detail      text NOT NULL,
  digest      text NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
CREATE INDEX activity_target ON activity_log(target_type, target_id);
CREATE INDEX activity_case ON activity_log(case_id) WHERE case_id IS NOT NULL;
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('activity_log is append-only');
CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('activity_log is append-only');
CREATE TRIGGER activity_log_no_truncate BEFORE TRUNCATE ON activity_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('activity_log is append-only');

CREATE TABLE blobs (
  sha256     text PRIMARY KEY,
  size       bigint NOT NULL,
  mime       text NOT NULL,
  created_at text NOT NULL
);
`
}
