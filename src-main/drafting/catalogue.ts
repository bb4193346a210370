/**
 * The bundled template catalogue (templates/manifest.json + templates/<id>.docx), found next to the program,
 * and the agency's custom templates from the blob store.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ManifestSchema, type Manifest, type TemplateType } from '../core/templates'
import type { Home } from '../store/home'

let cached: { dir: string; manifest: Manifest } | null = null

/** CASEBINDER_TEMPLATES, or the nearest templates/ folder above this module (source tree, build output, app resources). */
export function templatesDir(): string {
  if (process.env.CASEBINDER_TEMPLATES) return resolve(process.env.CASEBINDER_TEMPLATES)
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates')
    if (existsSync(join(candidate, 'manifest.json'))) return candidate
    dir = dirname(dir)
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath && existsSync(join(resourcesPath, 'templates', 'manifest.json'))) return join(resourcesPath, 'templates')
  throw new Error('templates/manifest.json not found (set CASEBINDER_TEMPLATES)')
}

export function loadManifest(): { dir: string; manifest: Manifest } {
  if (!cached) {
    const dir = templatesDir()
    cached = { dir, manifest: ManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))) }
  }
  return cached
}

export function templateType(id: string): TemplateType | undefined {
  return loadManifest().manifest.types.find((t) => t.id === id)
}

/** The DOCX in force for a type: the agency's custom template when imported, else the bundled one. */
export function templateBytes(home: Home, id: string): { bytes: Buffer; sha256: string | null; custom: boolean } {
  const row = home.db.prepare('SELECT sha256 FROM custom_templates WHERE type = ?').get(id) as { sha256: string } | undefined
  if (row) return { bytes: home.blobs.get(row.sha256), sha256: row.sha256, custom: true }
  return { bytes: readFileSync(join(loadManifest().dir, `${id}.docx`)), sha256: null, custom: false }
}
