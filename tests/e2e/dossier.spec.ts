import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { deflateSync } from 'node:zlib'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { loadManifest } from '../../src-main/drafting/catalogue'
import { fillFields } from '../helpers'
import type { Locator } from '@playwright/test'
import { test, expect, type App } from './support'

/** the native input of an Element Plus input whose data-testid may sit on a wrapper or on the input */
function inputOf(scope: Locator, testid: string): Locator {
  return scope.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first()
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
/** a real RGB PNG (a colour gradient), made here */
function pngOf(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td))
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set([Math.round((x / w) * 255), Math.round((y / h) * 255), 160], y * (w * 3 + 1) + 1 + x * 3)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

async function scanOf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595.28, 841.89]).drawText(`SIGNED SCAN ${label}`, { x: 60, y: 760, size: 16, font })
  return Buffer.from(await doc.save())
}

/** every field of a document type filled with plausible values (tests/helpers.ts) */
const fill = (typeId: string, day: string, extra: Record<string, unknown> = {}) => fillFields(typeId, extra, day)

/** A general-procedure case taken to 结案 with its issued documents, the signed scans and a receipt: a complete dossier. */
async function closedCase(app: App): Promise<{ id: number; name: string }> {
  const d = (n: number) => app.dayFromToday(n)
  await app.call('demo.load', { cases: 0 })
  const party = await app.call('parties.add', {
    kind: 'org',
    name: '江州市鑫达化工有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市浔阳区化工园区8号',
    legalRep: '周国华'
  })
  const c = await app.call('cases.registerAndFile', {
    register: {
      source: 'inspection',
      sourceDate: await d(-48),
      procedure: 'general',
      cause: '未按规定对从业人员进行安全生产教育和培训',
      facts: '经查，该公司三名焊接作业人员未经培训上岗。',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2]
    },
    filedOn: await d(-47)
  })
  for (const [to, n] of [
    ['investigating', -46],
    ['internal_review', -36],
    ['notice', -35],
    ['decided', -23],
    ['served', -22],
    ['executing', -22]
  ] as const) {
    await app.call('cases.transition', { id: c.id, to, date: await d(n) })
  }
  await app.call('cases.recordEvent', { id: c.id, type: 'published', date: await d(-21) })
  await app.call('cases.recordEvent', { id: c.id, type: 'paid', date: await d(-15) })
  await app.call('cases.transition', { id: c.id, to: 'closing_approval', date: await d(-13) })
  // 结案 only through the head's approval (approvals.record), which drafts the closing form with the opinion
  const closed = await app.call('approvals.record', {
    caseId: c.id,
    kind: 'closing',
    outcome: 'approved',
    opinion: '罚款已缴清，同意结案。',
    date: await d(-12)
  })
  const closingForm = closed.approvals[0]!.documentId!
  const day = await d(-15)
  const issue = async (typeId: string, extra: Record<string, unknown> = {}) => {
    if (typeId === 'case_closing_approval') {
      // the approval's draft, completed and issued
      const draft = await app.call('documents.get', { id: closingForm })
      await app.call('documents.save', {
        id: draft.id,
        revision: draft.revision,
        fields: fill(typeId, day, { ...extra, headOpinion: draft.fields.headOpinion })
      })
      return app.call('documents.issue', { id: draft.id })
    }
    const doc = await app.call('documents.create', { caseId: c.id, type: typeId, fields: fill(typeId, day, extra) })
    return app.call('documents.issue', { id: doc.id })
  }
  const docs = []
  for (const ty of [
    'case_filing_approval',
    'inspection_record',
    'penalty_notice',
    'case_handling_approval',
    'penalty_decision_org',
    'case_closing_approval'
  ])
    docs.push(await issue(ty))
  const types = loadManifest().manifest.types
  const external = docs.filter((x) => types.find((ty) => ty.title === x.title)?.external)
  const receipt = await issue('service_receipt', { documents: external.map((x) => ({ title: x.title, number: x.number })) })
  for (const x of [...docs, receipt]) {
    if (types.find((ty) => ty.title === x.title)?.handSigned) {
      await app.call('evidence.add', {
        caseId: c.id,
        kind: 'scan',
        documentId: x.id,
        description: `${x.title}签字原件`,
        fileName: `${x.id}.pdf`,
        base64: b64(await scanOf(String(x.id)))
      })
    }
  }
  await app.call('evidence.add', {
    caseId: c.id,
    kind: 'evidence',
    evidenceType: '书证',
    description: '培训记录复印件',
    fileName: 'training.pdf',
    base64: b64(await scanOf('TRAINING')),
    collectedAt: await d(-46)
  })
  return { id: c.id, name: c.name }
}

