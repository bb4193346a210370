/**
 * The case dossier (案卷): ordered items, completeness, self-review, manual order, and the export pipeline
 * (renditions → page ranges → cover / contents / note → bundle with stamps and outline → optional signature →
 * atomic write).
 */
import { rmSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  completeness,
  dossierItems,
  ORDER_SCHEMES,
  selfReview,
  type DossierDoc,
  type DossierEvidence,
  type OrderScheme
} from '../core/dossier'
import { appError } from '../core/errors'
import { CASE_STATUS_LABELS } from '../core/case'
import { loadManifest } from '../drafting/catalogue'
import { caseEvents, caseOfficers } from '../store/repos/cases'
import { caseDeadlines } from '../store/repos/case-deadlines'
import { caseDocuments } from '../store/repos/documents'
import { findDossier, saveDossierOrder } from '../store/repos/dossiers'
import { caseEvidence } from '../store/repos/evidence'
import { findRendition, saveRendition } from '../store/repos/renditions'
import { getAgency } from '../store/repos/agency'
import { getSetting } from '../store/settings'
import { writeFileAtomic } from '../store/atomic'
import { caseDiscussions, caseHearings, caseReviews } from '../store/repos/review'
import { mustCase, officersOf } from './guards'
import type { Scope } from '../store/engine/engine'
import { assembleBundle, imageToPdf, pageCount, pageRanges, type StampPosition } from '../pdf/bundle'
import { contentsHtml, coverHtml, noteHtml } from '../pdf/front-matter'
import { assertNotLocked } from './evidence'
import { change, today, type ServiceContext } from './context'

export interface DocxRenditioner {
  name: string
  render(
    docs: { id: string; docx: Uint8Array }[],
    onProgress?: (done: number, total: number, id: string) => void,
    signal?: AbortSignal
  ): Promise<Map<string, Uint8Array>>
}
export type HtmlPrinter = (htmls: string[]) => Promise<Uint8Array[]>
export type Signer = (pdf: Uint8Array) => Promise<Uint8Array>

async function materials(db: Scope, caseId: number): Promise<{ docs: DossierDoc[]; evidence: DossierEvidence[] }> {
  const types = new Map(loadManifest().manifest.types.map((t) => [t.id, t]))
  const docs = (await caseDocuments(db, caseId))
    .filter((d) => d.status === 'issued')
    .map((d) => {
      const t = types.get(d.type)
      return {
        id: d.id,
        type: d.type,
        title: d.title,
        number: d.number,
        issuedOn: d.issuedOn ?? d.updatedAt.slice(0, 10),
        external: t?.external ?? false,
        handSigned: t?.handSigned ?? false,
        dossierSlot: t?.dossierSlot ?? 33,
        fields: d.fields
      }
    })
  return { docs, evidence: await caseEvidence(db, caseId) }
}

export async function dossierShow(ctx: ServiceContext, input: { caseId: number }) {
  const db = ctx.home.store
  const c = await mustCase(db, input.caseId)
  const rec = await findDossier(db, c.id)
  const scheme = await getSetting<OrderScheme>(db, 'dossier.orderScheme', 'standard')
  const { docs, evidence } = await materials(db, c.id)
  const items = dossierItems(docs, evidence, scheme, rec?.itemOrder ?? null)
  const events = await caseEvents(db, c.id)
  const comp = completeness({
    procedure: c.procedure,
    status: c.status,
    docs,
    evidence,
    hadHearing: events.some((e) => e.status === 'hearing'),
    reviewed: (await caseReviews(db, c.id)).some((r) => r.status !== 'in_review'),
    discussed: (await caseDiscussions(db, c.id)).length > 0,
    hearingHeld: (await caseHearings(db, c.id)).some((h) => h.status === 'held')
  })
  const officers = await officersOf(db, c.id)
  const review = selfReview({
    procedure: c.procedure,
    officers,
    filedOn: c.filedOn,
    events: events.map((e) => ({ type: e.type, date: e.date, status: e.status })),
    deadlines: await caseDeadlines(db, c.id),
    docs,
    completeness: comp
  })
  return {
    caseId: c.id,
    caseName: c.name,
    caseNumber: c.number,
    status: c.status,
    scheme,
    items,
    completeness: comp,
    review,
    archiveReady: comp.complete && review.veto.length === 0,
    record: rec
      ? {
          archiveNumber: rec.archiveNumber,
          retention: rec.retention,
          archivedOn: rec.archivedOn,
          locked: rec.locked,
          compiler: rec.compiler,
          checker: rec.checker,
          bundleSha256: rec.bundleSha256
        }
      : null
  }
}

