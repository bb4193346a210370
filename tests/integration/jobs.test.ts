import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { makeHome, type TestHome } from '../helpers'
import { call } from '../../src-main/services'
import { jobsCancel, jobsGet } from '../../src-main/services/exports'
import type { AppEvent } from '../../src-main/contract'

let t: TestHome
let caseId: number
const out = mkdtempSync(join(tmpdir(), 'casebinder-jobs-'))

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
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < 3; i++) doc.addPage().drawText(`EXHIBIT PAGE ${i + 1}`, { x: 60, y: 700, size: 14, font })
  await call(t.ctx, 'evidence.add', {
    caseId,
    kind: 'evidence',
    evidenceType: '书证',
    description: '培训记录',
    fileName: 'e.pdf',
    base64: Buffer.from(await doc.save()).toString('base64')
  })
  await call(t.ctx, 'signing.createTest', {})
})
afterAll(() => {
  t.cleanup()
  rmSync(out, { recursive: true, force: true })
})

describe('export jobs in a worker thread', () => {
  it('report progress by stage, end with one done event, and produce a signed bundle', async () => {
    const job = await call(t.ctx, 'dossiers.export', { caseId, sign: true, outPath: join(out, 'bundle.pdf') })
    expect(job.status).toBe('running')
    const done = await t.ctx.jobs.wait(job.id)
    expect(done.error).toBeUndefined()
    expect(done.status).toBe('done')
    const progress = t.events.filter(
      (e): e is Extract<AppEvent, { type: 'job.progress' }> => e.type === 'job.progress' && e.jobId === job.id
    )
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(['rendition', 'front-matter', 'assemble', 'sign']))
    expect(t.events.filter((e) => e.type === 'job.done' && e.jobId === job.id)).toEqual([
      { type: 'job.done', jobId: job.id, userId: null, status: 'done' }
    ])
    expect(t.events).toContainEqual({ type: 'data.changed', area: 'dossier', action: 'dossier.export' })
    expect(readFileSync(join(out, 'bundle.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    const file = await call(t.ctx, 'jobs.file', { jobId: job.id })
    expect(Buffer.from(file.base64, 'base64').length).toBeGreaterThan(1000)
    expect(await call(t.ctx, 'dossiers.verify', { path: join(out, 'bundle.pdf') })).toMatchObject({ ok: true, kind: 'bundle' })
  }, 120_000)

  it('cancelling leaves no partial output', async () => {
    const path = join(out, 'cancelled.pdf')
    const job = await call(t.ctx, 'dossiers.export', { caseId, sign: true, outPath: path })
    expect(await call(t.ctx, 'jobs.cancel', { jobId: job.id })).toEqual({ cancelled: true })
    const end = await t.ctx.jobs.wait(job.id)
    expect(end.status).toBe('cancelled')
    expect(existsSync(path)).toBe(false)
    expect(readdirSync(out).filter((f) => f.startsWith('.') || f.includes('cancelled'))).toEqual([])
  }, 120_000)

  it("are their starter's: another user neither sees nor cancels them, and their events name the starter", async () => {
    const principal = (userId: number) => ({
      userId,
      login: `u${userId}`,
      name: `用户${userId}`,
      officerId: null,
      roles: ['handler' as const]
    })
    let release!: () => void
    const job = t.ctx.jobs.start('test.wait', () => new Promise<void>((ok) => (release = ok)), 7)
    const asOwner = { ...t.ctx, principal: principal(7) }
    const asOther = { ...t.ctx, principal: principal(8) }
    expect(jobsGet(asOwner, { jobId: job.id })).toMatchObject({ id: job.id, ownerId: 7, status: 'running' })
    expect(() => jobsGet(asOther, { jobId: job.id })).toThrow(/没有编号为/)
    expect(() => jobsCancel(asOther, { jobId: job.id })).toThrow(/没有编号为/)
    expect(t.ctx.jobs.get(job.id)?.status).toBe('running')
    release()
    const done = await t.ctx.jobs.wait(job.id)
    expect(done.status).toBe('done')
    expect(t.events).toContainEqual({ type: 'job.done', jobId: job.id, userId: 7, status: 'done' })
  })

  it('creates a clearly labelled test certificate', async () => {
    await call(t.ctx, 'signing.createTest', {})
    const r = await call(t.ctx, 'signing.info', {})
    expect(r).toMatchObject({ configured: true, test: true, subject: { organization: expect.stringContaining('测试证书') } })
  })
})
