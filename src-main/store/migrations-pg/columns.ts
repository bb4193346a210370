/**
 * How SQLite's column types become PostgreSQL's (store/migrations → store/migrations-pg), and the one list the
 * repositories need to map values between the engines.
 *
 * - INTEGER PRIMARY KEY AUTOINCREMENT → bigint GENERATED ALWAYS AS IDENTITY (never reuses a value); INTEGER PRIMARY
 *   KEY without AUTOINCREMENT (agency.id, activity_log.seq, calendar_years.year, the case_id keys of dossiers and
 *   case_review_profiles) → a plain bigint key, since the program writes those values.
 * - every other INTEGER → bigint (SQLite's integers are 64-bit; amounts in fen and sizes need it), except the 0/1
 *   flags below → boolean. engine/engine.ts reads bigint as a JS number.
 * - TEXT → text, including ISO dates and timestamps (the repositories read and write the same strings on both
 *   engines, and a desk home moves to the server unchanged).
 * - JSON → text, not jsonb: the activity record's digest and hash chain cover the exact text of `detail`, and jsonb
 *   would reorder keys and drop whitespace; every JSON column is written and parsed by the repositories as a string
 *   on both engines, so one code path serves both. No column is queried inside its JSON.
 * - BLOB → bytea; the schema has none (files live in the blob store, rows hold their SHA-256).
 * - FTS5 trigram tables → a plain table with pg_trgm GIN indexes, kept by triggers (migration 3).
 */

/**
 * Per table, the columns that are INTEGER 0/1 in SQLite and boolean in PostgreSQL. A repository writes them with
 * engine.ts `flag()` and reads them with `isSet()`; schema.ts types them as `Flag`.
 */
export const PG_BOOLEAN_COLUMNS = {
  officers: ['legal_reviewer', 'active'],
  cases: ['intended_warning', 'extended', 'suspended'],
  case_deadlines: ['verified'],
  dossiers: ['locked'],
  case_review_profiles: ['departure'],
  hearings: ['eligible', 'public'],
  users: ['active']
} as const satisfies Readonly<Record<string, readonly string[]>>

/** Whether `table.column` is a flag (0/1 in SQLite, boolean in PostgreSQL). */
export function isBooleanColumn(table: string, column: string): boolean {
  const cols: readonly string[] | undefined = (PG_BOOLEAN_COLUMNS as Readonly<Record<string, readonly string[]>>)[table]
  return cols?.includes(column) ?? false
}
