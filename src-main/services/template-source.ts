import { bundledTemplateBytes } from '../drafting/catalogue'
import type { Home } from '../store/home'
import { customTemplateSha } from '../store/repos/templates'

/** The DOCX in force for a type: the agency's custom template when imported, else the bundled one. */
export function templateBytes(home: Home, id: string): { bytes: Buffer; sha256: string | null; custom: boolean } {
  const sha256 = customTemplateSha(home.db, id)
  if (sha256) return { bytes: home.blobs.get(sha256), sha256, custom: true }
  return { bytes: bundledTemplateBytes(id), sha256: null, custom: false }
}
