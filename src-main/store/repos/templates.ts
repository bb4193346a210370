/**
 * Custom templates: an agency's own DOCX for a document type (the file in the blob store), used instead of
 * the bundled one. At most one per type.
 */
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

/** Store the agency's template for a type, replacing the one it had. */
export async function saveCustomTemplate(
  db: Scope,
  t: { type: string; sha256: string; fileName: string; tags: readonly string[] },
  at: string,
  actor: string
): Promise<void> {
  await q.run(
    db,
    `INSERT INTO custom_templates (type, sha256, file_name, tags, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(type) DO UPDATE SET sha256 = excluded.sha256, file_name = excluded.file_name, tags = excluded.tags,
       imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
    [t.type, t.sha256, t.fileName, JSON.stringify(t.tags), at, actor]
  )
}

/** Remove the agency's template for a type; false when it had none. */
export async function deleteCustomTemplate(db: Scope, type: string): Promise<boolean> {
  return (await q.run(db, 'DELETE FROM custom_templates WHERE type = ?', [type])).changes > 0
}

/** The blob of the agency's imported template for a type, if any. */
export async function customTemplateSha(db: Scope, type: string): Promise<string | null> {
  const row = (await q.get(db, 'SELECT sha256 FROM custom_templates WHERE type = ?', [type])) as { sha256: string } | undefined
  return row?.sha256 ?? null
}
