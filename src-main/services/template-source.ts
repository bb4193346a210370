import { bundledTemplateBytes } from '../drafting/catalogue'
import type { Scope } from '../store/engine/engine'
import type { StoreHome } from '../store/home'
import { customTemplateSha } from '../store/repos/templates'

/**
 * The DOCX in force for a type: the agency's custom template when imported, else the bundled one. `db` is the open
 * transaction's scope when the caller has one (issuing), else the store.
 */
export async function templateBytes(
  home: StoreHome,
  id: string,
  db: Scope = home.store
): Promise<{ bytes: Buffer; sha256: string | null; custom: boolean }> {
  const sha256 = await customTemplateSha(db, id)
  if (sha256) return { bytes: home.blobs.get(sha256), sha256, custom: true }
  return { bytes: bundledTemplateBytes(id), sha256: null, custom: false }
}
