/**
 * Dossier bundle assembly with pdf-lib: front matter (cover, contents list), the items in order, back matter
 * (dossier note); continuous page numbers stamped on content pages only; an outline mirroring the contents
 * list; document metadata.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, rgb, type PDFRef } from 'pdf-lib'

export const A4 = { width: 595.28, height: 841.89 }
export const STAMP_POSITIONS = ['lower-right', 'upper-alternating'] as const
export type StampPosition = (typeof STAMP_POSITIONS)[number]

/** An image (JPEG or PNG) on an A4 page, scaled to fit inside 20 mm margins, never enlarged beyond 2×. */
export async function imageToPdf(bytes: Uint8Array, mime: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const img = mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes)
  const landscape = img.width > img.height
  const page = doc.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height])
  const margin = 56.7 // 20 mm
  const maxW = page.getWidth() - 2 * margin
  const maxH = page.getHeight() - 2 * margin
  const scale = Math.min(maxW / img.width, maxH / img.height, 2)
  const w = img.width * scale
  const h = img.height * scale
  page.drawImage(img, { x: (page.getWidth() - w) / 2, y: (page.getHeight() - h) / 2, width: w, height: h })
  return doc.save()
}

export async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount()
}

/** Content page ranges (1-based) for paginated items in order; unpaginated items get null. */
export function pageRanges(items: { key: string; pages: number }[]): Map<string, { from: number; to: number } | null> {
  const out = new Map<string, { from: number; to: number } | null>()
  let next = 1
  for (const i of items) {
    if (i.pages <= 0) {
      out.set(i.key, null)
      continue
    }
    out.set(i.key, { from: next, to: next + i.pages - 1 })
    next += i.pages
  }
  return out
}

export interface BundleInput {
  front: { title: string; pdf: Uint8Array }[]
  items: { key: string; title: string; pdf: Uint8Array | null }[]
  back: { title: string; pdf: Uint8Array }[]
  stampPosition: StampPosition
  metadata: { title: string; author: string; subject: string; keywords: string[] }
  /** called after each part is copied in */
  onProgress?: (done: number, total: number, title: string) => void
  signal?: AbortSignal
}

function stamp(
  page: ReturnType<PDFDocument['getPages']>[number],
  n: number,
  position: StampPosition,
  font: Awaited<ReturnType<PDFDocument['embedFont']>>
) {
  const text = String(n)
  const size = 11
  const w = font.widthOfTextAtSize(text, size)
  const { width, height } = page.getSize()
  const margin = 28
  let x = width - margin - w
  let y = margin - 6
  if (position === 'upper-alternating') {
    y = height - margin - size
    // archival convention: the front of a sheet upper right, the back upper left
    x = n % 2 === 1 ? width - margin - w : margin
  }
  page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0) })
}

/** Outline (bookmarks): one entry per part, in order, each pointing at the part's first page. */
function addOutline(doc: PDFDocument, entries: { title: string; pageIndex: number }[]) {
  if (entries.length === 0) return
  const ctx = doc.context
  const pages = doc.getPages()
  const outlineRef = ctx.nextRef()
  const refs: PDFRef[] = entries.map(() => ctx.nextRef())
  entries.forEach((e, i) => {
    const dict = ctx.obj({})
    dict.set(PDFName.of('Title'), PDFHexString.fromText(e.title))
    dict.set(PDFName.of('Parent'), outlineRef)
    dict.set(PDFName.of('Dest'), ctx.obj([pages[e.pageIndex]!.ref, PDFName.of('XYZ'), null, null, null]))
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!)
    if (i < entries.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!)
    ctx.assign(refs[i]!, dict)
  })
  const outlines = ctx.obj({})
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'))
  outlines.set(PDFName.of('First'), refs[0]!)
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]!)
  outlines.set(PDFName.of('Count'), PDFNumber.of(entries.length))
  ctx.assign(outlineRef, outlines)
  doc.catalog.set(PDFName.of('Outlines'), outlineRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

export async function assembleBundle(input: BundleInput): Promise<{ pdf: Uint8Array; contentPages: number; totalPages: number }> {
  const out = await PDFDocument.create()
  const font = await out.embedFont(StandardFonts.Helvetica)
  const outline: { title: string; pageIndex: number }[] = []
  const total = input.front.length + input.items.length + input.back.length
  let done = 0
  let contentNo = 0
  const copy = async (pdf: Uint8Array, title: string, numbered: boolean) => {
    if (input.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' })
    const src = await PDFDocument.load(pdf, { updateMetadata: false })
    const pages = await out.copyPages(src, src.getPageIndices())
    outline.push({ title, pageIndex: out.getPageCount() })
    for (const p of pages) {
      out.addPage(p)
      if (numbered) stamp(p, ++contentNo, input.stampPosition, font)
    }
    input.onProgress?.(++done, total, title)
  }
  for (const f of input.front) await copy(f.pdf, f.title, false)
  for (const i of input.items) {
    if (i.pdf) await copy(i.pdf, i.title, true)
    else input.onProgress?.(++done, total, i.title)
  }
  for (const b of input.back) await copy(b.pdf, b.title, false)
  addOutline(out, outline)
  out.setTitle(input.metadata.title, { showInWindowTitleBar: true })
  out.setAuthor(input.metadata.author)
  out.setSubject(input.metadata.subject)
  out.setKeywords(input.metadata.keywords)
  out.setCreator('CaseBinder 案卷通')
  out.setProducer('CaseBinder 案卷通 (pdf-lib)')
  // classic xref table: signature placeholders and other PDF tools handle it everywhere
  const pdf = await out.save({ useObjectStreams: false })
  return { pdf, contentPages: contentNo, totalPages: out.getPageCount() }
}
