/**
 * The PDF rendition cache: the rendition of an issued DOCX, keyed by the DOCX's SHA-256 (the PDF in the blob store).
 */
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

export interface RenditionRecord {
  docxSha256: string
  pdfSha256: string
  renderer: string
  pages: number
  createdAt: string
}

interface Row {
  docx_sha256: string
  pdf_sha256: string
  renderer: string
  pages: number
  created_at: string
}

export async function findRendition(db: Scope, docxSha256: string): Promise<RenditionRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM renditions WHERE docx_sha256 = ?', [docxSha256])) as Row | undefined
  return r ? { docxSha256: r.docx_sha256, pdfSha256: r.pdf_sha256, renderer: r.renderer, pages: r.pages, createdAt: r.created_at } : null
}

/** Remember a rendition (a newer one for the same DOCX replaces the old). */
export async function saveRendition(db: Scope, r: RenditionRecord): Promise<void> {
  await q.run(
    db,
    'INSERT INTO renditions (docx_sha256, pdf_sha256, renderer, pages, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (docx_sha256) DO UPDATE SET pdf_sha256 = excluded.pdf_sha256, renderer = excluded.renderer, pages = excluded.pages, created_at = excluded.created_at',
    [r.docxSha256, r.pdfSha256, r.renderer, r.pages, r.createdAt]
  )
}
