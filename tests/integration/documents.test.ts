import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeHome, countRows, clearDecisionGates, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { docxText } from '../../src-main/drafting/render'
import { loadManifest } from '../../src-main/drafting/catalogue'
import { openHome } from '../../src-main/store/home'
import { createContext } from '../../src-main/services/context'
import { setSetting } from '../../src-main/store/settings'

let t: TestHome
let caseId: number
let caseNumber: string
beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 40 })
  const c = (await call(t.ctx, 'cases.list', { status: ['investigating'], limit: 1 })).items[0]!
  caseId = c.id
  caseNumber = c.number!
})
afterAll(() => t.cleanup())

const fails = async (channel: string, input: unknown) => {
  const r = await invoke(t.ctx, channel, input, { error: () => undefined })
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return r.error
}

/** A plausible value for every field of a type, so the draft passes its checks. */
function fill(type: ReturnType<typeof loadManifest>['manifest']['types'][number]): Record<string, unknown> {
  const v = (ft: string, key: string): unknown => {
    if (ft === 'date') return '2026-11-24'
    if (ft === 'datetime') return key.toLowerCase().includes('end') ? '2026-11-24T11:30' : '2026-11-24T09:00'
    if (ft === 'money' || ft === 'number') return 20000
    if (ft === 'boolean') return false
    if (ft === 'citation') return '《中华人民共和国安全生产法》第二十八条第一款'
    return `测试${key}内容`
  }
  const out: Record<string, unknown> = {}
  for (const f of type.fields) {
    if (f.type === 'list')
      out[f.key] = [Object.fromEntries((f.item ?? []).map((s) => [s.key, s.type === 'select' ? (s.options?.[0] ?? '') : v(s.type, s.key)]))]
    else if (f.type === 'select') out[f.key] = f.options?.[0] ?? ''
    else out[f.key] = v(f.type, f.key)
  }
  return out
}

describe('a warning-only decision (警告, no fine)', () => {
  it('passes the art. 59 check and issues (issue 12, defect 3)', async () => {
    const type = loadManifest().manifest.types.find((x) => x.id === 'penalty_decision_org')!
    const d = await call(t.ctx, 'documents.create', { caseId, type: type.id })
    const { fine: _fine, ...rest } = fill(type)
    const saved = await call(t.ctx, 'documents.save', { id: d.id, revision: d.revision, fields: { ...rest, penalty: '警告' } })
    expect(saved.findings.filter((f) => f.severity === 'error')).toEqual([])
    if (saved.gates.length) await clearDecisionGates(t.ctx, d.id)
    const r = await invoke(t.ctx, 'documents.issue', { id: d.id }, { error: () => undefined })
    expect(r.ok ? null : r.error).toBeNull()
  })
})

