import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, PDFDict, PDFName, StandardFonts } from 'pdf-lib'
import type { Browser } from 'playwright-core'
import { countRows, makeHome, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { exportBundle, type DocxRenditioner } from '../../src-main/services/dossier'
import { htmlToPdf, launchChromium } from '../../src-main/pdf/html-pdf'
import { setSetting } from '../../src-main/store/settings'

let t: TestHome
let caseId: number
let browser: Browser
const out = mkdtempSync(join(tmpdir(), 'casebinder-bundle-'))
/** This dossier holds evidence only: a rendition must never be asked for. */
const noDocuments: DocxRenditioner = {
  name: 'none',
  render: async () => {
    throw new Error('no DOCX in this dossier')
  }
}

async function pdfWithText(lines: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const page of lines) doc.addPage([595.28, 841.89]).drawText(page.join('\n'), { x: 60, y: 760, size: 14, font, lineHeight: 18 })
  return Buffer.from(await doc.save())
}
async function jpeg(): Promise<Buffer> {
  // a real JPEG from Chromium (screenshot of a coloured page)
  const page = await browser.newPage({ viewport: { width: 400, height: 300 } })
  await page.setContent('<body style="background:#c33;margin:0"><h1 style="color:#fff">EVIDENCE PHOTO</h1></body>')
  const shot = await page.screenshot({ type: 'jpeg' })
  await page.close()
  return shot
}

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 0 })
  const party = await call(t.ctx, 'parties.add', {
    kind: 'org',
    name: '江州市鑫达化工有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市浔阳区化工园区8号',
    legalRep: '周国华'
  })
  caseId = (
    await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-11-02',
        procedure: 'general',
        cause: '未按规定进行安全生产教育和培训',
        parties: [{ partyId: party.id }],
        officerIds: [1, 2]
      },
      filedOn: '2026-11-03'
    })
  ).id
  browser = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
})
afterAll(async () => {
  await browser?.close()
  t.cleanup()
  if (!process.env.KEEP_BUNDLE) rmSync(out, { recursive: true, force: true })
  else console.log('bundle kept in', out)
})

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const add = (extra: Record<string, unknown>) =>
  invoke(
    t.ctx,
    'evidence.add',
    { caseId, kind: 'evidence', evidenceType: '书证', description: '营业执照复印件', ...extra },
    { error: () => undefined }
  )

describe('evidence intake', () => {
  it('stores files by content type and hash, refuses duplicates, unknown types and mislabelled A/V', async () => {
    const pdf = await pdfWithText([['EXHIBIT-ONE page 1'], ['EXHIBIT-ONE page 2']])
    const r = await add({ fileName: '..\\营业执照.exe', base64: b64(pdf) })
    expect(r.ok).toBe(true)
    expect((r as { value: { fileName: string; mime: string } }).value).toMatchObject({ fileName: '营业执照.pdf', mime: 'application/pdf' })
    const dup = await add({ description: '又一份', fileName: 'copy.pdf', base64: b64(pdf) })
    expect(!dup.ok && dup.error).toMatchObject({ code: 'EVIDENCE_DUPLICATE', message: expect.stringContaining('营业执照复印件') })
    const exe = await add({ fileName: 'x.jpg', base64: b64(Buffer.from('MZ\x90\0 not an image', 'latin1')) })
    expect(!exe.ok && exe.error.code).toBe('EVIDENCE_INVALID')
    const av = await add({ kind: 'av', evidenceType: undefined, fileName: 'video.mp4', base64: b64(pdf.subarray(0, 100)) })
    expect(!av.ok && av.error.message).toMatch(/音像记录应为音频或视频/)
    const noType = await invoke(
      t.ctx,
      'evidence.add',
      { caseId, kind: 'evidence', description: '照片', fileName: 'a.pdf', base64: b64(pdf) },
      { error: () => undefined }
    )
    expect(!noType.ok && noType.error.code).toBe('VALIDATION_FAILED')
    expect(await call(t.ctx, 'evidence.list', { caseId })).toHaveLength(1)
  })
})