test('dossier: completeness and review, reorder by drag and drop, test certificate, signed export with progress, evidence upload, archiving', async ({
  page,
  app
}) => {
  test.setTimeout(300_000)
  const c = await closedCase(app)
  await page.reload()

  // ---- the case → 案卷 tab: completeness ✓, self-review, contents
  await page.goto(`${app.harness.origin}/#/cases/${c.id}`)
  await expect(page.getByTestId('case-title')).toHaveText(c.name)
  await page.getByRole('tab', { name: '案卷' }).click()
  const completeness = page.getByTestId('dossier-completeness')
  await expect(completeness).toHaveAttribute('data-complete', 'true')
  await expect(completeness).toContainText('✓ 案卷材料齐全')
  await expect(page.getByTestId('review-table')).toContainText('评查项目')
  await expect(page.getByTestId('review-grade')).toHaveText(/优秀|良好|合格|不合格/)
  const rows = page.getByTestId('dossier-item')
  expect(await rows.count()).toBeGreaterThan(5)
  await app.screenshot('dossier-tab')

  // ---- reorder by drag and drop: the second item onto the first; saved on the service side
  const before = (await app.call('dossiers.show', { caseId: c.id })).items.map((i) => i.key)
  await expect(rows.nth(0)).toHaveAttribute('data-key', before[0]!)
  await rows.nth(1).dragTo(rows.nth(0))
  await expect(rows.nth(0)).toHaveAttribute('data-key', before[1]!)
  await expect(page.getByText('已保存新的顺序')).toBeVisible()
  const after = (await app.call('dossiers.show', { caseId: c.id })).items.map((i) => i.key)
  expect(after).toEqual([before[1], before[0], ...before.slice(2)])
  // and back with the buttons
  await rows.nth(1).getByTestId('dossier-up').click()
  await expect(rows.nth(0)).toHaveAttribute('data-key', before[0]!)
  await expect.poll(async () => (await app.call('dossiers.show', { caseId: c.id })).items.map((i) => i.key)).toEqual(before)

  // ---- 设置 › 签名证书: a test certificate, clearly labelled
  await page.getByTestId('nav-signing').click()
  await expect(page.getByTestId('signing-current')).toContainText('尚未配置签名证书')
  await expect(page.getByTestId('signing-import')).toContainText('不会保存')
  await page.getByTestId('signing-create-test').click()
  await expect(page.getByTestId('signing-current').getByTestId('cert-test')).toHaveText('测试证书，不具法律效力')
  await expect(page.getByTestId('signing-current').getByTestId('cert-subject')).toHaveText('江州市应急管理局')
  await app.screenshot('signing-settings')

  // ---- export the signed dossier: progress bar, then the PDF download
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=dossier`)
  await expect(page.getByTestId('dossier-completeness')).toBeVisible()
  await page.getByTestId('dossier-export').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByTestId('cert-test')).toBeVisible()
  await expect(dialog.getByTestId('export-password')).toHaveCount(0) // a test certificate needs no password
  const download = page.waitForEvent('download', { timeout: 180_000 })
  await dialog.getByTestId('export-start').click()
  const progress = dialog.getByTestId('job-progress')
  await expect(progress).toBeVisible()
  await expect(dialog.getByTestId('export-cancel')).toBeVisible()
  // past 准备中 (the worker starting) into a named stage; on a loaded machine the worker may take a while to start
  await expect(dialog.getByTestId('job-stage').or(dialog.getByTestId('export-done'))).toContainText(
    /文书转换|首页目录|组卷|签名|导出完成/,
    { timeout: 120_000 }
  )
  await app.screenshot('dossier-export-progress')
  const file = await download
  await expect(progress).toHaveAttribute('data-status', 'done')
  await expect(dialog.getByTestId('export-done')).toContainText('导出完成')
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  expect(file.suggestedFilename()).toMatch(/_案卷_\d{4}-\d{2}-\d{2}_\d+\.pdf$/)
  const path = await file.path()
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const sig = spawnSync('pdfsig', [path], { encoding: 'utf8' })
  expect(sig.stdout).toContain('Signature is Valid')
  await app.screenshot('dossier-export-done')
  await dialog.getByTestId('export-close').click()

  // ---- 证据与音像: register a photo (a PNG made here); the same file twice is refused with the existing item named
  await page.getByRole('tab', { name: '证据与音像' }).click()
  const table = page.getByTestId('evidence-table')
  await expect(table).toContainText('培训记录复印件')
  const png = pngOf(48, 32)
  const upload = async () => {
    await page.getByTestId('evidence-add').click()
    const ed = page.getByTestId('evidence-dialog')
    await expect(ed).toBeVisible()
    await ed.getByTestId('evidence-file-input').setInputFiles({ name: '现场照片1.png', mimeType: 'image/png', buffer: png })
    await expect(ed.getByTestId('evidence-chosen')).toHaveText('现场照片1.png')
    await ed.getByTestId('evidence-type').click()
    await page.getByRole('option', { name: '物证', exact: true }).click()
    await inputOf(ed, 'evidence-collector').fill('李明')
    await ed.getByTestId('evidence-submit').click()
    return ed
  }
  await upload()
  await expect(table).toContainText('现场照片1')
  const row = table.locator('tr', { hasText: '现场照片1' }).first()
  await expect(row).toContainText('物证')
  await expect(row).toContainText('李明')
  await expect(row.getByTestId('evidence-sha')).toHaveText(/^[0-9a-f]{12}$/)
  const again = await upload()
  await expect(again.getByTestId('evidence-error')).toHaveAttribute('data-code', 'EVIDENCE_DUPLICATE')
  await expect(again.getByTestId('evidence-error')).toContainText('同一文件已作为“现场照片1”登记')
  await app.screenshot('evidence-duplicate')
  await again.getByRole('button', { name: '取消' }).click()
  await app.screenshot('evidence-tab')

  // ---- 案卷归档 by the archivist 赵敏: the case waits with its 30-day deadline; check, archive, then it is listed as
  // archived and sealed
  await app.signInAs('zhaomin')
  await page.getByTestId('nav-archive').click()
  const pending = page.getByTestId('archive-pending')
  await expect(pending).toContainText(c.name)
  const archiving = (await app.call('cases.get', { ref: String(c.id) })).deadlines.find((x) => x.code === 'archiving')!
  expect(archiving.start).toBe(await app.dayFromToday(-12))
  await expect(pending).toContainText(archiving.start)
  await expect(pending.getByTestId('archive-due')).toContainText(archiving.due)
  await pending.getByTestId('archive-check').click()
  await expect(pending.getByTestId('archive-complete')).toContainText('齐全')
  await app.screenshot('archive-area')
  await pending.getByTestId('archive-action').click()
  const ad = page.getByTestId('archive-dialog')
  const { home } = await app.call('app.info', {})
  await expect(inputOf(ad, 'archive-outdir')).toHaveValue(new RegExp(`^${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/exports/归档/`))
  await ad.getByTestId('archive-start').click()
  await expect(ad.getByTestId('job-progress')).toBeVisible()
  await expect(ad.getByTestId('archive-result')).toContainText('归档完成', { timeout: 180_000 })
  const year = (await app.call('app.info', {})).today.slice(0, 4)
  await expect(ad.getByTestId('archive-result')).toContainText(`归档号 ${year}0001`)
  await app.screenshot('archive-done')
  await ad.getByTestId('archive-close').click()
  await expect(page.getByTestId('archive-archived')).toContainText(`${year}0001`)
  await expect(page.getByTestId('archived-retention')).toHaveText('永久')
  await expect(pending).toContainText('没有待归档的案件')
  await app.screenshot('archive-area-after')

  // the sealed dossier: archive record shown, no reordering, no upload
  await page.goto(`${app.harness.origin}/#/cases/${c.id}?tab=dossier`)
  await expect(page.getByTestId('dossier-sealed')).toContainText('已封存')
  await expect(page.getByTestId('dossier-archive-number')).toHaveText(`${year}0001`)
  await expect(page.getByTestId('dossier-up').first()).toBeDisabled()
  await expect(page.getByTestId('dossier-item').first()).toHaveAttribute('draggable', 'false')
  await app.screenshot('dossier-sealed')
  await page.getByRole('tab', { name: '证据与音像' }).click()
  await expect(page.getByTestId('evidence-add')).toBeDisabled()
  // the record names the archivist who sealed it
  const sealedBy = (await app.call('audit.list', { limit: 50 })).find((e) => e.action === 'dossier.archive')
  expect(sealedBy).toMatchObject({ actor: 'zhaomin', actorName: '赵敏' })
  // a head may flag an open case; this one is sealed
  await app.signInAs('zhouwb')
  await expect(app.call('cases.setFlag', { id: c.id, flag: 'extended', on: true, reason: '案情复杂，需延长办案期限' })).rejects.toThrow(
    /CASE_SEALED/
  )
})
