/**
 * PDF renditions of filled DOCX documents through both routes (chromium: docx-preview in headless Chromium,
 * batched and split with pdf-lib; libreoffice: soffice --convert-to pdf), checked with the real PDF tools:
 * qpdf --check, pdf-lib page sizes, pdftotext per page, pdffonts. Page images of the chromium batch are written
 * to test-results/rendition/ for looking at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import PizZip from 'pizzip'
import { PDFDocument } from 'pdf-lib'
import { createRenditioner, findChromium, libreOfficeAvailable, type Renditioner } from '../../src-main/pdf/rendition'
import { filledSamples, type FilledSample } from '../../bench/rendition'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ARTIFACTS = join(ROOT, 'test-results', 'rendition')
const CHROMIUM = findChromium()
const LIBREOFFICE = libreOfficeAvailable()
const LONG = 60_000 * 4

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'casebinder-rendition-test-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

let n = 0
function save(pdf: Uint8Array): string {
  const p = join(work, `f${++n}.pdf`)
  writeFileSync(p, pdf)
  return p
}
function tool(cmd: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') }
}
/** text of every page (pdftotext, layout-free), spaces removed so CJK runs compare simply */
function pageTexts(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    tool('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', file, '-']).out.replace(/\s+/g, '')
  )
}
function fonts(file: string): { name: string; type: string; emb: string }[] {
  const lines = tool('pdffonts', [file])
    .out.split('\n')
    .slice(2)
    .filter((l) => l.trim())
  return lines.map((l) => {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l)
    if (!m) throw new Error(`pdffonts line not understood: ${l}`)
    return { name: m[1]!, type: m[2]!.trim(), emb: m[4]! }
  })
}
const squash = (s: string) => s.replace(/\s+/g, '')

async function checkRendition(pdf: Uint8Array, doc: FilledSample, route: 'chromium' | 'libreoffice') {
  const file = save(pdf)
  const q = tool('qpdf', ['--check', file])
  expect(q.code, q.out).toBe(0)
  const parsed = await PDFDocument.load(pdf)
  expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1)
  for (const page of parsed.getPages()) {
    const { width, height } = page.getSize()
    expect(Math.abs(width - 595.3)).toBeLessThan(2)
    expect(Math.abs(height - 841.9)).toBeLessThan(2)
  }
  const texts = pageTexts(file, parsed.getPageCount())
  const all = texts.join('')
  expect(texts[0]).toContain(squash(doc.title.replace(/（.*）$/, '')))
  if (doc.showsNumber) expect(texts[0]).toContain(squash(doc.number))
  expect(all).toContain(squash(doc.partyName))
  expect(texts.at(-1)).toContain(squash(doc.copies))
  const f = fonts(file)
  expect(f.length).toBeGreaterThan(0)
  for (const x of f) expect(x.emb, `${x.name} not embedded`).toBe('yes')
  if (route === 'chromium') {
    // Chinese glyphs from TrueType-outline fonts, embedded as CID TrueType, never as Type 3
    expect(f.filter((x) => x.type === 'Type 3')).toEqual([])
    expect(f.some((x) => x.type === 'CID TrueType')).toBe(true)
    // the "共 X 页 第 Y 页" footer counts this document's pages
    texts.forEach((t, i) => expect(t).toContain(`共${texts.length}页第${i + 1}页`))
  }
  return { file, texts, fonts: f }
}

const SOME = [
  'case_filing_approval',
  'inspection_record',
  'penalty_decision_org',
  'service_receipt',
  'legal_review_opinion',
  'questioning_transcript'
]

