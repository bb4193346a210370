/**
 * PostgreSQL migration 7, SQLite's migration 6: people who sign in (users) and the acting user on every activity
 * entry (added at the end of activity_log, as SQLite's ALTER TABLE does, so the columns come in the same order).
 *
 * SQLite's `login … UNIQUE COLLATE NOCASE` is a column collation: the unique constraint and every `login = ?` ignore
 * case. Here the same is a nondeterministic ICU collation (`nocase`: und-u-ks-level2, comparison at the secondary
 * strength, so case is ignored), so the repository's `WHERE login = $1` and the UNIQUE constraint keep their meaning
 * unchanged. Needs a server built with ICU (Debian's and most distributions' are). Unlike NOCASE it folds case
 * beyond ASCII too (and full-width letters to their ASCII forms); LIKE is not available on such a column before
 * PostgreSQL 18 (nothing searches logins with LIKE). Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 7,
  name: 'users and the acting user of each activity entry',
  sql: `
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- the agency's people who sign in: a login (unique whatever its case), roles, a scrypt hash, a lockout counter
CREATE TABLE users (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login           text COLLATE nocase NOT NULL UNIQUE,
  name            text NOT NULL,
  officer_id      bigint REFERENCES officers(id),
  roles           text NOT NULL,
  password_hash   text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  failed_attempts bigint NOT NULL DEFAULT 0,
  locked_until    text,
  created_at      text NOT NULL,
  updated_at      text NOT NULL
);
CREATE UNIQUE INDEX users_officer ON users(officer_id) WHERE officer_id IS NOT NULL;

-- who acted: null on entries written before sign-in existed and by trusted in-process callers
ALTER TABLE activity_log ADD COLUMN actor_user_id bigint;
ALTER TABLE activity_log ADD COLUMN actor_name text;
ALTER TABLE activity_log ADD COLUMN actor_officer_id bigint;
`
}