describe('every template drafts, renders and issues for a demo case', () => {
  const out = mkdtempSync(join(tmpdir(), 'casebinder-docs-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('produces valid DOCX files carrying the case data and their numbers', async () => {
    const types = loadManifest().manifest.types
    expect(types).toHaveLength(25)
    for (const type of types) {
      const d = await call(t.ctx, 'documents.create', { caseId, type: type.id })
      const saved = await call(t.ctx, 'documents.save', { id: d.id, revision: d.revision, fields: fill(type) })
      const errors = saved.findings.filter((f) => f.severity === 'error')
      expect(errors, type.id).toEqual([])
      // a decision also waits for its procedural steps; this test is about the forms, so take them
      if (saved.gates.length) await clearDecisionGates(t.ctx, d.id)
      const r = await invoke(t.ctx, 'documents.issue', { id: d.id }, { error: () => undefined })
      if (!r.ok) throw new Error(`${type.id}: ${r.error.message}`)
      const issued = r.value as { number: string | null; docxSha256: string }
      if (type.prefix) expect(issued.number, type.id).toMatch(new RegExp(`^（江）应急${type.prefix}〔2026〕\\d+号$`))
      else expect(issued.number).toBeNull()
      const file = await call(t.ctx, 'documents.file', { id: d.id })
      const bytes = Buffer.from(file.base64, 'base64')
      const text = docxText(bytes)
      expect(text, type.id).not.toMatch(/\{[a-zA-Z$#/^]/) // no tag left behind
      expect(text, type.id).toContain(type.title.replace(/（.*）$/, ''))
      if (issued.number) expect(text, type.id).toContain(issued.number)
      writeFileSync(join(out, `${type.id}.docx`), bytes)
    }
  })

  it('LibreOffice converts every rendered document', () => {
    const soffice = spawnSync('soffice', ['--version'])
    if (soffice.status !== 0) throw new Error('LibreOffice (soffice) is required: apt-get install libreoffice-writer-nogui')
    const files = readdirSync(out).filter((f) => f.endsWith('.docx'))
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...files.map((f) => join(out, f))], {
      timeout: 240_000,
      stdio: 'ignore'
    })
    const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'))
    expect(pdfs.sort()).toEqual(files.map((f) => f.replace(/\.docx$/, '.pdf')).sort())
    const text = execFileSync('pdftotext', [join(out, 'rectification_order.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('责令限期整改指令书')
  }, 300_000)
})

describe('document lifecycle', () => {
  it('autofills from the case, blocks issuing on errors, freezes issued documents', async () => {
    const d = await call(t.ctx, 'documents.create', { caseId, type: 'penalty_decision_org' })
    expect(d.fields.facts).toBe((await call(t.ctx, 'cases.get', { ref: String(caseId) })).facts)
    expect(d.canIssue).toBe(false)
    const e = await fails('documents.issue', { id: d.id })
    expect(e.code).toBe('DOCUMENT_CHECK_FAILED')
    expect((await fails('documents.save', { id: d.id, revision: d.revision, fields: { nonsense: 1 } })).code).toBe('VALIDATION_FAILED')
    expect((await fails('documents.save', { id: d.id, revision: d.revision + 5, fields: {} })).code).toBe('DOCUMENT_REVISION_CONFLICT')
  })

  it('keeps the issued version and its number when voided, and corrects as a new version', async () => {
    const type = loadManifest().manifest.types.find((x) => x.id === 'rectification_order')!
    const d = await call(t.ctx, 'documents.create', { caseId, type: 'rectification_order', fields: fill(type) })
    const issued = await call(t.ctx, 'documents.issue', { id: d.id })
    const before = countRows(t.home, 'documents')
    // the database itself refuses to change an issued document
    expect(() => t.home.db.prepare(`UPDATE documents SET fields = '{}' WHERE id = ?`).run(d.id)).toThrow(/cannot be changed/)
    const v2 = await call(t.ctx, 'documents.correct', { id: d.id })
    expect(v2).toMatchObject({ status: 'draft', version: 2, supersedesId: d.id, number: null })
    expect(countRows(t.home, 'documents')).toBe(before + 1)
    const voided = await call(t.ctx, 'documents.void', { id: d.id, reason: '整改期限填写错误' })
    expect(voided).toMatchObject({ status: 'voided', number: issued.number, voidedReason: '整改期限填写错误' })
    const reissued = await call(t.ctx, 'documents.issue', { id: v2.id })
    expect(reissued.number).not.toBe(issued.number) // a voided number is never reused
    const log = (await call(t.ctx, 'audit.list', { targetType: 'document', limit: 10 })).map((e) => e.action)
    expect(log.slice(0, 4)).toEqual(['document.issue', 'document.void', 'document.correct', 'document.issue'])
  })

  it('numbers gap-free and without duplicates when two connections issue alternately', async () => {
    const type = loadManifest().manifest.types.find((x) => x.id === 'questioning_notice')!
    const other = await openHome(t.dir)
    const ctx2 = createContext(other, { actor: 'clerk2', now: () => new Date('2026-11-25T02:00:00Z') })
    try {
      const numbers: string[] = []
      for (let i = 0; i < 12; i++) {
        const ctx = i % 2 ? ctx2 : t.ctx
        const d = await call(ctx, 'documents.create', { caseId, type: type.id, fields: fill(type) })
        numbers.push((await call(ctx, 'documents.issue', { id: d.id })).number!)
      }
      const serials = numbers.map((n) => Number(/〔2026〕(\d+)号/.exec(n)![1]))
      expect(new Set(numbers).size).toBe(12)
      expect(serials).toEqual(serials.map((_, i) => serials[0]! + i))
    } finally {
      other.close()
    }
  })

  it('never duplicates or skips a number when two processes issue at the same time', async () => {
    const { spawn } = await import('node:child_process')
    const run = (actor: string) =>
      new Promise<string[]>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/issue-many.ts', t.dir, String(caseId), '15', actor])
        let out = ''
        let err = ''
        p.stdout.on('data', (d) => (out += d))
        p.stderr.on('data', (d) => (err += d))
        p.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(err))))
      })
    const [a, b] = await Promise.all([run('clerk-a'), run('clerk-b')])
    const serials = [...a!, ...b!].map((n) => Number(/〔2026〕(\d+)号/.exec(n)![1])).sort((x, y) => x - y)
    expect(new Set(serials).size).toBe(30)
    expect(serials.at(-1)! - serials[0]! + 1).toBe(30) // contiguous: nothing skipped
  }, 120_000)

  it('can inherit the case serial instead', async () => {
    await setSetting(t.home.store, 'numbering.scheme', 'inherit-case')
    try {
      const type = loadManifest().manifest.types.find((x) => x.id === 'penalty_notice')!
      const d = await call(t.ctx, 'documents.create', { caseId, type: type.id, fields: fill(type) })
      const serial = /〔(\d{4})〕(\d+)号/.exec(caseNumber)!
      expect((await call(t.ctx, 'documents.issue', { id: d.id })).number).toBe(`（江）应急罚告〔${serial[1]}〕${serial[2]}号`)
      const again = await call(t.ctx, 'documents.create', { caseId, type: type.id, fields: fill(type) })
      expect((await fails('documents.issue', { id: again.id })).code).toBe('DOCUMENT_NUMBER_TAKEN')
    } finally {
      await setSetting(t.home.store, 'numbering.scheme', 'per-type')
    }
  })
})
