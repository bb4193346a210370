/**
 * Migration 7: approvals by a head (负责人审批: 立案、案件处理、结案), each naming the head who decided.
 * Released: never edit it (every home records its checksum and refuses a changed text); add a new migration.
 */
import type { Migration } from './migration'

export const migration: Migration = {
  version: 7,
  name: 'approvals by a head',
  sql: `
-- one row per decision of a head on a case; the approval form it filled is document_id
CREATE TABLE approvals (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id          INTEGER NOT NULL REFERENCES cases(id),
  kind             TEXT NOT NULL CHECK (kind IN ('filing', 'handling', 'closing')),
  outcome          TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  opinion          TEXT NOT NULL CHECK (length(opinion) > 0),
  approver_user_id INTEGER REFERENCES users(id),
  approver_name    TEXT NOT NULL,
  decided_on       TEXT NOT NULL,
  decided_at       TEXT NOT NULL,
  document_id      INTEGER REFERENCES documents(id)
) STRICT;
CREATE INDEX approvals_case ON approvals(case_id, id);
`
}
