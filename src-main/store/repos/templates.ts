/**
 * Custom templates: an agency's own DOCX for a document type (the file in the blob store), used instead of
 * the bundled one. At most one per type.
 */
import type { Db } from '../db'

/** Store the agency's template for a type, replacing the one it had. */
export function saveCustomTemplate(
  db: Db,
  t: { type: string; sha256: string; fileName: string; tags: readonly string[] },
  at: string,
  actor: string
): void {
  db.prepare(
    `INSERT INTO custom_templates (type, sha256, file_name, tags, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(type) DO UPDATE SET sha256 = excluded.sha256, file_name = excluded.file_name, tags = excluded.tags,
       imported_at = excluded.imported_at, imported_by = excluded.imported_by`
  ).run(t.type, t.sha256, t.fileName, JSON.stringify(t.tags), at, actor)
}

/** Remove the agency's template for a type; false when it had none. */
export function deleteCustomTemplate(db: Db, type: string): boolean {
  return db.prepare('DELETE FROM custom_templates WHERE type = ?').run(type).changes > 0
}

/** The blob of the agency's imported template for a type, if any. */
export function customTemplateSha(db: Db, type: string): string | null {
  const row = db.prepare('SELECT sha256 FROM custom_templates WHERE type = ?').get(type) as { sha256: string } | undefined
  return row?.sha256 ?? null
}
