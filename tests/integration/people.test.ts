/**
 * People, roles and the enforced workflow: the per-case paperwork rule (a case's handlers, a head, the clerks; not a
 * handler of another case), the 法制审核意见书 as its reviewer's paperwork, the user directory for the pickers, and
 * the collective discussion held by three or more heads picked from it, which drafts the 集体讨论记录. Every
 * refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillFields, makeHome, storeDigest, type TestHome } from '../helpers'
import { door, filedOrgCase, makeCast, type Cast, type Part } from '../cast'
import { call, invoke } from '../../src-main/services'
import { REVIEW_ASPECTS } from '../../src-main/core/legal-review'

const approval = {
  outcome: 'approved' as const,
  aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])) as never,
  opinion: '事实清楚，证据确凿，程序合法，同意。',
  crimeSuspected: false,
  changes: ''
}

let t: TestHome
let cast: Cast
let caseId: number
let decisionId: number
const as = (part: Part, channel: string, input: unknown) => invoke(door(t, cast.people[part]), channel, input, { error: () => undefined })

/** the call is refused with FORBIDDEN and `message`, and the store is as it was */
async function refused(part: Part, channel: string, input: unknown, message: string | RegExp) {
  const before = storeDigest(t)
  const r = await as(part, channel, input)
  expect(r.ok, `${part} ${channel}`).toBe(false)
  expect(!r.ok && r.error.code).toBe('FORBIDDEN')
  if (!r.ok) expect(r.error.message).toMatch(message)
  expect(storeDigest(t)).toBe(before)
}

