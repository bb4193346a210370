/**
 * The chromium route: docx-preview renders a batch of DOCX to HTML in one headless Chromium page (see
 * rendition-page.ts), the page is printed once, and the PDF is split back per document (rendition-split.ts).
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { PDFDocument } from 'pdf-lib'
import { FONT_CSS, LAYOUT_CSS, PAGE_SCRIPT } from './rendition-page'
import {
  checkAbort,
  checkIds,
  chunks,
  debug,
  DEBUG,
  RenditionError,
  Serial,
  type ProgressFn,
  type RenditionDoc,
  type Renditioner
} from './rendition-shared'
import { documentStarts, splitPdf } from './rendition-split'
import { CHROMIUM_ARGS } from './rendition-tools'

function browserBundles(): string[] {
  const require = createRequire(import.meta.url)
  const docxPreview = require.resolve('docx-preview') // dist/docx-preview.js, the UMD build (global `docx`)
  const jszip = createRequire(docxPreview).resolve('jszip/dist/jszip.min.js')
  return [readFileSync(jszip, 'utf8'), readFileSync(docxPreview, 'utf8')]
}

interface BatchEstimate {
  error: string | null
  pages: number
}
/** what PAGE_SCRIPT installs in the page */
interface PageApi {
  __cbRendition: { renderBatch(docs: string[]): Promise<BatchEstimate[]>; applyCounts(counts: number[]): void }
}

export class ChromiumRenditioner implements Renditioner {
  readonly name = 'chromium' as const
  private serial = new Serial()
  private closed = false

  private constructor(
    private browser: Browser,
    private context: BrowserContext,
    private page: Page,
    private batchSize: number
  ) {}

  static async launch(executablePath: string, batchSize: number): Promise<ChromiumRenditioner> {
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
    try {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: true })
      const page = await context.newPage()
      if (DEBUG) page.on('console', (m) => debug('page:', m.text()))
      await page.setContent(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${FONT_CSS}\n${LAYOUT_CSS}</style></head><body></body></html>`
      )
      for (const content of [...browserBundles(), PAGE_SCRIPT]) await page.addScriptTag({ content })
      debug('launched')
      return new ChromiumRenditioner(browser, context, page, batchSize)
    } catch (err) {
      await browser.close().catch(() => undefined)
      throw err
    }
  }

  render(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
    return this.serial.run(() => this.renderNow(docs, onProgress, signal))
  }

  private async renderNow(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
    if (this.closed) throw new RenditionError('渲染器已关闭')
    checkIds(docs)
    const out = new Map<string, Uint8Array>()
    let done = 0
    for (const batch of chunks(docs, this.batchSize)) {
      checkAbort(signal)
      const pdfs = await this.renderBatch(batch, signal)
      batch.forEach((d, i) => {
        out.set(d.id, pdfs[i]!)
        onProgress?.(++done, docs.length, d.id)
      })
    }
    return out
  }

  private async renderBatch(batch: RenditionDoc[], signal?: AbortSignal): Promise<Uint8Array[]> {
    const page = this.page
    const b64 = batch.map((d) => Buffer.from(d.docx.buffer, d.docx.byteOffset, d.docx.byteLength).toString('base64'))
    const est = await page.evaluate((docs) => (globalThis as unknown as PageApi).__cbRendition.renderBatch(docs), b64)
    est.forEach((e, i) => {
      if (e.error) throw new RenditionError(`文书 ${batch[i]!.id} 无法解析为 Word 文档：${e.error}`, batch[i]!.id)
    })
    let counts = est.map((e) => e.pages)
    debug('rendered', batch.length)
    // Print with the estimated page counts in the footers; if the printed PDF paginates differently, print again
    // with the real counts (margin boxes do not move the content, so the pagination stays the same).
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.evaluate((c) => (globalThis as unknown as PageApi).__cbRendition.applyCounts(c), counts)
      const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      debug('printed', bytes.length)
      checkAbort(signal)
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
      const starts = documentStarts(pdf, batch.length)
      const total = pdf.getPageCount()
      const actual = starts.map((s, i) => (i + 1 < starts.length ? starts[i + 1]! : total) - s)
      debug('estimate', counts.join(','), 'actual', actual.join(','))
      if (actual.every((n, i) => n === counts[i]) || attempt === 2) {
        return splitPdf(
          pdf,
          starts.map((s, i) => [s, s + actual[i]!] as [number, number])
        )
      }
      counts = actual
    }
    throw new RenditionError('PDF 分页无法确定')
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.serial.run(async () => {
      await this.context.close().catch(() => undefined)
      await this.browser.close().catch(() => undefined)
    })
  }
}
