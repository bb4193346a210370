/**
 * The enforced workflow: a head's approvals (approvals.record) move the case and fill the approval form with the
 * head's name; 推进 refuses the moves a dedicated step owns (STEP_REQUIRED); an archived case refuses every change
 * (CASE_SEALED), centrally at `invoke`, writing nothing.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillFields, makeHome, type TestHome } from '../helpers'
import { call, createContext, invoke, type ServiceContext } from '../../src-main/services'
import { transact } from '../../src-main/services/context'
import { archiveCase, compileDossier } from '../../src-main/services/ops/archive-seal'
import { CASE_CHANGES } from '../../src-main/contract/access'
import type { Channel } from '../../src-main/contract'
import { REVIEW_ASPECTS } from '../../src-main/core/legal-review'
import type { Principal } from '../../src-main/core/roles'

const DAY = '2026-11-25'
let t: TestHome
let party: number
let head: Principal
let handler: Principal

/** A digest of every table's rows: equal before and after means nothing was written. */
function storeDigest(): string {
  const h = createHash('sha256')
  const tables = t.home.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`)
    .all() as { name: string }[]
  for (const { name } of tables) h.update(name).update(JSON.stringify(t.home.db.prepare(`SELECT * FROM "${name}"`).all()))
  return h.digest('hex')
}
const activityCount = () => (t.home.db.prepare('SELECT COUNT(*) AS n FROM activity_log').get() as { n: number }).n
const snapshot = () => [activityCount(), storeDigest()]

const door = (principal: Principal): ServiceContext =>
  createContext(t.home, { actor: 'door', now: t.ctx.now, requireAuth: true, principal, version: 'test' })

async function fails(ctx: ServiceContext, channel: Channel, input: unknown) {
  const r = await invoke(ctx, channel, input, { error: () => undefined })
  if (r.ok) throw new Error(`${channel} should have failed`)
  return r.error
}

/** a general case registered and filed by officers 1 and 2 (王建国, 李晓红) */
async function filedCase(): Promise<number> {
  return (
    await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-10-08',
        procedure: 'general',
        cause: '未按规定对从业人员进行安全生产教育和培训',
        facts: '经查，该公司三名焊接作业人员未经培训上岗。',
        parties: [{ partyId: party }],
        officerIds: [1, 2]
      },
      filedOn: '2026-10-09'
    })
  ).id
}

async function registeredCase(): Promise<number> {
  return (
    await call(t.ctx, 'cases.register', {
      source: 'complaint',
      sourceDate: '2026-11-20',
      procedure: 'general',
      cause: '未按规定设置安全警示标志',
      facts: '经查，该公司危险作业场所未设置安全警示标志。',
      parties: [{ partyId: party }],
      officerIds: [1, 2]
    })
  ).id
}

/** a filed case revoked and waiting for its closing approval */
async function closingCase(): Promise<number> {
  const id = await filedCase()
  await call(t.ctx, 'cases.transition', { id, to: 'revoked', date: '2026-11-20', note: '违法事实不能成立' })
  await call(t.ctx, 'cases.transition', { id, to: 'closing_approval', date: '2026-11-21' })
  return id
}

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 0 })
  party = (
    await call(t.ctx, 'parties.add', {
      kind: 'org',
      name: '江州市鑫达化工有限公司',
      creditCode: '91360402MA35XK7Q25',
      address: '江州市浔阳区化工园区8号',
      legalRep: '周国华'
    })
  ).id
  head = await call(t.ctx, 'auth.signIn', { login: 'zhouwb', password: 'demo2026' })
  handler = await call(t.ctx, 'auth.signIn', { login: 'lixh', password: 'demo2026' })
}, 60_000)
afterAll(() => t.cleanup())

describe('STEP_REQUIRED: 推进 makes only the moves no step owns', () => {
  it('立案审批中 → 已立案 needs the filing approval, by transition or by 立案, and writes nothing', async () => {
    const id = await registeredCase()
    const c = await call(t.ctx, 'cases.transition', { id, to: 'filing_approval', date: DAY })
    expect(c.allowedTransitions).not.toContain('filed')
    expect(c.allowedTransitions).toEqual(expect.arrayContaining(['not_filed', 'registered']))
    expect(c.approvalKinds).toEqual(['filing'])
    const before = snapshot()
    for (const [channel, input] of [
      ['cases.transition', { id, to: 'filed', date: DAY }],
      ['cases.file', { id, filedOn: DAY }]
    ] as const) {
      const e = await fails(t.ctx, channel, input)
      expect(e).toMatchObject({ code: 'STEP_REQUIRED', details: { step: 'approvals.record' } })
      expect(e.message).toContain('「立案审批」')
    }
    expect(snapshot()).toEqual(before)
  })

  it('结案审批 → 已结案 needs the closing approval; 立卷 and 归档 only the archive job', async () => {
    const id = await closingCase()
    expect((await call(t.ctx, 'cases.get', { ref: String(id) })).allowedTransitions).toEqual(['executing'])
    let before = snapshot()
    const closing = await fails(t.ctx, 'cases.transition', { id, to: 'closed', date: DAY })
    expect(closing).toMatchObject({ code: 'STEP_REQUIRED', details: { step: 'approvals.record' } })
    expect(closing.message).toContain('「结案审批」')
    expect(snapshot()).toEqual(before)

    const closed = await call(door(head), 'approvals.record', { caseId: id, kind: 'closing', outcome: 'approved', opinion: '同意结案' })
    expect(closed.status).toBe('closed')
    expect(closed.allowedTransitions).toEqual([])
    before = snapshot()
    const dossier = await fails(t.ctx, 'cases.transition', { id, to: 'dossier', date: DAY })
    expect(dossier).toMatchObject({ code: 'STEP_REQUIRED', details: { step: 'dossiers.archive' } })
    expect(dossier.message).toBe('立卷和归档只能通过「归档」作业完成')
    expect(snapshot()).toEqual(before)

    // the archive job's own first stage compiles the dossier; 推进 still cannot archive it
    await transact(t.ctx, (tx) => compileDossier(tx, id, DAY))
    expect((await call(t.ctx, 'cases.get', { ref: String(id) })).allowedTransitions).toEqual([])
    before = snapshot()
    expect(await fails(t.ctx, 'cases.transition', { id, to: 'archived', date: DAY })).toMatchObject({
      code: 'STEP_REQUIRED',
      details: { step: 'dossiers.archive' }
    })
    expect(snapshot()).toEqual(before)
  })
})

describe('approvals.record by a head', () => {
  it('approves the filing: files the case with its number, fills the filing form with the head, the opinion and the date', async () => {
    const id = await registeredCase()
    await call(t.ctx, 'cases.transition', { id, to: 'filing_approval', date: DAY })
    expect((await call(door(handler), 'cases.get', { ref: String(id) })).approvalKinds).toEqual([])
    expect((await call(door(head), 'cases.get', { ref: String(id) })).approvalKinds).toEqual(['filing'])
    const c = await call(door(head), 'approvals.record', { caseId: id, kind: 'filing', outcome: 'approved', opinion: '同意立案调查' })
    expect(c.status).toBe('filed')
    expect(c.number).toMatch(/^（江）应急立〔2026〕\d+号$/)
    expect(c.filedOn).toBe(DAY)
    expect(c.approvals).toEqual([
      expect.objectContaining({
        kind: 'filing',
        outcome: 'approved',
        opinion: '同意立案调查',
        approverName: '周文斌',
        approverUserId: head.userId,
        decidedOn: DAY
      })
    ])
    const form = await call(t.ctx, 'documents.get', { id: c.approvals[0]!.documentId! })
    expect(form).toMatchObject({ type: 'case_filing_approval', status: 'draft' })
    expect(form.fields.headOpinion).toBe('同意。同意立案调查\n负责人：周文斌　2026年11月25日')
    expect(form.fields.filingDate).toBe(DAY)
    const entry = (await call(t.ctx, 'audit.list', { limit: 1 }))[0]!
    expect(entry).toMatchObject({ action: 'approval.record', actor: 'zhouwb' })
  })

  it('updates the form draft that exists instead of drafting a second one', async () => {
    const id = await closingCase()
    const draft = await call(t.ctx, 'documents.create', {
      caseId: id,
      type: 'case_closing_approval',
      fields: { handlerOpinion: '建议结案' }
    })
    const c = await call(door(head), 'approvals.record', { caseId: id, kind: 'closing', outcome: 'approved', opinion: '同意' })
    expect(c.status).toBe('closed')
    expect(c.approvals[0]!.documentId).toBe(draft.id)
    const form = await call(t.ctx, 'documents.get', { id: draft.id })
    expect(form.revision).toBe(draft.revision + 1)
    expect(form.fields).toMatchObject({ handlerOpinion: '建议结案', headOpinion: expect.stringContaining('负责人：周文斌') })
    expect((await call(t.ctx, 'documents.list', { caseId: id })).filter((d) => d.type === 'case_closing_approval')).toHaveLength(1)
  })

  it('a rejected filing is not filed; a rejected closing goes back to 执行中', async () => {
    const a = await registeredCase()
    await call(t.ctx, 'cases.transition', { id: a, to: 'filing_approval', date: DAY })
    const r = await call(door(head), 'approvals.record', { caseId: a, kind: 'filing', outcome: 'rejected', opinion: '不符合立案条件' })
    expect(r).toMatchObject({ status: 'not_filed', number: null })
    expect(r.approvals[0]).toMatchObject({ outcome: 'rejected' })
    const b = await closingCase()
    expect(
      (await call(door(head), 'approvals.record', { caseId: b, kind: 'closing', outcome: 'rejected', opinion: '材料不全' })).status
    ).toBe('executing')
  })

  it('records the handling approval on its form without moving the case', async () => {
    const id = await filedCase()
    for (const to of ['investigating', 'internal_review'] as const) await call(t.ctx, 'cases.transition', { id, to, date: DAY })
    const c = await call(door(head), 'approvals.record', { caseId: id, kind: 'handling', outcome: 'approved', opinion: '同意承办人意见' })
    expect(c.status).toBe('internal_review')
    const form = await call(t.ctx, 'documents.get', { id: c.approvals[0]!.documentId! })
    expect(form.type).toBe('case_handling_approval')
    expect(form.fields.headDecision).toContain('负责人：周文斌')
  })

  it('refuses an approval the status does not call for, an empty opinion and a handler, writing nothing', async () => {
    const id = await filedCase()
    const before = snapshot()
    expect((await fails(door(head), 'approvals.record', { caseId: id, kind: 'closing', outcome: 'approved', opinion: '同意' })).code).toBe(
      'APPROVAL_NOT_AVAILABLE'
    )
    expect((await fails(door(head), 'approvals.record', { caseId: id, kind: 'filing', outcome: 'approved', opinion: '  ' })).code).toBe(
      'VALIDATION_FAILED'
    )
    // 李晓红 handles this case but is no head
    expect(
      await fails(door(handler), 'approvals.record', { caseId: id, kind: 'handling', outcome: 'approved', opinion: '同意' })
    ).toMatchObject({
      code: 'FORBIDDEN',
      details: { channel: 'approvals.record', roles: ['head'] }
    })
    expect(snapshot()).toEqual(before)
  })
})

describe('`casebinder approvals record`', () => {
  it('records the approval as the signed-in head and says where the case went', async () => {
    const id = await closingCase()
    const cli = (user: string, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', '--home', t.dir, '--user', user, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CASEBINDER_PASSWORD: 'demo2026' }
      })
    const args = ['approvals', 'record', String(id), '--kind', 'closing', '--outcome', 'approved', '--opinion', '同意结案']
    const refused = cli('lixh', ...args)
    expect(refused.status).not.toBe(0)
    expect(refused.stderr).toContain('FORBIDDEN')
    const r = cli('zhouwb', ...args)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('结案审批同意（负责人 周文斌')
    expect(r.stdout).toContain('案件状态：已结案')
    expect((await call(t.ctx, 'cases.get', { ref: String(id) })).status).toBe('closed')
  }, 60_000)
})

describe('CASE_SEALED: an archived case refuses every change', () => {
  let caseId: number
  let draftId: number
  let issuedId: number
  let reviewId: number
  let hearingId: number

  beforeAll(async () => {
    caseId = await filedCase()
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-10-10' })
    const issued = await call(t.ctx, 'documents.create', {
      caseId,
      type: 'case_filing_approval',
      fields: fillFields('case_filing_approval', {}, '2026-10-09')
    })
    issuedId = (await call(t.ctx, 'documents.issue', { id: issued.id })).id
    draftId = (await call(t.ctx, 'documents.create', { caseId, type: 'inspection_record' })).id
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'internal_review', date: '2026-10-20' })
    const reviewer = (await call(t.ctx, 'reviews.show', { caseId })).reviewers.find((r) => r.eligible)!
    reviewId = (await call(t.ctx, 'reviews.submit', { caseId, reviewerId: reviewer.id, note: '提请法制审核', submittedOn: '2026-10-21' }))
      .id
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'notice', date: '2026-10-22' })
    hearingId = (await call(t.ctx, 'hearings.request', { caseId, requestedOn: '2026-10-23', note: '当事人书面申请听证' })).hearings[0]!.id
    for (const [to, date] of [
      ['internal_review', '2026-10-24'],
      ['revoked', '2026-10-25'],
      ['closing_approval', '2026-10-26']
    ] as const)
      await call(t.ctx, 'cases.transition', { id: caseId, to, date })
    await call(door(head), 'approvals.record', { caseId, kind: 'closing', outcome: 'approved', opinion: '同意结案', date: '2026-10-27' })
    await transact(t.ctx, (tx) => archiveCase(tx, { caseId, date: '2026-10-28', bundleSha256: null }))
    expect(await call(t.ctx, 'cases.get', { ref: String(caseId) })).toMatchObject({
      status: 'archived',
      sealed: true,
      allowedTransitions: []
    })
  })

  /** a valid input for every channel that changes a case, naming the archived case (or its document, round, hearing) */
  const inputs = (): Record<string, unknown> => ({
    'cases.file': { id: caseId, filedOn: DAY },
    'cases.transition': { id: caseId, to: 'closed', date: DAY },
    'cases.setFlag': { id: caseId, flag: 'extended', on: true, reason: '案情复杂' },
    'cases.recordEvent': { id: caseId, type: 'paid', date: DAY },
    'deadlines.adjust': {
      caseId,
      adjustment: { code: 'decision', kind: 'extension', length: 30, reason: '案情复杂', approvedBy: '周文斌' }
    },
    'approvals.record': { caseId, kind: 'closing', outcome: 'approved', opinion: '同意' },
    'documents.create': { caseId, type: 'inspection_record' },
    'documents.save': { id: draftId, revision: 1, fields: {} },
    'documents.issue': { id: draftId },
    'documents.void': { id: issuedId, reason: '测试作废' },
    'documents.correct': { id: issuedId },
    'evidence.add': {
      caseId,
      kind: 'evidence',
      evidenceType: '书证',
      description: '补充材料',
      fileName: 'late.pdf',
      base64: Buffer.from('%PDF-1.4 late').toString('base64')
    },
    'dossiers.reorder': { caseId, order: ['x'] },
    'dossiers.archive': { caseId, outDir: `${t.dir}/again` },
    'reviews.setProfile': { caseId },
    'reviews.submit': { caseId, reviewerId: 5, note: '' },
    'reviews.decide': {
      reviewId,
      decision: {
        outcome: 'approved',
        aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])),
        opinion: '事实清楚，证据确凿，程序合法，同意。',
        crimeSuspected: false,
        changes: ''
      }
    },
    'reviews.respond': { reviewId, accept: true, note: '' },
    'reviews.coordinate': { reviewId, coordination: '经协调，维持原意见', headName: '周文斌', headDecision: 'revise' },
    'hearings.request': { caseId, requestedOn: DAY, note: '' },
    'hearings.schedule': {
      hearingId,
      noticeOn: DAY,
      scheduledAt: '2026-12-10T09:30',
      place: '局三楼听证室',
      chairId: 3,
      clerk: '李晓红'
    },
    'hearings.hold': { hearingId, heldOn: DAY },
    'waivers.record': { caseId, right: 'statement', date: DAY, note: '当事人书面放弃陈述申辩' },
    'discussions.record': {
      caseId,
      heldOn: DAY,
      // valid in shape: the seal is checked before the service would look at who attended
      chairId: 1,
      attendeeIds: [1, 2, 3],
      conclusion: 'penalty',
      conclusionText: '同意给予处罚',
      record: ''
    }
  })

  it('has an input here for every case-changing channel', () => {
    expect(Object.keys(inputs()).sort()).toEqual([...CASE_CHANGES].sort())
  })

  it.each([...CASE_CHANGES])('%s is refused with CASE_SEALED and writes nothing', async (channel) => {
    const before = snapshot()
    const e = await fails(t.ctx, channel, inputs()[channel])
    expect(e, JSON.stringify(e)).toMatchObject({ code: 'CASE_SEALED', details: { channel, caseId } })
    expect(e.message).toMatch(/已于2026-10-28归档封存（归档号 20260001）/)
    expect(snapshot()).toEqual(before)
  })

  it('refuses the signed-in head too, and still lets anyone view the case', async () => {
    const before = snapshot()
    expect((await fails(door(head), 'approvals.record', inputs()['approvals.record'])).code).toBe('CASE_SEALED')
    expect(snapshot()).toEqual(before)
    expect((await call(door(head), 'cases.get', { ref: String(caseId) })).approvals).toHaveLength(1)
    expect((await call(t.ctx, 'documents.list', { caseId })).length).toBeGreaterThan(0)
    // opening the sealed dossier is allowed and logged
    expect((await call(t.ctx, 'dossiers.show', { caseId })).record).toMatchObject({ locked: true, archiveNumber: '20260001' })
  })
})
