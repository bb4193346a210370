import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { fillFields, makeHome, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { loadManifest } from '../../src-main/drafting/catalogue'
import { dossierArchive, verifyPath } from '../../src-main/services/archive'
import { signerFor, withPdfTools } from '../../src-main/services/pdf-tools'

let t: TestHome
let caseId: number
const out = mkdtempSync(join(tmpdir(), 'casebinder-archive-'))
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

async function scanOf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595.28, 841.89]).drawText(`SIGNED SCAN ${label}`, { x: 60, y: 760, size: 16, font })
  return Buffer.from(await doc.save())
}

/** every field of a document type filled with plausible values (tests/helpers.ts) */
const fill = (typeId: string, extra: Record<string, unknown> = {}) => fillFields(typeId, extra, '2026-11-10')

async function issue(typeId: string, extra: Record<string, unknown> = {}) {
  const d = await call(t.ctx, 'documents.create', { caseId, type: typeId, fields: fill(typeId, extra) })
  const r = await invoke(t.ctx, 'documents.issue', { id: d.id }, { error: () => undefined })
  if (!r.ok) throw new Error(`${typeId}: ${r.error.message}`)
  return r.value as { id: number; number: string | null; title: string }
}

beforeAll(async () => {
  t = await makeHome('2026-11-25T02:00:00Z')
  await call(t.ctx, 'demo.load', { cases: 0 })
  const party = await call(t.ctx, 'parties.add', {
    kind: 'org',
    name: '江州市鑫达化工有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市浔阳区化工园区8号',
    legalRep: '周国华'
  })
  const c = await call(t.ctx, 'cases.registerAndFile', {
    register: {
      source: 'inspection',
      sourceDate: '2026-10-08',
      procedure: 'general',
      cause: '未按规定对从业人员进行安全生产教育和培训',
      facts: '经查，该公司三名焊接作业人员未经培训上岗。',
      parties: [{ partyId: party.id }],
      officerIds: [1, 2]
    },
    filedOn: '2026-10-09'
  })
  caseId = c.id
  for (const [to, date] of [
    ['investigating', '2026-10-10'],
    ['internal_review', '2026-10-20'],
    ['notice', '2026-10-21'],
    ['decided', '2026-11-02'],
    ['served', '2026-11-03'],
    ['executing', '2026-11-03']
  ] as const) {
    await call(t.ctx, 'cases.transition', { id: caseId, to, date })
  }
  await call(t.ctx, 'cases.recordEvent', { id: caseId, type: 'published', date: '2026-11-04' })
  await call(t.ctx, 'cases.recordEvent', { id: caseId, type: 'paid', date: '2026-11-10' })
  await call(t.ctx, 'cases.transition', { id: caseId, to: 'closing_approval', date: '2026-11-12' })
  // 结案 only through the head's approval, which writes the head's opinion into the closing form's draft
  const closed = await call(t.ctx, 'approvals.record', {
    caseId,
    kind: 'closing',
    outcome: 'approved',
    opinion: '罚款已缴清，同意结案。',
    date: '2026-11-13'
  })
  const closingDraft = closed.approvals[0]!.documentId!
  await call(t.ctx, 'documents.save', {
    id: closingDraft,
    revision: (await call(t.ctx, 'documents.get', { id: closingDraft })).revision,
    fields: fill('case_closing_approval', { headOpinion: (await call(t.ctx, 'documents.get', { id: closingDraft })).fields.headOpinion })
  })
  const closingIssued = await invoke(t.ctx, 'documents.issue', { id: closingDraft }, { error: () => undefined })
  if (!closingIssued.ok) throw new Error(`case_closing_approval: ${closingIssued.error.message}`)
  const docs = [
    await issue('case_filing_approval'),
    await issue('inspection_record'),
    await issue('penalty_notice'),
    await issue('case_handling_approval'),
    await issue('penalty_decision_org'),
    closingIssued.value as { id: number; number: string | null; title: string }
  ]
  const external = docs.filter((d) => loadManifest().manifest.types.find((x) => x.title === d.title)?.external)
  const receipt = await issue('service_receipt', { documents: external.map((d) => ({ title: d.title, number: d.number })) })
  for (const d of [...docs, receipt]) {
    const type = loadManifest().manifest.types.find((x) => x.title === d.title)!
    if (type.handSigned)
      await call(t.ctx, 'evidence.add', {
        caseId,
        kind: 'scan',
        documentId: d.id,
        description: `${d.title}签字原件`,
        fileName: `${d.id}.pdf`,
        base64: b64(await scanOf(String(d.id)))
      })
  }
  await call(t.ctx, 'evidence.add', {
    caseId,
    kind: 'evidence',
    evidenceType: '书证',
    description: '培训记录复印件',
    fileName: 'training.pdf',
    base64: b64(await scanOf('TRAINING')),
    collectedAt: '2026-10-10'
  })
  await call(t.ctx, 'signing.createTest', {})
}, 120_000)
afterAll(() => {
  t.cleanup()
  if (!process.env.KEEP_BUNDLE) rmSync(out, { recursive: true, force: true })
  else console.log('archive kept in', out)
})