describe.skipIf(!CHROMIUM)('chromium rendition', () => {
  let r: Renditioner
  beforeAll(async () => {
    if (process.platform === 'linux') {
      // the TrueType-outline Chinese fonts the rendition CSS falls back to (Noto CJK's CFF outlines print as Type 3)
      const families = tool('fc-list', [':', 'family']).out
      for (const [family, pkg] of [
        ['AR PL UMing CN', 'fonts-arphic-uming'],
        ['WenQuanYi Zen Hei', 'fonts-wqy-zenhei']
      ]) {
        if (!families.includes(family!)) throw new Error(`font "${family}" missing: apt-get install ${pkg}`)
      }
    }
    r = await createRenditioner('chromium')
  }, LONG)
  afterAll(async () => {
    await r?.close()
  })

  it(
    'renders filled documents as A4 PDFs with the document number, Chinese text and TrueType fonts',
    async () => {
      const docs = await filledSamples(SOME.map((type) => ({ type })))
      const progress: string[] = []
      const out = await r.render(docs, (done, total, id) => progress.push(`${done}/${total} ${id}`))
      expect([...out.keys()]).toEqual(docs.map((d) => d.id))
      expect(progress).toEqual(docs.map((d, i) => `${i + 1}/${docs.length} ${d.id}`))
      for (const d of docs) await checkRendition(out.get(d.id)!, d, 'chromium')
    },
    LONG
  )

  it(
    'splits a batch of 10 documents into exactly the right page groups, with per-document page numbers',
    async () => {
      const long = '经现场检查，发现该单位未按规定对从业人员进行安全生产教育和培训，现场作业人员不了解本岗位安全操作规程。'.repeat(40)
      const specs = [
        { type: 'case_filing_approval' },
        { type: 'inspection_record', fields: { findings: long } },
        { type: 'rectification_order' },
        {
          type: 'statement_record',
          fields: { qa: Array.from({ length: 8 }, () => ({ q: '你单位是否对从业人员进行了安全生产教育和培训？', a: long.slice(0, 400) })) }
        },
        { type: 'penalty_notice' },
        { type: 'service_receipt' },
        { type: 'collective_discussion_record', fields: { discussion: long } },
        { type: 'hearing_notice' },
        { type: 'penalty_decision_person' },
        { type: 'case_closing_approval' }
      ]
      const docs = await filledSamples(specs)
      expect(docs).toHaveLength(10)
      const out = await r.render(docs)
      // reference: each document printed on its own
      const solo = await createRenditioner('chromium', { batchSize: 1 })
      let soloOut: Map<string, Uint8Array>
      try {
        soloOut = await solo.render(docs)
      } finally {
        await solo.close()
      }
      mkdirSync(ARTIFACTS, { recursive: true })
      let multi = 0
      for (const [k, d] of docs.entries()) {
        const pdf = out.get(d.id)!
        const pages = (await PDFDocument.load(pdf)).getPageCount()
        expect(pages, d.id).toBe((await PDFDocument.load(soloOut.get(d.id)!)).getPageCount())
        if (pages > 1) multi++
        const { file, texts } = await checkRendition(pdf, d, 'chromium')
        // the document's own number on its first page; no other document's number anywhere in its pages
        for (const other of docs) if (other !== d && other.showsNumber) for (const t of texts) expect(t).not.toContain(squash(other.number))
        tool('pdftoppm', ['-r', '40', '-png', file, join(ARTIFACTS, `batch-${String(k + 1).padStart(2, '0')}-${d.type}`)])
      }
      expect(multi).toBeGreaterThanOrEqual(2)
    },
    LONG
  )

  it(
    'resolves w:tblBorders onto cells: a grid given only at table level looks the same, outer-only borders lose the inside lines',
    async () => {
      const [d] = await filledSamples([{ type: 'case_filing_approval' }])
      // the same document with every cell border removed: the table keeps only its w:tblBorders
      const zip = new PizZip(d!.docx)
      const xml = zip.file('word/document.xml')!.asText()
      expect(xml).toContain('<w:tblBorders>')
      zip.file('word/document.xml', xml.replace(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g, ''))
      const stripped = { ...d!, id: 'stripped', docx: new Uint8Array(zip.generate({ type: 'uint8array' })) }
      // and one whose table has outer borders only: the inside lines must disappear
      const outer = new PizZip(stripped.docx)
      outer.file(
        'word/document.xml',
        outer
          .file('word/document.xml')!
          .asText()
          .replace(/<w:insideH [^>]*\/><w:insideV [^>]*\/>/g, '')
      )
      const outerOnly = { ...d!, id: 'outer', docx: new Uint8Array(outer.generate({ type: 'uint8array' })) }
      const out = await r.render([d!, stripped, outerOnly])
      const gray = (pdf: Uint8Array) => {
        const file = save(pdf)
        tool('pdftoppm', ['-r', '40', '-gray', '-singlefile', file, file])
        return readPgm(`${file}.pgm`)
      }
      const a = gray(out.get(d!.id)!)
      const b = gray(out.get('stripped')!)
      const c = gray(out.get('outer')!)
      expect(diffRatio(a, b)).toBeLessThan(0.002)
      expect(diffRatio(a, c)).toBeGreaterThan(0.005)
    },
    LONG
  )

  it(
    'cancels between batches with an AbortError',
    async () => {
      const docs = await filledSamples(
        ['case_filing_approval', 'penalty_notice', 'hearing_notice', 'rectification_order'].map((type) => ({ type }))
      )
      const small = await createRenditioner('chromium', { batchSize: 1 })
      try {
        const ac = new AbortController()
        const seen: string[] = []
        await expect(
          small.render(
            docs,
            (_done, _total, id) => {
              seen.push(id)
              ac.abort()
            },
            ac.signal
          )
        ).rejects.toMatchObject({ name: 'AbortError' })
        expect(seen).toEqual([docs[0]!.id])
        const pre = new AbortController()
        pre.abort()
        await expect(small.render(docs, undefined, pre.signal)).rejects.toMatchObject({ name: 'AbortError' })
        // still usable afterwards
        const again = await small.render(docs.slice(0, 1))
        expect(again.size).toBe(1)
      } finally {
        await small.close()
      }
    },
    LONG
  )
})

