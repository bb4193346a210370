/**
 * Splitting one printed batch back into one PDF per document: every document starts at a named destination
 * `cbdoc-<i>` (set by the page script), found through the catalog's /Dests and the /Names /Dests tree.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib'
import { RenditionError } from './rendition-shared'

function destPageRef(v: PDFObject | undefined, doc: PDFDocument): PDFRef | null {
  let o = v instanceof PDFRef ? doc.context.lookup(v) : v
  if (o instanceof PDFDict) o = o.lookup(PDFName.of('D'))
  if (o instanceof PDFArray && o.size() > 0) {
    const first = o.get(0)
    return first instanceof PDFRef ? first : null
  }
  return null
}

/** named destinations of a PDF: the catalog's /Dests dictionary and the /Names /Dests name tree */
export function namedDestinations(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]))
  const out = new Map<string, number>()
  const put = (name: string, v: PDFObject | undefined) => {
    const ref = destPageRef(v, doc)
    const i = ref ? pageIndex.get(ref.toString()) : undefined
    if (i !== undefined) out.set(name, i)
  }
  const dests = doc.catalog.lookup(PDFName.of('Dests'))
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) put(k.decodeText(), v)
  const names = doc.catalog.lookup(PDFName.of('Names'))
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined
  const walk = (node: unknown, depth: number) => {
    if (!(node instanceof PDFDict) || depth > 32) return
    const arr = node.lookup(PDFName.of('Names'))
    if (arr instanceof PDFArray) {
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        const key = arr.lookup(i) as { decodeText?: () => string }
        if (key?.decodeText) put(key.decodeText(), arr.get(i + 1))
      }
    }
    const kids = node.lookup(PDFName.of('Kids'))
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i), depth + 1)
  }
  walk(tree, 0)
  return out
}

/** first page of every document of the batch (0-based), from the `cbdoc-<i>` destinations */
export function documentStarts(pdf: PDFDocument, n: number): number[] {
  const dests = namedDestinations(pdf)
  const starts: number[] = []
  for (let i = 0; i < n; i++) {
    const p = dests.get(`cbdoc-${i}`)
    if (p === undefined) throw new RenditionError(`PDF 分拆失败：未找到第 ${i + 1} 份文书的起始页标记`)
    if (i === 0 ? p !== 0 : p <= starts[i - 1]!)
      throw new RenditionError(`PDF 分拆失败：第 ${i + 1} 份文书的起始页（${p + 1}）不在前一份之后`)
    starts.push(p)
  }
  return starts
}

export async function splitPdf(pdf: PDFDocument, ranges: [number, number][]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for (const [from, to] of ranges) {
    const part = await PDFDocument.create()
    const pages = await part.copyPages(
      pdf,
      Array.from({ length: to - from }, (_, k) => from + k)
    )
    for (const p of pages) part.addPage(p)
    part.setProducer('CaseBinder rendition (Chromium)')
    out.push(await part.save())
  }
  return out
}