describe('archiving a complete dossier', () => {
  let pkg: string
  let fingerprint: string

  it('refuses while a mandatory document is missing, naming it', async () => {
    const closing = (await call(t.ctx, 'documents.list', { caseId })).find((d) => d.type === 'case_closing_approval')!
    await call(t.ctx, 'documents.void', { id: closing.id, reason: '测试：暂时作废结案审批表' })
    const signer = await signerFor(t.ctx, {})
    await expect(
      withPdfTools(t.ctx, (tools) => dossierArchive(t.ctx, { caseId, outDir: join(out, 'refused'), ...tools, sign: signer.sign }))
    ).rejects.toMatchObject({
      appError: { code: 'DOSSIER_INCOMPLETE', message: expect.stringContaining('缺少结案审批表') }
    })
    expect(existsSync(join(out, 'refused'))).toBe(false)
    const again = await call(t.ctx, 'documents.create', { caseId, type: 'case_closing_approval', fields: fill('case_closing_approval') })
    await call(t.ctx, 'documents.issue', { id: again.id })
    await call(t.ctx, 'evidence.add', {
      caseId,
      kind: 'scan',
      documentId: again.id,
      description: '结案审批表签字原件',
      fileName: 'closing.pdf',
      base64: b64(await scanOf('CLOSING2'))
    })
  }, 120_000)

  it('writes a signed bundle and a package that verifies, then locks the dossier', async () => {
    const view = await call(t.ctx, 'dossiers.show', { caseId })
    expect(view.completeness).toMatchObject({ complete: true })
    expect(view.review.veto).toEqual([])
    const signer = await signerFor(t.ctx, {})
    fingerprint = signer.fingerprint
    pkg = join(out, 'package')
    const r = await withPdfTools(t.ctx, (tools) => dossierArchive(t.ctx, { caseId, outDir: pkg, ...tools, sign: signer.sign, fingerprint }))
    expect(r.archiveNumber).toBe('20260001')
    const bundle = join(pkg, 'data', '案卷.pdf')
    execFileSync('qpdf', ['--check', bundle])
    const sig = spawnSync('pdfsig', [bundle], { encoding: 'utf8' })
    expect(sig.stdout).toContain('Signature is Valid')
    expect(sig.stdout).toContain('Total document signed')
    // every issued document's number is on the page the contents list gives (contents on PDF page 2; content page n is PDF page n + 2)
    const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', bundle, '-'], { encoding: 'utf8' })
    const issued = (await call(t.ctx, 'documents.list', { caseId })).filter((d) => d.status === 'issued' && d.number)
    // a row of the contents list spans several text lines; rows are separated by blank lines
    const rows = contents.split(/\n\s*\n/)
    for (const d of issued) {
      const row = rows.find((r) => r.includes(d.number!))
      expect(row, d.number!).toBeDefined()
      const first = Number(/\d{4}\.\d{2}\.\d{2}\s+(\d+)(?:-\d+)?/.exec(row!)![1])
      const page = execFileSync('pdftotext', ['-f', String(first + 2), '-l', String(first + 2), bundle, '-'], { encoding: 'utf8' })
      // a hand-signed document is represented by its scan; the others by their rendition carrying the number
      expect(page.includes(d.number!) || page.includes('SIGNED SCAN'), `${d.title} on page ${first}`).toBe(true)
    }
    expect(verifyPath(pkg, { expectedFingerprintSha256: fingerprint })).toMatchObject({ ok: true, kind: 'package', problems: [] })
    const locked = await call(t.ctx, 'dossiers.show', { caseId })
    expect(locked.record).toMatchObject({ locked: true, archiveNumber: '20260001', retention: '永久' })
    expect((await call(t.ctx, 'cases.get', { ref: String(caseId) })).status).toBe('archived')
    expect((await call(t.ctx, 'audit.list', { limit: 1 }))[0]!.action).toBe('dossier.access') // opening an archived dossier is recorded
    const e = await invoke(
      t.ctx,
      'evidence.add',
      { caseId, kind: 'evidence', evidenceType: '书证', description: '补充', fileName: 'late.pdf', base64: b64(await scanOf('LATE')) },
      { error: () => undefined }
    )
    // the case is sealed: every change is refused before its handler runs
    expect(!e.ok && e.error.code).toBe('CASE_SEALED')
  }, 180_000)

  it('reports exactly what was changed in a package', () => {
    const attachment = execFileSync('ls', [join(pkg, 'data', 'attachments')], { encoding: 'utf8' })
      .trim()
      .split('\n')[0]!
    const path = join(pkg, 'data', 'attachments', attachment)
    const original = readFileSync(path)
    writeFileSync(path, Buffer.concat([original, Buffer.from('x')]))
    writeFileSync(join(pkg, 'data', 'extra.txt'), 'not in the manifest')
    const r = verifyPath(pkg)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual(
      expect.arrayContaining([expect.stringContaining(`文件已被修改：data/attachments/${attachment}`), '清单外的文件：data/extra.txt'])
    )
    writeFileSync(path, original)
    rmSync(join(pkg, 'data', 'extra.txt'))
    expect(verifyPath(pkg).ok).toBe(true)
  })

  it('`casebinder verify` fails on a flipped byte or an appended update of the bundle', () => {
    const bundle = join(pkg, 'data', '案卷.pdf')
    const copy = join(out, 'copy.pdf')
    const bytes = readFileSync(bundle)
    const cli = (p: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', '--home', t.dir, '--user', 'zhaomin', 'verify', p], {
        encoding: 'utf8',
        // the demo home's archivist
        env: { ...process.env, CASEBINDER_PASSWORD: 'demo2026' }
      })
    writeFileSync(copy, bytes)
    expect(cli(copy).status).toBe(0)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(bytes.length / 3)]! ^= 0x01
    writeFileSync(copy, flipped)
    expect(cli(copy).status).toBe(4)
    writeFileSync(copy, bytes)
    appendFileSync(copy, '\n1 0 obj\n<< >>\nendobj\n%%EOF\n')
    const appended = cli(copy)
    expect(appended.status).toBe(4)
    expect(appended.stdout).toContain('签名后文件被追加修改')
  }, 60_000)
})
