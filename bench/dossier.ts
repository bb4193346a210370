/**
 * Dossier export at size: 50 issued documents + 100 scanned JPEG pages (~150+ pages). Measures renditions per
 * second (Chromium, batched), then bundle assembly + signing from the cached renditions, with peak memory, next
 * to `qpdf --empty --pages … -- out.pdf` merging the same PDFs in the same run.
 *   tsx bench/dossier.ts [--docs 50] [--scans 100]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { openHome } from '../src-main/store/home'
import { createContext } from '../src-main/services/context'
import { call } from '../src-main/services'
import { loadManifest } from '../src-main/drafting/catalogue'
import { exportBundle } from '../src-main/services/dossier'
import { signerFor, withPdfTools } from '../src-main/services/pdf-tools'
import { findChromium } from '../src-main/pdf/rendition'
import { launchChromium } from '../src-main/pdf/html-pdf'
import { imageToPdf } from '../src-main/pdf/bundle'
import { emit } from './lib'

const TYPES = ['inspection_record', 'rectification_order', 'questioning_notice', 'penalty_notice', 'case_handling_approval']

function fill(typeId: string): Record<string, unknown> {
  const type = loadManifest().manifest.types.find((x) => x.id === typeId)!
  const v = (t: string, k: string): unknown =>
    t === 'date'
      ? '2026-11-10'
      : t === 'datetime'
        ? k.toLowerCase().includes('end')
          ? '2026-11-10T11:00'
          : '2026-11-10T09:00'
        : t === 'money' || t === 'number'
          ? 10000
          : t === 'boolean'
            ? false
            : t === 'citation'
              ? '《中华人民共和国安全生产法》第二十八条第一款'
              : `示例${k}`
  return Object.fromEntries(
    type.fields.map((f) => [
      f.key,
      f.type === 'list'
        ? [Object.fromEntries((f.item ?? []).map((s) => [s.key, s.type === 'select' ? (s.options?.[0] ?? '') : v(s.type, s.key)]))]
        : f.type === 'select'
          ? (f.options?.[0] ?? '')
          : v(f.type, f.key)
    ])
  )
}

export async function runDossierBench(nDocs: number, nScans: number) {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-dossier-'))
  try {
    const home = await openHome(join(dir, 'home'))
    const ctx = createContext(home, { actor: 'bench' })
    await call(ctx, 'demo.load', { cases: 0 })
    const party = await call(ctx, 'parties.add', {
      kind: 'org',
      name: '江州市鑫达化工有限公司',
      creditCode: '91360402MA35XK7Q25',
      address: '江州市浔阳区化工园区8号',
      legalRep: '周国华'
    })
    const caseId = (
      await call(ctx, 'cases.registerAndFile', {
        register: {
          source: 'inspection',
          sourceDate: '2026-10-08',
          procedure: 'general',
          cause: '基准测试案件',
          parties: [{ partyId: party.id }],
          officerIds: [1, 2]
        },
        filedOn: '2026-10-09'
      })
    ).id
    for (let i = 0; i < nDocs; i++) {
      const type = TYPES[i % TYPES.length]!
      const d = await call(ctx, 'documents.create', { caseId, type, fields: fill(type) })
      await call(ctx, 'documents.issue', { id: d.id })
    }
    // 100 distinct A4 "scans" at 150 dpi, JPEG, made by Chromium
    const browser = await launchChromium(findChromium()!)
    const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } })
    const scans: Buffer[] = []
    for (let i = 0; i < nScans; i++) {
      await page.setContent(
        `<body style="margin:80px;font:40px serif;background:#f4f1ea">扫描件 ${i + 1}<div style="margin-top:60px;font-size:26px;line-height:1.8">${'证据材料内容　'.repeat(120)}</div></body>`
      )
      scans.push(await page.screenshot({ type: 'jpeg', quality: 80 }))
    }
    await browser.close()
    for (const [i, s] of scans.entries()) {
      await call(ctx, 'evidence.add', {
        caseId,
        kind: 'evidence',
        evidenceType: '书证',
        description: `扫描件${i + 1}`,
        fileName: `scan${i + 1}.jpg`,
        base64: s.toString('base64')
      })
    }
    await call(ctx, 'signing.createTest', {})
    const signer = await signerFor(ctx, {})
    // first export: renditions (Chromium, batched) + assembly + signing
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    let renditionMs = 0
    const t0 = performance.now()
    await withPdfTools(ctx, (tools) =>
      exportBundle(ctx, {
        caseId,
        outPath: join(dir, 'first.pdf'),
        ...tools,
        sign: signer.sign,
        onProgress: (stage, done, total) => {
          if (stage === 'rendition' && done === total && total > 0) renditionMs = performance.now() - t0
        }
      })
    )
    const firstMs = performance.now() - t0
    emit({
      bench: 'dossier.renditions',
      documents: nDocs,
      ms: Math.round(renditionMs),
      perSecond: Math.round((nDocs / (renditionMs / 1000)) * 10) / 10
    })
    // second export: renditions come from the cache; this is assembly + front matter + signing
    peak = 0
    const t1 = performance.now()
    const r = await withPdfTools(ctx, (tools) =>
      exportBundle(ctx, { caseId, outPath: join(dir, 'bundle.pdf'), ...tools, sign: signer.sign })
    )
    const exportMs = performance.now() - t1
    clearInterval(sampler)
    // reference: qpdf merging the same PDFs (cached renditions + the scans as one-page PDFs)
    const parts: string[] = []
    const renditions = home.db.prepare('SELECT pdf_sha256 FROM renditions').all() as { pdf_sha256: string }[]
    for (const [i, row] of renditions.entries()) {
      const p = join(dir, `r${i}.pdf`)
      writeFileSync(p, home.blobs.get(row.pdf_sha256))
      parts.push(p)
    }
    for (const [i, s] of scans.entries()) {
      const p = join(dir, `s${i}.pdf`)
      writeFileSync(p, await imageToPdf(s, 'image/jpeg'))
      parts.push(p)
    }
    const t2 = performance.now()
    execFileSync('qpdf', ['--empty', '--pages', ...parts, '--', join(dir, 'qpdf.pdf')])
    const qpdfMs = performance.now() - t2
    emit({
      bench: 'dossier.export',
      documents: nDocs,
      scans: nScans,
      pages: r.totalPages,
      firstExportMs: Math.round(firstMs),
      cachedExportAndSignMs: Math.round(exportMs),
      peakRssMb: Math.round(peak / 1048576),
      bundleMb: Math.round((r.bytes / 1048576) * 10) / 10,
      qpdfMergeMs: Math.round(qpdfMs),
      ratioToQpdf: Math.round((exportMs / qpdfMs) * 10) / 10
    })
    home.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('dossier.ts')) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '50' }, scans: { type: 'string', default: '100' } } })
  await runDossierBench(Number(values.docs), Number(values.scans))
}
