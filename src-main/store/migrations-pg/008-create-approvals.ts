/**
 * PostgreSQL migration 8, SQLite's migration 7: approvals by a head (负责人审批: 立案、案件处理、结案), each naming
 * the head who decided. Unreleased until the bureau server ships; from then on never edited.
 */
import type { Migration } from '../migrations/migration'

export const migration: Migration = {
  version: 8,
  name: 'approvals by a head',
  sql: `
-- one row per decision of a head on a case; the approval form it filled is document_id
CREATE TABLE approvals (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          bigint NOT NULL REFERENCES cases(id),
  kind             text NOT NULL CHECK (kind IN ('filing', 'handling', 'closing')),
  outcome          text NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  opinion          text NOT NULL CHECK (length(opinion) > 0),
  approver_user_id bigint REFERENCES users(id),
  approver_name    text NOT NULL,
  decided_on       text NOT NULL,
  decided_at       text NOT NULL,
  document_id      bigint REFERENCES documents(id)
);
CREATE INDEX approvals_case ON approvals(case_id, id);
`
}