describe('bundle export', () => {
  it('assembles cover, contents, items and note; stamps content pages only; contents ranges match the stamps', async () => {
    const photo = await jpeg()
    expect(
      (await add({ evidenceType: '物证', description: '现场照片', fileName: 'photo.jpg', base64: b64(photo), collectedAt: '2026-11-02' }))
        .ok
    ).toBe(true)
    expect(
      (
        await add({
          evidenceType: '书证',
          description: '培训记录',
          fileName: 'training.pdf',
          base64: b64(await pdfWithText([['EXHIBIT-THREE'], ['EXHIBIT-THREE b'], ['EXHIBIT-THREE c']]))
        })
      ).ok
    ).toBe(true)
    const path = join(out, 'bundle.pdf')
    const stages: string[] = []
    const r = await exportBundle(t.ctx, {
      caseId,
      outPath: path,
      renditioner: noDocuments,
      printHtml: (h) => htmlToPdf(browser, h),
      onProgress: (stage) => stages.push(stage)
    })
    expect(r).toMatchObject({ items: 3, contentPages: 6, totalPages: 9 }) // cover + contents + 6 + note
    expect(stages).toEqual(expect.arrayContaining(['front-matter', 'assemble']))
    execFileSync('qpdf', ['--check', path])
    const pages = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', path, '-'], { encoding: 'utf8' })
    expect(pages(1)).toContain('案卷（首页）')
    expect(pages(1)).not.toMatch(/^\s*\d+\s*$/m) // cover not numbered
    const contents = pages(2)
    expect(contents).toContain('卷内目录')
    // evidence in order of collection: 现场照片 (dated 11-02) 1, 营业执照 2-3, 培训记录 4-6 — and the stamps say the same
    expect(contents).toMatch(/现场照片[^\n]*\s1\s/)
    expect(contents).toMatch(/营业执照复印件[^\n]*\s2-3\s/)
    expect(contents).toMatch(/培训记录[^\n]*\s4-6\s/)
    const stampOf = (n: number) => pages(n).trim().split('\n').pop()!.trim()
    expect(stampOf(3)).toBe('1')
    expect(pages(4)).toContain('EXHIBIT-ONE page 1')
    expect(stampOf(4)).toBe('2')
    expect(stampOf(5)).toBe('3')
    expect(pages(6)).toContain('EXHIBIT-THREE')
    expect(stampOf(8)).toBe('6')
    expect(pages(9)).toContain('备考表')
    expect(pages(9)).toContain('本卷共 3 件，6 页')
    const doc = await PDFDocument.load(readFileSync(path))
    expect(doc.getTitle()).toContain('案卷')
    expect(doc.getAuthor()).toBe('江州市应急管理局')
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    let n = 0
    for (
      let item = outlines.lookup(PDFName.of('First')) as PDFDict | undefined;
      item;
      item = item.lookup(PDFName.of('Next')) as PDFDict | undefined
    )
      n++
    expect(n).toBe(2 + 3 + 1) // cover, contents, three items, note
    for (const p of doc.getPages()) expect(Math.round(p.getWidth())).toBeOneOf([595, 842])
  }, 60_000)

  it('stamps upper right / upper left alternately when configured', async () => {
    await setSetting(t.home.store, 'dossier.stampPosition', 'upper-alternating')
    try {
      const path = join(out, 'alt.pdf')
      await exportBundle(t.ctx, { caseId, outPath: path, renditioner: noDocuments, printHtml: (h) => htmlToPdf(browser, h) })
      const bbox = execFileSync('pdftotext', ['-f', '3', '-l', '4', '-bbox', path, '-'], { encoding: 'utf8' })
      const word = (txt: string) =>
        [...bbox.matchAll(new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${txt}</word>`, 'g'))].map((m) => [
          Number(m[1]),
          Number(m[2])
        ])
      const one = word('1').find(([, y]) => y! < 60)!
      const two = word('2').find(([, y]) => y! < 60)!
      expect(one[0]).toBeGreaterThan(500) // odd page: upper right
      expect(two[0]).toBeLessThan(60) // even page: upper left
    } finally {
      await setSetting(t.home.store, 'dossier.stampPosition', 'lower-right')
    }
  }, 60_000)

  it('a cancelled export leaves no file at the destination', async () => {
    const path = join(out, 'cancelled.pdf')
    const ac = new AbortController()
    const r = exportBundle(t.ctx, {
      caseId,
      outPath: path,
      renditioner: noDocuments,
      printHtml: async (h) => {
        const pdfs = await htmlToPdf(browser, h)
        ac.abort() // the user presses cancel while the bundle is being built
        return pdfs
      },
      signal: ac.signal
    })
    await expect(r).rejects.toMatchObject({ appError: { code: 'JOB_CANCELLED' } })
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(out).filter((f) => f.includes('cancelled') || f.endsWith('.tmp'))).toEqual([])
  }, 60_000)

  it('the dossier view shows order, completeness and the self-review, and records no access before archiving', async () => {
    const before = countRows(t.home, 'activity_log')
    const v = await call(t.ctx, 'dossiers.show', { caseId })
    expect(v.items.map((i) => i.kind)).toEqual(['evidence', 'evidence', 'evidence'])
    expect(v.completeness.complete).toBe(false)
    expect(v.completeness.missing.map((m) => m.message)).toContain('缺少行政处罚决定书')
    expect(countRows(t.home, 'activity_log')).toBe(before)
    const reordered = await call(t.ctx, 'dossiers.reorder', { caseId, order: [v.items[2]!.key, v.items[0]!.key] })
    expect(reordered.items.map((i) => i.key)).toEqual([v.items[2]!.key, v.items[0]!.key, v.items[1]!.key])
    expect((await invoke(t.ctx, 'dossiers.reorder', { caseId, order: ['doc:999'] }, { error: () => undefined })).ok).toBe(false)
  })
})
