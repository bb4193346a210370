/**
 * Migration 6: people who sign in (users) and the acting user on every activity entry.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 6,
  name: 'users and the acting user of each activity entry',
  sql: `
-- the agency's people who sign in: a login (unique whatever its case), roles, a scrypt hash, a lockout counter
CREATE TABLE users (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  login           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name            TEXT NOT NULL,
  officer_id      INTEGER REFERENCES officers(id),
  roles           TEXT NOT NULL,
  password_hash   TEXT NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_officer ON users(officer_id) WHERE officer_id IS NOT NULL;

-- who acted: null on entries written before sign-in existed and by trusted in-process callers
ALTER TABLE activity_log ADD COLUMN actor_user_id INTEGER;
ALTER TABLE activity_log ADD COLUMN actor_name TEXT;
ALTER TABLE activity_log ADD COLUMN actor_officer_id INTEGER;
`
}
