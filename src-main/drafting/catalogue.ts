/**
 * The bundled template catalogue (templates/manifest.json + templates/<id>.docx), found next to the program,
 (the agency's custom templates come from the store: services/template-source.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ManifestSchema, type Manifest, type TemplateType } from '../core/templates'

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

/** The bundled DOCX of a type. */
export function bundledTemplateBytes(id: string): Buffer {
  return readFileSync(join(loadManifest().dir, `${id}.docx`))
}