/** The dossier as the UI and CLI show it; opening an archived (locked) dossier is recorded (rule 11). */
export async function dossiersShow(ctx: ServiceContext, input: { caseId: number }) {
  const view = await dossierShow(ctx, input)
  if (view.record?.locked) {
    await change(
      ctx,
      'dossier',
      () => null,
      () => ({
        action: 'dossier.access',
        targetType: 'dossier',
        targetId: input.caseId,
        caseId: String(input.caseId),
        summary: `查阅已归档案卷（归档号 ${view.record!.archiveNumber}）`,
        detail: { archiveNumber: view.record!.archiveNumber }
      })
    )
  }
  return view
}

export async function dossiersReorder(ctx: ServiceContext, input: { caseId: number; order: string[] }) {
  const current = await dossierShow(ctx, { caseId: input.caseId })
  const keys = new Set(current.items.map((i) => i.key))
  const unknown = input.order.filter((k) => !keys.has(k))
  if (unknown.length) throw appError('VALIDATION_FAILED', `案卷中没有这些材料：${unknown.join('、')}`)
  if (new Set(input.order).size !== input.order.length) throw appError('VALIDATION_FAILED', '材料顺序中有重复项')
  await change(
    ctx,
    'dossier',
    async (db, at) => {
      await assertNotLocked(db, input.caseId)
      await saveDossierOrder(db, input.caseId, input.order, at)
      return null
    },
    () => ({
      action: 'dossier.reorder',
      targetType: 'dossier',
      targetId: input.caseId,
      caseId: String(input.caseId),
      summary: `调整案卷材料顺序（${input.order.length}项）`,
      detail: { order: input.order }
    })
  )
  return dossierShow(ctx, { caseId: input.caseId })
}

export const ORDER_SCHEME_IDS = ORDER_SCHEMES

export interface ExportOptions {
  caseId: number
  outPath: string
  renditioner: DocxRenditioner
  printHtml: HtmlPrinter
  sign?: Signer | undefined
  onProgress?: (stage: string, done: number, total: number, item?: string) => void
  signal?: AbortSignal | undefined
  /** front matter values set when archiving */
  archive?: { number: string; retention: string; archivedOn: string } | undefined
}

const cancelled = () => appError('JOB_CANCELLED', '已取消导出，未生成任何文件')

