/**
 * PostgreSQL migration 1: officers (执法人员), the same columns as SQLite's migration 1 creates. Types: the
 * AUTOINCREMENT id becomes an identity that never reuses a value; TEXT stays text, including the ISO dates and
 * timestamps (the repositories read and write the same strings on both engines, and a desk home moves over unchanged);
 * the 0/1 flags become boolean.
 * PostgreSQL's migrations are numbered on their own (the bureau server's schema grows table by table as the async
 * store does). Unreleased until the bureau server ships; from then on never edited: add a new migration.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 1,
  name: 'officers',
  sql: `
CREATE TABLE officers (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                text NOT NULL,
  post                text NOT NULL DEFAULT '',
  unit                text NOT NULL DEFAULT '',
  cert_no             text NOT NULL UNIQUE,
  cert_type           text NOT NULL,
  cert_area           text NOT NULL DEFAULT '',
  valid_until         text NOT NULL,
  legal_reviewer      boolean NOT NULL DEFAULT false,
  active              boolean NOT NULL DEFAULT true,
  deactivated_at      text,
  deactivation_reason text,
  created_at          text NOT NULL,
  updated_at          text NOT NULL
);
CREATE INDEX officers_active ON officers(active, name);
`
}
