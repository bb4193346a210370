/**
 * What a migration is, and the checksum that pins its text. Each migration runs once, in order, inside a
 * transaction, and is recorded in schema_migrations with the checksum of its SQL; opening a home whose applied
 * migration no longer has that checksum is refused (db.ts), so a released migration is never edited: add a new one.
 */
import { createHash } from 'node:crypto'

export interface Migration {
  version: number
  name: string
  sql: string
}

/** SHA-256 of the migration's SQL text, exactly as written (hex). */
export function migrationChecksum(m: Pick<Migration, 'sql'>): string {
  return createHash('sha256').update(m.sql).digest('hex')
}