/** Build the bundle and write it atomically to outPath. Returns the page and item counts. */
export async function exportBundle(ctx: ServiceContext, opts: ExportOptions) {
  const db = ctx.home.store
  const progress = opts.onProgress ?? (() => undefined)
  const check = () => {
    if (opts.signal?.aborted) throw cancelled()
  }
  const view = await dossierShow(ctx, { caseId: opts.caseId })
  const c = await mustCase(db, opts.caseId)
  const agency = await getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息')
  const docs = new Map((await caseDocuments(db, c.id)).map((d) => [d.id, d]))
  const evidence = new Map((await caseEvidence(db, c.id)).map((e) => [e.id, e]))

  // 1. renditions of issued DOCX (cached by the DOCX hash)
  const needRender = view.items.filter((i) => i.documentId !== null && i.scanEvidenceId === null).map((i) => docs.get(i.documentId!)!)
  const pdfs = new Map<string, Uint8Array>()
  const toRender: { id: string; docx: Uint8Array }[] = []
  for (const d of needRender) {
    const hit = await findRendition(db, d.docxSha256!)
    if (hit && ctx.home.blobs.has(hit.pdfSha256)) pdfs.set(`doc:${d.id}`, ctx.home.blobs.get(hit.pdfSha256))
    else toRender.push({ id: `doc:${d.id}`, docx: ctx.home.blobs.get(d.docxSha256!) })
  }
  progress('rendition', 0, toRender.length)
  if (toRender.length) {
    let rendered: Map<string, Uint8Array>
    try {
      rendered = await opts.renditioner.render(toRender, (done, total, id) => progress('rendition', done, total, id), opts.signal)
    } catch (err) {
      if (opts.signal?.aborted) throw cancelled()
      throw appError('RENDITION_FAILED', `文书转换为 PDF 失败：${(err as Error).message}`)
    }
    for (const r of toRender) {
      const pdf = rendered.get(r.id)
      if (!pdf) throw appError('RENDITION_FAILED', `文书 ${r.id} 没有生成 PDF`)
      const blob = ctx.home.blobs.put(pdf)
      await saveRendition(db, {
        docxSha256: docs.get(Number(r.id.slice(4)))!.docxSha256!,
        pdfSha256: blob.sha256,
        renderer: opts.renditioner.name,
        pages: await pageCount(pdf),
        createdAt: new Date().toISOString()
      })
      pdfs.set(r.id, pdf)
    }
  }
  check()
  // 2. scans and evidence files as PDF pages
  for (const i of view.items) {
    const evId = i.scanEvidenceId ?? i.evidenceId
    if (evId === null || !i.paginated) continue
    const e = evidence.get(evId)!
    const bytes = ctx.home.blobs.get(e.sha256)
    pdfs.set(i.key, e.mime === 'application/pdf' ? bytes : await imageToPdf(bytes, e.mime))
  }
  check()
  // 3. page ranges for the contents list
  const counted: { key: string; pages: number }[] = []
  for (const i of view.items) counted.push({ key: i.key, pages: i.paginated && pdfs.has(i.key) ? await pageCount(pdfs.get(i.key)!) : 0 })
  const ranges = pageRanges(counted)
  const contentPages = counted.reduce((n, x) => n + x.pages, 0)
  const rows = view.items.map((i, n) => {
    const r = ranges.get(i.key)
    return {
      no: n + 1,
      number: i.number,
      responsible: i.kind === 'document' ? agency.name : evidence.get(i.evidenceId!)?.source || agency.name,
      title: i.title,
      date: i.date,
      pages: r ? (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`) : '—',
      remarks: i.remarks
    }
  })
  const handlers = ((await caseOfficers(db, [c.id])).get(c.id) ?? []).map((o) => o.name).join('、')
  const closed = (await caseEvents(db, c.id)).find((e) => e.type === 'closed')?.date ?? ''
  const rec = view.record
  progress('front-matter', 0, 3)
  const [cover, contents, note] = await opts.printHtml([
    coverHtml({
      agencyName: agency.name,
      dossierNumber: c.number ? c.number.replace('应急立', '应急案') : '',
      caseName: c.name,
      cause: c.cause,
      outcome: CASE_STATUS_LABELS[c.status],
      filedOn: c.filedOn ?? '',
      closedOn: closed,
      handlers,
      archiveNumber: opts.archive?.number ?? rec?.archiveNumber ?? '',
      archivedOn: opts.archive?.archivedOn ?? rec?.archivedOn ?? '',
      retention: opts.archive?.retention ?? rec?.retention ?? '',
      items: view.items.length,
      pages: contentPages
    }),
    contentsHtml(c.name, rows),
    noteHtml({
      items: view.items.length,
      pages: contentPages,
      missing: view.completeness.missing.map((m) => m.message),
      av: view.items.filter((i) => i.kind === 'av').map((i) => i.title),
      compiler: rec?.compiler || ctx.actor,
      compiledOn: today(ctx),
      checker: rec?.checker ?? '',
      checkedOn: '',
      note: ''
    })
  ])
  progress('front-matter', 3, 3)
  check()
  // 4. assemble, 5. sign, 6. write atomically
  const stampPosition = await getSetting<StampPosition>(db, 'dossier.stampPosition', 'lower-right')
  const bundle = await assembleBundle({
    front: [
      { title: '案卷（首页）', pdf: cover! },
      { title: '卷内目录', pdf: contents! }
    ],
    items: view.items.map((i, n) => ({
      key: i.key,
      title: `${n + 1}. ${i.title}${i.number ? `（${i.number}）` : ''}`,
      pdf: i.paginated ? (pdfs.get(i.key) ?? null) : null
    })),
    back: [{ title: '备考表', pdf: note! }],
    stampPosition,
    metadata: {
      title: `${c.name} 案卷`,
      author: agency.name,
      subject: c.number ?? `案件编号 ${c.id}`,
      keywords: [c.number ?? '', c.cause, '行政执法案卷'].filter(Boolean)
    },
    onProgress: (done, total, title) => progress('assemble', done, total, title),
    signal: opts.signal
  })
  check()
  let out = bundle.pdf
  if (opts.sign) {
    progress('sign', 0, 1)
    try {
      out = await opts.sign(out)
    } catch (err) {
      throw appError('SIGNING_FAILED', `签名失败：${(err as Error).message}`)
    }
    progress('sign', 1, 1)
  }
  check()
  writeFileAtomic(opts.outPath, out)
  return {
    path: opts.outPath,
    items: view.items.length,
    contentPages: bundle.contentPages,
    totalPages: bundle.totalPages,
    bytes: statSync(opts.outPath).size,
    ranges: Object.fromEntries(ranges)
  }
}

/** Remove a partly built output (a temp folder) whatever happened. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true })
  } catch {
    /* nothing to clean */
  }
}

export function tempSibling(target: string): string {
  return join(dirname(target), `.${randomBytes(6).toString('hex')}.partial`)
}

export { renameSync }
