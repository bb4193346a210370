/**
 * The repositories the services ask instead of writing SQL: each against a real SQLite home, round-tripping
 * domain shapes (camelCase, booleans, parsed JSON) and keeping the rules the tables enforce.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { countRows, makeHome, VALID_AGENCY, type TestHome } from '../helpers'
import { call } from '../../src-main/services'
import { recordBlob } from '../../src-main/store/blobs'
import { withTransaction } from '../../src-main/store/engine/transaction'
import {
  caseIdsOfParty,
  caseIdsWithStatus,
  countCases,
  findCase,
  markCaseExtended,
  nextNumber,
  peekNextNumber
} from '../../src-main/store/repos/cases'
import { countOfficers } from '../../src-main/store/repos/officers'
import { countParties } from '../../src-main/store/repos/parties'
import { dossierLocked, findDossier, lockDossier, saveDossierOrder } from '../../src-main/store/repos/dossiers'
import { caseEvidence, findCaseEvidenceByHash, findEvidence, insertEvidence } from '../../src-main/store/repos/evidence'
import { findRendition, saveRendition } from '../../src-main/store/repos/renditions'
import { calendarYearRecords, calendarYearVersion, saveCalendarYear } from '../../src-main/store/repos/calendar'
import { insertRuleSet, latestRuleSet } from '../../src-main/store/repos/deadlines'
import { deleteCustomTemplate, saveCustomTemplate } from '../../src-main/store/repos/templates'

const AT = '2026-11-25T02:00:00.000Z'
let t: TestHome
let caseId: number
let partyId: number
beforeEach(async () => {
  t = await makeHome('2026-11-25T02:00:00Z')
  await call(t.ctx, 'agency.set', VALID_AGENCY)
  await call(t.ctx, 'officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2029-01-01' })
  await call(t.ctx, 'officers.add', { name: '李晓红', certNo: '36040019002', validUntil: '2029-01-01' })
  partyId = (
    await call(t.ctx, 'parties.add', {
      kind: 'org',
      name: '江州市鑫达化工有限公司',
      creditCode: '91360402MA35XK7Q25',
      address: '江州市浔阳区化工园区8号',
      legalRep: '周国华'
    })
  ).id
  caseId = (
    await call(t.ctx, 'cases.register', {
      source: 'inspection',
      sourceDate: '2026-11-02',
      procedure: 'general',
      cause: '未按规定对从业人员进行安全生产教育和培训',
      facts: '经查，该公司三名焊接作业人员未经安全生产教育和培训即上岗作业。',
      parties: [{ partyId }],
      officerIds: [1, 2]
    })
  ).id
})
afterEach(() => t.cleanup())

describe('recordBlob', () => {
  it('writes the file under its SHA-256 and one row; the same bytes again add neither', async () => {
    const db = t.home.store
    const before = countRows(t.home, 'blobs')
    const a = await withTransaction(db, (tx) => recordBlob(tx, t.home.blobs, Buffer.from('案卷通'), 'text/plain', AT))
    expect(a).toMatchObject({ size: 9, existed: false })
    expect(existsSync(t.home.blobs.pathOf(a.sha256))).toBe(true)
    const b = await recordBlob(db, t.home.blobs, Buffer.from('案卷通'), 'application/octet-stream', '2027-01-01T00:00:00.000Z')
    expect(b).toEqual({ ...a, existed: true })
    expect(countRows(t.home, 'blobs')).toBe(before + 1)
    expect(t.home.db.prepare('SELECT mime, created_at FROM blobs WHERE sha256 = ?').get(a.sha256)).toEqual({
      mime: 'text/plain',
      created_at: AT
    })
  })

  it('leaves no row when the transaction it ran in is rolled back', async () => {
    const db = t.home.store
    const before = countRows(t.home, 'blobs')
    await expect(
      withTransaction(db, async (tx) => {
        await recordBlob(tx, t.home.blobs, Buffer.from('rolled back'), 'text/plain', AT)
        throw new Error('abort')
      })
    ).rejects.toThrow('abort')
    expect(countRows(t.home, 'blobs')).toBe(before)
  })
})

describe('cases, officers and parties', () => {
  it('counts, finds cases by status and by party, marks the extension, peeks the next number', async () => {
    const db = t.home.store
    expect(await Promise.all([countOfficers(db, false), countOfficers(db, true), countParties(db), countCases(db)])).toEqual([2, 2, 1, 1])
    expect(await caseIdsWithStatus(db, ['registered', 'filed'])).toEqual([caseId])
    expect(await caseIdsWithStatus(db, ['closed'])).toEqual([])
    expect(await caseIdsOfParty(db, partyId)).toEqual([caseId])
    expect(await caseIdsOfParty(db, 999)).toEqual([])
    await markCaseExtended(db, caseId, AT)
    expect(await findCase(db, caseId)).toMatchObject({ extended: true, updatedAt: AT })
    expect(await peekNextNumber(db, 'test', 2026)).toBe(1)
    expect(await nextNumber(db, 'test', 2026)).toBe(1)
    expect(await peekNextNumber(db, 'test', 2026)).toBe(2)
    expect(await peekNextNumber(db, 'test', 2026)).toBe(2) // peeking takes nothing
  })
})

describe('evidence', () => {
  it('inserts and reads back the domain shape, finds a case file by its hash', async () => {
    const db = t.home.store
    const e = {
      caseId,
      kind: 'evidence' as const,
      evidenceType: '书证',
      description: '培训记录',
      source: '现场提取',
      collector: '王建国',
      collectedAt: null,
      place: '',
      documentId: null,
      sha256: 'a'.repeat(64),
      fileName: '培训记录.pdf',
      mime: 'application/pdf',
      size: 123,
      createdBy: 'tester',
      createdAt: AT
    }
    const id = await insertEvidence(db, e)
    expect(await findEvidence(db, id)).toEqual({ id, ...e })
    expect(await caseEvidence(db, caseId)).toEqual([{ id, ...e }])
    expect((await findCaseEvidenceByHash(db, caseId, 'a'.repeat(64)))?.id).toBe(id)
    expect(await findCaseEvidenceByHash(db, caseId, 'b'.repeat(64))).toBeNull()
    expect(await findEvidence(db, id + 1)).toBeNull()
  })
})

describe('dossiers and renditions', () => {
  it('saves the manual order, then locks with the archive record; a locked dossier refuses changes', async () => {
    const db = t.home.store
    expect(await findDossier(db, caseId)).toBeNull()
    expect(await dossierLocked(db, caseId)).toBe(false)
    await saveDossierOrder(db, caseId, ['doc:2', 'doc:1'], AT)
    expect(await findDossier(db, caseId)).toMatchObject({ caseId, itemOrder: ['doc:2', 'doc:1'], locked: false, archiveNumber: null })
    await lockDossier(db, caseId, {
      archiveNumber: '20260001',
      retention: '永久',
      archivedOn: '2026-11-25',
      bundleSha256: 'c'.repeat(64),
      at: AT
    })
    expect(await findDossier(db, caseId)).toEqual({
      caseId,
      itemOrder: ['doc:2', 'doc:1'],
      compiler: '',
      checker: '',
      note: '',
      archiveNumber: '20260001',
      retention: '永久',
      archivedOn: '2026-11-25',
      locked: true,
      bundleSha256: 'c'.repeat(64),
      updatedAt: AT
    })
    expect(await dossierLocked(db, caseId)).toBe(true)
    await expect(saveDossierOrder(db, caseId, [], AT)).rejects.toThrow('an archived dossier is locked')
  })

  it('caches a rendition by the DOCX hash, a newer one replacing the old', async () => {
    const db = t.home.store
    const r = { docxSha256: 'd'.repeat(64), pdfSha256: 'e'.repeat(64), renderer: 'chromium', pages: 3, createdAt: AT }
    expect(await findRendition(db, r.docxSha256)).toBeNull()
    await saveRendition(db, r)
    expect(await findRendition(db, r.docxSha256)).toEqual(r)
    await saveRendition(db, { ...r, pdfSha256: 'f'.repeat(64), renderer: 'libreoffice' })
    expect(await findRendition(db, r.docxSha256)).toMatchObject({ pdfSha256: 'f'.repeat(64), renderer: 'libreoffice' })
  })
})

describe('calendar, deadline rules and custom templates', () => {
  it('holds the seeded calendar years and replaces one on save', async () => {
    const db = t.home.store
    const years = await calendarYearRecords(db)
    expect(years.length).toBeGreaterThan(0)
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => a - b))
    const first = years[0]!
    expect(await calendarYearVersion(db, first.year)).toBe(first.version)
    expect(await calendarYearVersion(db, 1900)).toBeNull()
    await saveCalendarYear(
      db,
      { year: first.year, restDays: [[`${first.year}-01-01`, '元旦']], makeupWorkdays: [] },
      {
        source: '测试',
        version: 'import-test',
        at: AT,
        actor: 'tester'
      }
    )
    expect((await calendarYearRecords(db)).find((y) => y.year === first.year)).toEqual({
      year: first.year,
      restDays: [[`${first.year}-01-01`, '元旦']],
      makeupWorkdays: [],
      source: '测试',
      version: 'import-test',
      importedAt: AT,
      importedBy: 'tester'
    })
  })

  it('saves deadline rule sets as new versions, the latest in force', async () => {
    const db = t.home.store
    const seeded = (await latestRuleSet(db))!
    expect(seeded.rules.length).toBeGreaterThan(0)
    const v = await insertRuleSet(db, { name: '修订', rules: seeded.rules.slice(0, 1) }, AT, 'tester')
    expect(v).toBeGreaterThan(seeded.version)
    expect(await latestRuleSet(db)).toEqual({ version: v, name: '修订', rules: seeded.rules.slice(0, 1), createdAt: AT })
  })

  it('keeps one custom template per type; deleting says whether there was one', async () => {
    const db = t.home.store
    await saveCustomTemplate(db, { type: 'x', sha256: 'a'.repeat(64), fileName: 'a.docx', tags: ['当事人'] }, AT, 'tester')
    await saveCustomTemplate(db, { type: 'x', sha256: 'b'.repeat(64), fileName: 'b.docx', tags: [] }, AT, 'tester')
    expect(t.home.db.prepare('SELECT sha256, file_name, tags FROM custom_templates WHERE type = ?').all('x')).toEqual([
      { sha256: 'b'.repeat(64), file_name: 'b.docx', tags: '[]' }
    ])
    expect(await deleteCustomTemplate(db, 'x')).toBe(true)
    expect(await deleteCustomTemplate(db, 'x')).toBe(false)
  })
})