async function ok<T = unknown>(part: Part, channel: string, input: unknown): Promise<T> {
  const r = await as(part, channel, input)
  if (!r.ok) throw new Error(`${part} ${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 0 })
  cast = await makeCast(t)
  caseId = await filedOrgCase(t, cast.caseOfficerIds, 60000)
  decisionId = (await call(t.ctx, 'documents.create', { caseId, type: 'penalty_decision_org', fields: fillFields('penalty_decision_org') }))
    .id
}, 60_000)
afterAll(() => t.cleanup())

describe("a case's paperwork", () => {
  const PAPERWORK = /^只有本案承办人、负责人或内勤可以执行此操作$/
  const inputs = async () => ({
    'documents.create': { caseId, type: 'questioning_notice' },
    'documents.save': {
      id: decisionId,
      revision: (await call(t.ctx, 'documents.get', { id: decisionId })).revision,
      fields: { fine: 30000 }
    },
    'evidence.add': {
      caseId,
      kind: 'evidence',
      evidenceType: '书证',
      description: '动火作业票',
      fileName: 'a.txt',
      base64: Buffer.from('x').toString('base64')
    },
    'hearings.request': { caseId, requestedOn: '2026-09-10', note: '' },
    'waivers.record': { caseId, right: 'statement', date: '2026-09-10', note: '当事人书面放弃陈述申辩' },
    'cases.recordEvent': { id: caseId, type: 'paid', date: '2026-09-10', note: '已缴纳' },
    'cases.file': { id: caseId, filedOn: '2026-09-01' },
    'publicity.build': { caseId },
    'dossiers.reorder': { caseId, order: ['x'] }
  })

  it.each([
    'documents.create',
    'documents.save',
    'evidence.add',
    'hearings.request',
    'waivers.record',
    'cases.recordEvent',
    'cases.file',
    'publicity.build'
  ] as const)('%s: a handler of another case is refused, naming who may, and nothing is written', async (channel) => {
    await refused('otherHandler', channel, (await inputs())[channel], PAPERWORK)
  })

  it('the dossier order is its handlers’, a head’s or an archivist’s', async () => {
    await refused(
      'otherHandler',
      'dossiers.reorder',
      (await inputs())['dossiers.reorder'],
      /^只有本案承办人、负责人或档案员可以执行此操作$/
    )
  })

  it('approvals stay with the handlers and the heads: a clerk may draft but not issue', async () => {
    await refused('clerk', 'documents.issue', { id: decisionId, issuedOn: '2026-09-10' }, /^只有.*可以执行此操作$/)
    await refused(
      'otherHandler',
      'cases.transition',
      { id: caseId, to: 'investigating', date: '2026-09-02' },
      /^只有本案承办人或负责人可以执行此操作$/
    )
    await refused(
      'otherHandler',
      'reviews.setProfile',
      { caseId, measures: [], confiscation: 0, departure: false, departureReason: '', manualFlags: [] },
      /本案承办人/
    )
    await refused(
      'otherHandler',
      'reviews.submit',
      { caseId, reviewerId: cast.reviewerOfficerId, note: '' },
      /^只有本案承办人可以执行此操作$/
    )
    // a head may supervise but does not submit for review or answer it: that is the handlers'
    await refused('head', 'reviews.submit', { caseId, reviewerId: cast.reviewerOfficerId, note: '' }, /^只有办案人员可以执行此操作$/)
  })

  it("the case's handlers, a head and a clerk may draft in it; the record names each", async () => {
    for (const part of ['handler', 'handler2', 'head', 'clerk'] as const) {
      const d = await ok<{ id: number; createdBy: string }>(part, 'documents.create', { caseId, type: 'questioning_notice' })
      const entry = (await call(t.ctx, 'audit.list', { limit: 1 }))[0]!
      expect(entry).toMatchObject({ action: 'document.create', actor: cast.people[part].login, actorUserId: cast.people[part].userId })
      expect(d.id).toBeGreaterThan(0)
    }
    await ok('handler', 'cases.transition', { id: caseId, to: 'investigating', date: '2026-09-02' })
    await ok('head', 'cases.transition', { id: caseId, to: 'internal_review', date: '2026-09-03' })
  })
})

describe('the 法制审核意见书 is the reviewer’s paperwork', () => {
  let opinionId: number
  let roundId: number

  it('another reviewer may not decide; the assigned one may, and the opinion names her as she signed in', async () => {
    roundId = (
      await ok<{ id: number }>('handler', 'reviews.submit', {
        caseId,
        reviewerId: cast.reviewerOfficerId,
        documentId: decisionId,
        note: '提请法制审核',
        submittedOn: '2026-09-04'
      })
    ).id
    await refused(
      'otherReviewer',
      'reviews.decide',
      { reviewId: roundId, decision: approval, decidedOn: '2026-09-05' },
      /指定的法制审核人员/
    )
    await refused('handler', 'reviews.decide', { reviewId: roundId, decision: approval, decidedOn: '2026-09-05' }, /^只有法制审核人员/)
    // the account's name is what the opinion prints (the signed-in principal), not a typed name
    await call(t.ctx, 'users.edit', { id: cast.people.reviewer.userId, patch: { name: '刘芳（法规科）' } })
    const round = await ok<{ opinionDocumentId: number; decidedBy: string }>('reviewer', 'reviews.decide', {
      reviewId: roundId,
      decision: approval,
      decidedOn: '2026-09-05'
    })
    await call(t.ctx, 'users.edit', { id: cast.people.reviewer.userId, patch: { name: '刘芳' } })
    expect(round.decidedBy).toBe('刘芳（法规科）')
    opinionId = round.opinionDocumentId
    const opinion = await call(t.ctx, 'documents.get', { id: opinionId })
    expect(opinion).toMatchObject({ type: 'legal_review_opinion', status: 'draft' })
    expect(opinion.fields).toMatchObject({ reviewers: '刘芳（法规科）', conclusion: '同意' })
    const entry = (await call(t.ctx, 'audit.list', { limit: 3 })).find((e) => e.action === 'review.decide')!
    expect(entry).toMatchObject({ actor: 'liufang', actorOfficerId: cast.reviewerOfficerId })
  })

  it('the case’s handlers and other reviewers may not edit or issue it; its reviewer may', async () => {
    const rev = async () => (await call(t.ctx, 'documents.get', { id: opinionId })).revision
    const MSG = /^法制审核意见书只有作出审核意见的法制审核人员或负责人可以修改、签发$/
    await refused('handler', 'documents.save', { id: opinionId, revision: await rev(), fields: { submittingDept: '执法支队' } }, MSG)
    await refused('clerk', 'documents.save', { id: opinionId, revision: await rev(), fields: { submittingDept: '执法支队' } }, MSG)
    await refused('otherReviewer', 'documents.save', { id: opinionId, revision: await rev(), fields: { submittingDept: '执法支队' } }, MSG)
    await refused('handler', 'documents.issue', { id: opinionId, issuedOn: '2026-09-05' }, MSG)
    // a reviewer is no handler of the case's other documents
    await refused(
      'reviewer',
      'documents.save',
      { id: decisionId, revision: (await call(t.ctx, 'documents.get', { id: decisionId })).revision, fields: { fine: 1 } },
      /^只有本案承办人/
    )
    const saved = await ok<{ fields: Record<string, unknown> }>('reviewer', 'documents.save', {
      id: opinionId,
      revision: await rev(),
      fields: { submittingDept: '江州市应急管理综合行政执法支队' }
    })
    expect(saved.fields.submittingDept).toBe('江州市应急管理综合行政执法支队')
    expect(await ok('reviewer', 'documents.issue', { id: opinionId, issuedOn: '2026-09-05' })).toMatchObject({ status: 'issued' })
    expect((await call(t.ctx, 'audit.list', { limit: 1 }))[0]).toMatchObject({ action: 'document.issue', actor: 'liufang' })
  })
})

describe('the user directory', () => {
  it('lists the active users for everyone signed in, without secrets or lock state', async () => {
    const before = storeDigest(t)
    await call(t.ctx, 'users.edit', { id: cast.people.archivist.userId, patch: { active: false } })
    for (const part of ['handler', 'reviewer', 'head', 'clerk'] as const) {
      const list = await ok<Record<string, unknown>[]>(part, 'users.directory', {})
      expect(list.length).toBeGreaterThan(5)
      for (const u of list) expect(Object.keys(u).sort()).toEqual(['id', 'login', 'name', 'officerId', 'roles'])
      expect(list.some((u) => u.login === 'zhaomin')).toBe(false)
      expect(list.find((u) => u.login === 'zhouwb')).toMatchObject({ name: '周文斌', roles: ['head'] })
    }
    await call(t.ctx, 'users.edit', { id: cast.people.archivist.userId, patch: { active: true } })
    expect(before).not.toBe(storeDigest(t)) // the edits were recorded; the directory itself writes nothing
    const r = await invoke(door(t, null), 'users.directory', {})
    expect(!r.ok && r.error.code).toBe('AUTH_REQUIRED')
  })
})

describe('collective discussion', () => {
  const heads = async () => (await call(t.ctx, 'users.directory', {})).filter((u) => u.roles.includes('head'))
  const input = (chairId: number, attendeeIds: number[]) => ({
    caseId,
    heldOn: '2026-09-06',
    chairId,
    attendeeIds,
    conclusion: 'penalty' as const,
    conclusionText: '同意承办机构意见，给予罚款人民币陆万元的行政处罚',
    record: '王建国：事实清楚。陈志强：同意。周文斌：同意。'
  })
  /** refused with DISCUSSION_ATTENDEES_INVALID, its message matching, on `path`; nothing written */
  async function invalid(i: ReturnType<typeof input>, message: RegExp, path: string) {
    const before = storeDigest(t)
    const r = await as('head', 'discussions.record', i)
    expect(!r.ok && r.error).toMatchObject({ code: 'DISCUSSION_ATTENDEES_INVALID', details: { issues: [{ path }] } })
    if (!r.ok) expect(r.error.message).toMatch(message)
    expect(storeDigest(t)).toBe(before)
  }

  it('is the heads’: a handler may not record one', async () => {
    const h = (await heads()).map((u) => u.id)
    await refused('handler', 'discussions.record', input(h[0]!, h), /^只有负责人可以执行此操作$/)
  })

  it('needs three or more distinct active heads, and a chair among them', async () => {
    const [a, b, c] = await heads()
    await invalid(input(a!.id, [a!.id, b!.id, b!.id]), /三名以上负责人参加，现只选了2名（王建国、陈志强）/, 'attendeeIds')
    await invalid(input(a!.id, [a!.id, b!.id, cast.people.handler.userId]), /李晓红不是负责人/, 'attendeeIds')
    await invalid(input(a!.id, [a!.id, b!.id, 99999]), /未找到编号为 99999 的用户/, 'attendeeIds')
    await invalid(
      input(cast.people.handler.userId, [a!.id, b!.id, c!.id]),
      /主持人应为参加讨论的负责人之一，李晓红不在参加人员中/,
      'chairId'
    )
    // (周文斌, who calls, stays active: 王建国's account is stopped)
    await call(t.ctx, 'users.edit', { id: a!.id, patch: { active: false } })
    await invalid(input(b!.id, [a!.id, b!.id, c!.id]), /王建国的账户已停用，不能参加集体讨论/, 'attendeeIds')
    await call(t.ctx, 'users.edit', { id: a!.id, patch: { active: true } })
  })

  it('stores the names from the user list and drafts the 集体讨论记录; a second one updates that draft', async () => {
    const [a, b, c] = await heads()
    const view = await ok<{ discussions: { chair: string; attendees: string[]; documentId: number | null }[] }>(
      'head',
      'discussions.record',
      input(b!.id, [a!.id, b!.id, c!.id])
    )
    const d = view.discussions.at(-1)!
    expect(d).toMatchObject({ chair: '陈志强', attendees: ['王建国', '陈志强', '周文斌'] })
    const doc = await call(t.ctx, 'documents.get', { id: d.documentId! })
    expect(doc).toMatchObject({ type: 'collective_discussion_record', status: 'draft' })
    expect(doc.fields).toMatchObject({
      chair: '陈志强',
      attendees: '王建国（支队长）、陈志强（副支队长）、周文斌（危化监管科科长）',
      conclusion: '同意承办机构意见，给予罚款人民币陆万元的行政处罚',
      discussion: '王建国：事实清楚。陈志强：同意。周文斌：同意。',
      reporter: '李晓红、赵刚'
    })
    const entry = (await call(t.ctx, 'audit.list', { limit: 1 }))[0]!
    expect(entry).toMatchObject({ action: 'discussion.record', actor: 'zhouwb' })
    // again (the head promoted 孙磊 in between): the same draft, its next revision, with the new people
    const sun = (await call(t.ctx, 'users.list', {})).find((u) => u.login === 'sunlei')!
    await call(t.ctx, 'users.edit', { id: sun.id, patch: { roles: ['handler', 'clerk', 'head'] } })
    const again = await ok<{ discussions: { documentId: number | null }[] }>(
      'head',
      'discussions.record',
      input(a!.id, [a!.id, c!.id, sun.id])
    )
    expect(again.discussions.at(-1)!.documentId).toBe(doc.id)
    const updated = await call(t.ctx, 'documents.get', { id: doc.id })
    expect(updated.revision).toBe(doc.revision + 1)
    expect(updated.fields).toMatchObject({ chair: '王建国', attendees: '王建国（支队长）、周文斌（危化监管科科长）、孙磊（科员）' })
    expect((await call(t.ctx, 'documents.list', { caseId })).filter((x) => x.type === 'collective_discussion_record')).toHaveLength(1)
    expect(await call(t.ctx, 'audit.verify', {})).toMatchObject({ ok: true })
  })
})
