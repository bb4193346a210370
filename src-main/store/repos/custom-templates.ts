import type { Db } from '../db'

/** The blob of the agency's imported template for a type, if any. */
export function customTemplateSha(db: Db, type: string): string | null {
  const row = db.prepare('SELECT sha256 FROM custom_templates WHERE type = ?').get(type) as { sha256: string } | undefined
  return row?.sha256 ?? null
}
