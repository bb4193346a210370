/**
 * The tables as Kysely sees them, one interface per table, column names as in the SQL. The async repositories
 * (store/repos, where they use Kysely's query builder) take their types from here. Both engines share the interface; where a column's JS value
 * differs between them (booleans: 0/1 in SQLite, true/false in PostgreSQL) the type says so and the repository maps it.
 */
import type { ColumnType, Generated } from 'kysely'

/**
 * A boolean column: INTEGER 0/1 in SQLite, boolean in PostgreSQL (all of them: migrations-pg/columns.ts
 * PG_BOOLEAN_COLUMNS). Write it with `flag()`, read with `isSet()`.
 */
export type Flag = ColumnType<number | boolean, number | boolean | undefined, number | boolean>

export interface OfficersTable {
  id: Generated<number>
  name: string
  post: ColumnType<string, string | undefined, string>
  unit: ColumnType<string, string | undefined, string>
  cert_no: string
  cert_type: string
  cert_area: ColumnType<string, string | undefined, string>
  /** YYYY-MM-DD */
  valid_until: string
  legal_reviewer: Flag
  active: Flag
  deactivated_at: string | null
  deactivation_reason: string | null
  /** ISO timestamps, as text on both engines (a desk home moves to the server unchanged) */
  created_at: string
  updated_at: string
}

export interface StoreSchema {
  officers: OfficersTable
}