describe.skipIf(!LIBREOFFICE)('libreoffice rendition', () => {
  it(
    'renders filled documents as A4 PDFs with the document number, Chinese text and embedded fonts',
    async () => {
      const docs = await filledSamples(SOME.map((type) => ({ type })))
      const r = await createRenditioner('libreoffice')
      try {
        const progress: number[] = []
        const out = await r.render(docs, (done) => progress.push(done))
        expect(progress).toEqual(docs.map((_, i) => i + 1))
        expect([...out.keys()]).toEqual(docs.map((d) => d.id))
        for (const d of docs) await checkRendition(out.get(d.id)!, d, 'libreoffice')
      } finally {
        await r.close()
      }
    },
    LONG
  )

  it(
    'cancels a running conversion and leaves no temp files',
    async () => {
      // a temp folder of this test's own, so that another run's conversions on the machine do not count
      const privateTmp = mkdtempSync(join(tmpdir(), 'casebinder-cancel-'))
      const savedTmp = process.env.TMPDIR
      process.env.TMPDIR = privateTmp
      const ours = () => readdirSync(privateTmp).filter((f) => f.startsWith('casebinder-lo-'))
      const before = new Set(ours())
      const docs = await filledSamples(['case_filing_approval', 'penalty_notice', 'hearing_notice'].map((type) => ({ type })))
      const r = await createRenditioner('libreoffice')
      try {
        const ac = new AbortController()
        setTimeout(() => ac.abort(), 300)
        await expect(r.render(docs, undefined, ac.signal)).rejects.toMatchObject({ name: 'AbortError' })
        // between batches too
        const ac2 = new AbortController()
        const small = await createRenditioner('libreoffice', { batchSize: 1 })
        try {
          const seen: string[] = []
          await expect(small.render(docs, (_d, _t, id) => (seen.push(id), ac2.abort()), ac2.signal)).rejects.toMatchObject({
            name: 'AbortError'
          })
          expect(seen).toHaveLength(1)
        } finally {
          await small.close()
        }
      } finally {
        await r.close()
        if (savedTmp === undefined) delete process.env.TMPDIR
        else process.env.TMPDIR = savedTmp
      }
      expect(ours().filter((f) => !before.has(f))).toEqual([])
      rmSync(privateTmp, { recursive: true, force: true })
    },
    LONG
  )
})

describe('locating the tools', () => {
  it('findChromium honours CHROMIUM_PATH', () => {
    const old = process.env.CHROMIUM_PATH
    const fake = join(work, 'my-chrome')
    writeFileSync(fake, '')
    try {
      process.env.CHROMIUM_PATH = fake
      expect(findChromium()).toBe(fake)
    } finally {
      if (old === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = old
    }
  })
})

// ------------------------------------------------------------------------------------------------------------------
function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const buf = new Uint8Array(readFileSync(file))
  // P5 <w> <h> <max>\n<data>
  let pos = 0
  const tokens: string[] = []
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++
    let t = ''
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) t += String.fromCharCode(buf[pos++]!)
    tokens.push(t)
  }
  pos++
  return { w: Number(tokens[1]), h: Number(tokens[2]), px: buf.subarray(pos) }
}
function diffRatio(a: { w: number; h: number; px: Uint8Array }, b: { w: number; h: number; px: Uint8Array }): number {
  expect([a.w, a.h]).toEqual([b.w, b.h])
  let diff = 0
  for (let i = 0; i < a.px.length; i++) if (Math.abs(a.px[i]! - b.px[i]!) > 64) diff++
  return diff / a.px.length
}
