/**
 * The PDF rendition cache: the rendition of an issued DOCX, keyed by the DOCX's SHA-256 (the PDF in the blob store).
 */
import type { Db } from '../db'

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

export function findRendition(db: Db, docxSha256: string): RenditionRecord | null {
  const r = db.prepare('SELECT * FROM renditions WHERE docx_sha256 = ?').get(docxSha256) as Row | undefined
  return r ? { docxSha256: r.docx_sha256, pdfSha256: r.pdf_sha256, renderer: r.renderer, pages: r.pages, createdAt: r.created_at } : null
}

/** Remember a rendition (a newer one for the same DOCX replaces the old). */
export function saveRendition(db: Db, r: RenditionRecord): void {
  db.prepare('INSERT OR REPLACE INTO renditions (docx_sha256, pdf_sha256, renderer, pages, created_at) VALUES (?, ?, ?, ?, ?)').run(
    r.docxSha256,
    r.pdfSha256,
    r.renderer,
    r.pages,
    r.createdAt
  )
}
