/**
 * PDF renditions of issued DOCX documents, behind one interface with two routes:
 *
 *  - "chromium" (default): docx-preview renders each DOCX to HTML inside headless Chromium (playwright-core
 *    driving an installed Chromium/Chrome/Edge; docx-preview and JSZip are injected from node_modules, no
 *    network). Many documents are rendered into one page, each starting on a new page, and printed once; the
 *    printed PDF is split back per document with pdf-lib, using a named destination `cbdoc-<i>` at the start of
 *    every document. Word's page size and margins become CSS named pages, header and footer text becomes @page
 *    margin boxes, and PAGE / NUMPAGES fields count pages per document (see rendition-page.ts).
 *  - "libreoffice": `soffice --headless --convert-to pdf`, all documents of a batch in one call, with a private
 *    profile (-env:UserInstallation) in a temp folder.
 *
 * Cancellation: the signal is checked before every batch and after every print/convert call (a running soffice is
 * killed); an AbortError is thrown and temp files are removed.
 *
 * This module is the front: the interface, the errors and `createRenditioner`. The routes live in
 * rendition-chromium.ts and rendition-libreoffice.ts, the batch splitting in rendition-split.ts, finding the
 * programs in rendition-tools.ts.
 */
import { ChromiumRenditioner } from './rendition-chromium'
import { LibreOfficeRenditioner } from './rendition-libreoffice'
import { RenditionError, type Renditioner } from './rendition-shared'
import { findChromium, findSoffice } from './rendition-tools'

export { AbortError, RenditionError, type ProgressFn, type RenditionDoc, type Renditioner } from './rendition-shared'
export { namedDestinations } from './rendition-split'
export { CHROMIUM_ARGS, findChromium, findSoffice, libreOfficeAvailable } from './rendition-tools'

export interface RenditionerOptions {
  /** Chromium (chromium route) or soffice (libreoffice route) executable; found automatically when omitted */
  executablePath?: string
  /** documents per print (chromium) or per soffice call (libreoffice); default 20 / 50 */
  batchSize?: number
  /** libreoffice: kill soffice after this many ms per batch (default 60 s + 10 s per document) */
  timeoutMs?: number
}

export async function createRenditioner(kind: 'chromium' | 'libreoffice', opts: RenditionerOptions = {}): Promise<Renditioner> {
  if (kind === 'libreoffice') {
    const soffice = opts.executablePath ?? findSoffice()
    if (!soffice) throw new RenditionError('未找到 LibreOffice（soffice），无法用 LibreOffice 生成 PDF')
    return new LibreOfficeRenditioner(soffice, opts.batchSize ?? 50, opts.timeoutMs)
  }
  const exe = opts.executablePath ?? findChromium()
  if (!exe) throw new RenditionError('未找到 Chromium / Chrome / Edge 浏览器，无法生成 PDF（可设置 CHROMIUM_PATH）')
  return ChromiumRenditioner.launch(exe, opts.batchSize ?? 20)
}
