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
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib'
import { FONT_CSS, LAYOUT_CSS, PAGE_SCRIPT } from './rendition-page'

export type RenditionDoc = { id: string; docx: Uint8Array }
export type ProgressFn = (done: number, total: number, id: string) => void

export interface Renditioner {
  name: 'chromium' | 'libreoffice'
  render(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>>
  close(): Promise<void>
}

export interface RenditionerOptions {
  /** Chromium (chromium route) or soffice (libreoffice route) executable; found automatically when omitted */
  executablePath?: string
  /** documents per print (chromium) or per soffice call (libreoffice); default 20 / 50 */
  batchSize?: number
  /** libreoffice: kill soffice after this many ms per batch (default 60 s + 10 s per document) */
  timeoutMs?: number
}

export class AbortError extends Error {
  constructor(message = '已取消') {
    super(message)
    this.name = 'AbortError'
  }
}

export class RenditionError extends Error {
  constructor(
    message: string,
    readonly docId?: string
  ) {
    super(message)
    this.name = 'RenditionError'
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

function firstExisting(paths: (string | undefined | null)[]): string | null {
  for (const p of paths) if (p && existsSync(p)) return p
  return null
}

function onPath(names: string[]): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  return dirs.flatMap((d) => names.map((n) => join(d, n)))
}

/** An installed Chromium, Chrome or Edge: CHROMIUM_PATH, then the usual Linux, Windows and macOS places. */
export function findChromium(): string | null {
  const env = process.env
  const pf = env['ProgramFiles'] ?? 'C:\\Program Files'
  const pf86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'
  const local = env['LOCALAPPDATA']
  const candidates =
    process.platform === 'win32'
      ? [
          join(pf86, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(pf, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
          join(pf, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          join(pf86, 'Google', 'Chrome', 'Application', 'chrome.exe'),
          local ? join(local, 'Google', 'Chrome', 'Application', 'chrome.exe') : null,
          local ? join(local, 'Chromium', 'Application', 'chrome.exe') : null
        ]
      : process.platform === 'darwin'
        ? [
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
            '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
          ]
        : [
            '/usr/bin/chromium',
            '/usr/bin/chromium-browser',
            '/usr/bin/google-chrome',
            '/usr/bin/google-chrome-stable',
            '/snap/bin/chromium',
            ...onPath(['chromium', 'chromium-browser', 'google-chrome'])
          ]
  return firstExisting([env.CHROMIUM_PATH, ...candidates])
}

/** LibreOffice's soffice: SOFFICE_PATH, PATH, then the usual install places. */
export function findSoffice(): string | null {
  const env = process.env
  const pf = env['ProgramFiles'] ?? 'C:\\Program Files'
  const pf86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'
  const candidates =
    process.platform === 'win32'
      ? [join(pf, 'LibreOffice', 'program', 'soffice.exe'), join(pf86, 'LibreOffice', 'program', 'soffice.exe'), ...onPath(['soffice.exe'])]
      : process.platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice', ...onPath(['soffice'])]
        : [
            ...onPath(['soffice', 'libreoffice']),
            '/usr/bin/soffice',
            '/usr/lib/libreoffice/program/soffice',
            '/opt/libreoffice/program/soffice',
            '/snap/bin/libreoffice'
          ]
  return firstExisting([env.SOFFICE_PATH, ...candidates])
}

export function libreOfficeAvailable(): boolean {
  return findSoffice() !== null
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

// ----------------------------------------------------------------------------------------------------------------
// shared
// ----------------------------------------------------------------------------------------------------------------

const DEBUG = process.env.CASEBINDER_DEBUG_RENDITION === '1'
let t0 = Date.now()
function debug(...args: unknown[]): void {
  if (!DEBUG) return
  const now = Date.now()
  process.stderr.write(`[rendition +${now - t0}ms] ${args.join(' ')}\n`)
  t0 = now
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AbortError()
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)))
  return out
}

function checkIds(docs: RenditionDoc[]): void {
  const seen = new Set<string>()
  for (const d of docs) {
    if (seen.has(d.id)) throw new RenditionError(`文书标识重复：${d.id}`, d.id)
    seen.add(d.id)
  }
}

/** one render at a time per renditioner (one page / one soffice profile) */
class Serial {
  private tail: Promise<unknown> = Promise.resolve()
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn)
    this.tail = next.catch(() => undefined)
    return next
  }
}

// ----------------------------------------------------------------------------------------------------------------
// splitting a printed batch
// ----------------------------------------------------------------------------------------------------------------

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
function documentStarts(pdf: PDFDocument, n: number): number[] {
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

async function splitPdf(pdf: PDFDocument, ranges: [number, number][]): Promise<Uint8Array[]> {
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

// ----------------------------------------------------------------------------------------------------------------
// chromium route
// ----------------------------------------------------------------------------------------------------------------

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

class ChromiumRenditioner implements Renditioner {
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

// ----------------------------------------------------------------------------------------------------------------
// libreoffice route
// ----------------------------------------------------------------------------------------------------------------

/**
 * Linux only: fontconfig prefers TrueType open fonts for the Chinese families of the templates (as the chromium
 * route's CSS does), instead of whatever the system substitutes (often Noto Sans CJK for every family).
 */
const LO_ALIASES: [string[], string[]][] = [
  [
    ['SimSun', '宋体', 'NSimSun', '新宋体', 'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', '方正小标宋简体', '华文中宋'],
    ['AR PL UMing CN']
  ],
  [['SimHei', '黑体', 'Microsoft YaHei', '微软雅黑'], ['WenQuanYi Zen Hei']],
  [
    ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312'],
    ['AR PL UKai CN', 'AR PL UMing CN']
  ]
]
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const LO_FONTCONFIG = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${LO_ALIASES.flatMap(([names, prefer]) => names.map((n) => `  <alias binding="same"><family>${xmlText(n)}</family><prefer>${prefer.map((p) => `<family>${xmlText(p)}</family>`).join('')}</prefer></alias>`)).join('\n')}
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`

class LibreOfficeRenditioner implements Renditioner {
  readonly name = 'libreoffice' as const
  private serial = new Serial()
  private closed = false
  private home: string | null = null

  constructor(
    private soffice: string,
    private batchSize: number,
    private timeoutMs?: number
  ) {}

  /** a private LibreOffice profile (and fontconfig file), created on first use and removed by close() */
  private profile(): string {
    if (!this.home) {
      this.home = mkdtempSync(join(tmpdir(), 'casebinder-lo-profile-'))
      mkdirSync(join(this.home, 'user'))
      if (process.platform !== 'win32' && process.platform !== 'darwin' && existsSync('/etc/fonts/fonts.conf')) {
        writeFileSync(join(this.home, 'fonts.conf'), LO_FONTCONFIG)
      }
    }
    return this.home
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
      const work = mkdtempSync(join(tmpdir(), 'casebinder-lo-'))
      try {
        const inDir = join(work, 'in')
        const outDir = join(work, 'out')
        mkdirSync(inDir)
        mkdirSync(outDir)
        // file names we choose: ids may hold any characters
        const names = batch.map((d, i) => {
          const name = `d${String(i).padStart(4, '0')}.docx`
          writeFileSync(join(inDir, name), d.docx)
          return name
        })
        await this.convert(
          names.map((n) => join(inDir, n)),
          outDir,
          batch.length,
          signal
        )
        checkAbort(signal)
        batch.forEach((d, i) => {
          const pdfPath = join(outDir, names[i]!.replace(/\.docx$/, '.pdf'))
          if (!existsSync(pdfPath)) throw new RenditionError(`LibreOffice 未能转换文书 ${d.id}`, d.id)
          out.set(d.id, new Uint8Array(readFileSync(pdfPath)))
          onProgress?.(++done, docs.length, d.id)
        })
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    }
    return out
  }

  private convert(inputs: string[], outDir: string, n: number, signal?: AbortSignal): Promise<void> {
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(this.profile(), 'user')).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--norestore',
      '--nofirststartwizard',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      ...inputs
    ]
    return new Promise<void>((resolve, reject) => {
      const fontconfig = join(this.profile(), 'fonts.conf')
      const env = existsSync(fontconfig) ? { ...process.env, FONTCONFIG_FILE: fontconfig } : process.env
      const child = spawn(this.soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env })
      let stderr = ''
      child.stdout.on('data', () => undefined)
      child.stderr.on('data', (b: Buffer) => {
        if (stderr.length < 4000) stderr += b.toString()
      })
      let why: Error | null = null
      const kill = (err: Error) => {
        why = err
        child.kill('SIGKILL')
      }
      const onAbort = () => kill(new AbortError())
      signal?.addEventListener('abort', onAbort, { once: true })
      const timer = setTimeout(() => kill(new RenditionError('LibreOffice 转换超时')), this.timeoutMs ?? 60_000 + 10_000 * n)
      child.on('error', (err) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        reject(why ?? new RenditionError(`无法启动 LibreOffice：${err.message}`))
      })
      child.on('close', (code) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        if (why) reject(why)
        else if (code !== 0) reject(new RenditionError(`LibreOffice 转换失败（退出码 ${code}）：${stderr.trim().slice(0, 500)}`))
        else resolve()
      })
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.serial.run(async () => {
      if (this.home) rmSync(this.home, { recursive: true, force: true })
      this.home = null
    })
  }
}
