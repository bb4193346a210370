/**
 * Issue 6 end to end: a major general-procedure case (fine ≥ 50,000 yuan for an organisation) goes through
 * filing, investigation, notice, hearing, legal review (returned, then approved), collective discussion,
 * decision, service and publicity — first through the services only, then through the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { discussionHeads, fillFields, makeHome, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { REVIEW_ASPECTS } from '../../src-main/core/legal-review'
import { buildProgram } from '../../src-main/cli/main'
import { verifyChain } from '../../src-main/store/activity'

const ORG = {
  kind: 'org',
  name: '江州市恒远化工有限公司',
  creditCode: '91360402MA35XK7Q25',
  address: '江州市浔阳区化工园区18号',
  legalRep: '郑海涛'
} as const
const FACTS = '2026年8月27日，执法人员检查发现该公司在甲类仓库内动火作业，未办理动火审批手续，未安排专人监护，现场未配备灭火器材。'
const CITE = {
  violatedProvision: '《中华人民共和国安全生产法》第四十三条',
  penaltyBasis: '《中华人民共和国安全生产法》第一百零一条第（四）项'
}

async function pdf(label: string): Promise<string> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([595.28, 841.89]).drawText(label, { x: 60, y: 760, size: 16, font })
  return Buffer.from(await doc.save()).toString('base64')
}

const fill = (typeId: string, extra: Record<string, unknown> = {}) => fillFields(typeId, extra)

const approve = (opinion = '执法主体合法，事实清楚，证据确凿充分，适用依据正确，程序合法，裁量适当，文书规范，同意。') => ({
  outcome: 'approved' as const,
  aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])) as Record<
    (typeof REVIEW_ASPECTS)[number],
    { ok: boolean; note: string }
  >,
  opinion,
  crimeSuspected: false,
  changes: ''
})

describe('a major case through the services only', () => {
  let t: TestHome
  let caseId: number
  let officer: Record<string, number>
  const fails = async (channel: string, input: unknown) => {
    const r = await invoke(t.ctx, channel, input, { error: () => undefined })
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`)
    return r.error
  }
  const issue = (id: number, issuedOn: string) => call(t.ctx, 'documents.issue', { id, issuedOn })
  const draft = (type: string, extra: Record<string, unknown> = {}) =>
    call(t.ctx, 'documents.create', { caseId, type, fields: fill(type, extra) })

  beforeAll(async () => {
    t = await makeHome()
    await call(t.ctx, 'demo.load', { cases: 0 })
    officer = Object.fromEntries((await call(t.ctx, 'officers.list', {})).map((o) => [o.name, o.id]))
  })
  afterAll(() => t.cleanup())

  it('runs file → investigate → notice → hearing → review → discussion → decision → service → publicity', async () => {
    const party = await call(t.ctx, 'parties.add', ORG)
    const c = await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-08-27',
        procedure: 'general',
        cause: '动火作业未执行审批和监护制度',
        facts: FACTS,
        parties: [{ partyId: party.id }],
        officerIds: [officer['王建国']!, officer['孙磊']!],
        intendedPenalty: { warning: false, fine: 80000 }
      },
      filedOn: '2026-08-28'
    })
    caseId = c.id

    // the catalogue says why the case is major, and that a hearing and a collective discussion are due
    let s = await call(t.ctx, 'reviews.show', { caseId })
    expect(s.triggers.map((x) => x.code)).toEqual(['fine'])
    expect(s.triggers[0]!.reason).toContain('80,000元')
    expect(s.hearing.eligible).toBe(true)
    expect(s.discussionRequired).toBe(true)

    await call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-08-31' })
    await issue((await draft('case_filing_approval')).id, '2026-08-28')
    await issue((await draft('inspection_record')).id, '2026-08-31')
    await call(t.ctx, 'evidence.add', {
      caseId,
      kind: 'evidence',
      evidenceType: '勘验笔录、现场笔录',
      description: '现场照片及检查记录',
      fileName: 'scene.pdf',
      base64: await pdf('scene photos')
    })
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'internal_review', date: '2026-09-07' })
    await draft('case_handling_approval', { ...CITE, facts: FACTS, discretionTier: '一般' })

    // notice: 80,000 yuan, with the right to a hearing
    const notice = await draft('penalty_notice', {
      ...CITE,
      facts: FACTS,
      fine: 80000,
      hearingEligible: true,
      intendedPenalty: '罚款人民币捌万元整（¥80,000.00）',
      statementDays: 3
    })
    await issue(notice.id, '2026-09-08')
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'notice', date: '2026-09-08' })

    // a decision drafted straight away cannot be issued: every missing step is named, the first as the error code
    const decision = await draft('penalty_decision_org', {
      ...CITE,
      facts: FACTS,
      fine: 80000,
      penalty: '罚款人民币捌万元整（¥80,000.00）',
      defenceSummary: '待陈述申辩期满后填写'
    })
    const early = await fails('documents.issue', { id: decision.id, issuedOn: '2026-09-09' })
    expect(early.code, JSON.stringify(early)).toBe('GATE_WINDOW_OPEN')
    const steps = (early.details!.gates as { step: string }[]).map((g) => g.step)
    expect(steps).toEqual(['windows', 'windows', 'review', 'discussion'])
    expect((await call(t.ctx, 'documents.get', { id: decision.id })).canIssue).toBe(false)
    // the case-level door is shut the same way
    expect((await fails('cases.transition', { id: caseId, to: 'decided', date: '2026-09-09' })).code).toBe('GATE_WINDOW_OPEN')

    // hearing: requested within 5 working days; notice ≥ 7 working days ahead; the chair is not an investigator
    s = await call(t.ctx, 'hearings.request', { caseId, requestedOn: '2026-09-10', note: '当事人书面申请听证' })
    expect(s.status).toBe('hearing')
    const hearingId = s.hearings[0]!.id
    expect(
      (
        await fails('hearings.schedule', {
          hearingId,
          noticeOn: '2026-09-11',
          scheduledAt: '2026-09-17T09:30',
          place: '局三楼听证室',
          chairId: officer['周文斌']!,
          clerk: '李晓红'
        })
      ).code
    ).toBe('HEARING_NOTICE_TOO_SHORT')
    const investigatorChair = await fails('hearings.schedule', {
      hearingId,
      noticeOn: '2026-09-11',
      scheduledAt: '2026-10-12T09:30',
      place: '局三楼听证室',
      chairId: officer['王建国']!,
      clerk: '李晓红'
    })
    expect(investigatorChair.message).toContain('调查人员')
    await call(t.ctx, 'hearings.schedule', {
      hearingId,
      noticeOn: '2026-09-11',
      scheduledAt: '2026-10-12T09:30',
      place: '局三楼听证室',
      chairId: officer['周文斌']!,
      clerk: '李晓红'
    })
    expect((await fails('hearings.hold', { hearingId, heldOn: '2026-10-12', agents: ['甲', '乙乙', '丙丙'], summary: '' })).code).toBe(
      'VALIDATION_FAILED'
    )
    s = await call(t.ctx, 'hearings.hold', {
      hearingId,
      heldOn: '2026-10-12',
      agents: ['吴律师'],
      summary: '当事人对事实无异议，请求从轻处罚。'
    })
    expect(s.hearings[0]!.status).toBe('held')
    expect(s.triggers.map((x) => x.code)).toEqual(['fine', 'hearing'])
    // the hearing forms are drafted from the hearing record
    const transcript = await draft('hearing_transcript', { start: '2026-10-12T09:30', end: '2026-10-12T11:00' })
    expect((await call(t.ctx, 'documents.get', { id: transcript.id })).fields.place).toBe('测试place') // explicit values win over autofill
    const autofilled = await call(t.ctx, 'documents.create', { caseId, type: 'hearing_report' })
    expect(autofilled.fields).toMatchObject({ place: '局三楼听证室', chair: '周文斌', clerk: '李晓红' })
    await issue(transcript.id, '2026-10-12')
    await issue(
      (
        await call(t.ctx, 'documents.save', {
          id: autofilled.id,
          revision: autofilled.revision,
          fields: fill('hearing_report', {
            place: '局三楼听证室',
            chair: '周文斌',
            clerk: '李晓红',
            heldAt: '2026-10-12T09:30',
            chairSignedOn: '2026-10-13'
          })
        })
      ).id,
      '2026-10-13'
    )

    // the decision after the hearing: lowered to 70,000 with the defence reviewed
    const d1 = await call(t.ctx, 'documents.save', {
      id: decision.id,
      revision: (await call(t.ctx, 'documents.get', { id: decision.id })).revision,
      fields: {
        fine: 70000,
        penalty: '罚款人民币柒万元整（¥70,000.00）',
        defenceSummary: '当事人在听证中请求从轻处罚，经复核，当事人积极整改，予以采纳。'
      }
    })

    // review: the reviewer must hold the qualification and must not be a handler of the case
    expect((await fails('reviews.submit', { caseId, reviewerId: officer['王建国']!, note: '' })).code).toBe('REVIEWER_INVALID')
    expect((await fails('reviews.submit', { caseId, reviewerId: officer['周文斌']!, note: '' })).message).toContain('法制审核人员资格')
    const r1 = await call(t.ctx, 'reviews.submit', {
      caseId,
      reviewerId: officer['刘芳']!,
      note: '拟处罚款7万元，提请法制审核',
      submittedOn: '2026-10-14'
    })
    expect(r1).toMatchObject({
      round: 1,
      status: 'in_review',
      reviewerName: '刘芳',
      documentId: decision.id,
      documentRevision: d1.revision,
      due: '2026-10-21'
    })
    expect(r1.materials.find((m) => m.code === 'proposal')).toMatchObject({ mandatory: true, present: true })
    expect(r1.materials.find((m) => m.code === 'hearing_report')).toMatchObject({ present: true })
    expect((await fails('reviews.submit', { caseId, reviewerId: officer['刘芳']!, note: '' })).code).toBe('REVIEW_STATE_INVALID')
    // the review period is on the workbench like every other deadline
    expect((await call(t.ctx, 'cases.get', { ref: String(caseId) })).deadlines.find((x) => x.code === 'legal_review')).toMatchObject({
      due: '2026-10-21',
      metAt: null
    })
    expect((await call(t.ctx, 'reviews.queue', {})).map((q) => q.caseId)).toContain(caseId)

    // returned for more material: an opinion that says 同意 while an aspect fails is refused
    const returned = {
      ...approve('证据不足以证明动火作业的持续时间。'),
      outcome: 'returned' as const,
      changes: '补充动火作业现场监控视频及作业人员询问笔录。'
    }
    returned.aspects = { ...returned.aspects, evidence: { ok: false, note: '缺少现场监控视频' } }
    expect(
      (await fails('reviews.decide', { reviewId: r1.id, decision: { ...returned, outcome: 'approved' }, decidedOn: '2026-10-15' })).details!
        .issues
    ).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'decision.outcome' })]))
    const back = await call(t.ctx, 'reviews.decide', { reviewId: r1.id, decision: returned, decidedOn: '2026-10-15' })
    expect(back.status).toBe('returned')
    expect((await call(t.ctx, 'cases.get', { ref: String(caseId) })).status).toBe('legal_review') // the round says 退回补充材料; the case stays in review
    const opinionDoc = await call(t.ctx, 'documents.get', { id: back.opinionDocumentId! })
    expect(opinionDoc).toMatchObject({ type: 'legal_review_opinion', status: 'draft' })
    expect(opinionDoc.fields).toMatchObject({ conclusion: '退回补充调查', okEvidence: false, okFacts: true })
    expect(String(opinionDoc.fields.opinion)).toContain('缺少现场监控视频')
    expect((await call(t.ctx, 'documents.get', { id: decision.id })).gates.map((g) => g.code)).toContain('GATE_REVIEW_NOT_APPROVED')

    // the handler adds the material, accepts the opinion and resubmits; the reviewer approves
    await call(t.ctx, 'evidence.add', {
      caseId,
      kind: 'evidence',
      evidenceType: '视听资料',
      description: '动火作业现场监控视频截图',
      fileName: 'cctv.pdf',
      base64: await pdf('cctv')
    })
    await call(t.ctx, 'reviews.respond', { reviewId: r1.id, accept: true, note: '已补充', date: '2026-10-16' })
    const r2 = await call(t.ctx, 'reviews.submit', {
      caseId,
      reviewerId: officer['刘芳']!,
      note: '已补充监控视频',
      submittedOn: '2026-10-16'
    })
    expect(r2.round).toBe(2)
    expect((await call(t.ctx, 'reviews.decide', { reviewId: r2.id, decision: approve(), decidedOn: '2026-10-19' })).status).toBe('approved')

    // an edit after approval needs a new review of the new version
    const edited = await call(t.ctx, 'documents.save', {
      id: decision.id,
      revision: (await call(t.ctx, 'documents.get', { id: decision.id })).revision,
      fields: { evidence: '现场检查记录、现场照片、监控视频截图、询问笔录' }
    })
    expect(edited.gates.map((g) => g.code)).toEqual(['GATE_REVIEW_STALE', 'GATE_DISCUSSION_REQUIRED'])
    const r3 = await call(t.ctx, 'reviews.submit', {
      caseId,
      reviewerId: officer['刘芳']!,
      note: '证据表述修改',
      submittedOn: '2026-10-19'
    })
    await call(t.ctx, 'reviews.decide', {
      reviewId: r3.id,
      decision: { ...approve(), outcome: 'approved_with_changes', changes: '决定书中证据名称与案卷目录保持一致。' },
      decidedOn: '2026-10-20'
    })

    // collective discussion (three heads at least); legal_review → notice is not a step back here: the notice was served
    const heads = await discussionHeads(t.ctx)
    expect(
      (
        await fails('discussions.record', {
          caseId,
          heldOn: '2026-10-21',
          chairId: heads.chairId,
          attendeeIds: heads.attendeeIds.slice(0, 2),
          conclusion: 'penalty',
          conclusionText: '同意处罚'
        })
      ).code
    ).toBe('DISCUSSION_ATTENDEES_INVALID')
    await call(t.ctx, 'discussions.record', {
      caseId,
      heldOn: '2026-10-21',
      ...heads,
      conclusion: 'penalty',
      conclusionText: '同意罚款人民币柒万元',
      record: ''
    })

    // now it issues, on a date after the windows; the case moves to 决定 by itself
    const view = await call(t.ctx, 'documents.get', { id: decision.id })
    expect(view.gates).toEqual([])
    const issued = await issue(decision.id, '2026-10-22')
    expect(issued.number).toMatch(/^（江）应急罚〔2026〕\d+号$/)
    const afterIssue = await call(t.ctx, 'cases.get', { ref: String(caseId) })
    expect(afterIssue.status).toBe('decided')
    // legal review comes before the decision: once decided, no new round is offered or accepted
    expect((await call(t.ctx, 'reviews.show', { caseId })).canSubmit).toBe(false)
    const late = await fails('reviews.submit', { caseId, reviewerId: officer['刘芳']!, note: '', submittedOn: '2026-10-22' })
    expect(late.code).toBe('REVIEW_STATE_INVALID')
    expect(late.message).toContain('已作出处理决定')
    expect(afterIssue.deadlines.find((x) => x.code === 'publicity')).toMatchObject({ start: '2026-10-22', metAt: null })
    await call(t.ctx, 'cases.transition', { id: caseId, to: 'served', date: '2026-10-23' })

    // publicity: the 双公示 record, published with date and URL, the deadline met
    const p = await call(t.ctx, 'publicity.build', { caseId })
    expect(p.record).toMatchObject({
      decisionNumber: issued.number,
      partyName: ORG.name,
      creditCode: ORG.creditCode,
      partyCategory: '法人及非法人组织',
      fineWan: '7',
      decisionDate: '2026-10-22',
      publicUntil: '2029-10-22',
      minUntil: '2027-10-22'
    })
    expect(p.due).toBe('2026-11-02') // 7 working days
    const published = await call(t.ctx, 'publicity.publish', {
      id: p.id,
      publishedOn: '2026-10-26',
      url: 'https://yjj.jiangzhou.gov.cn/xzcf/2026/1.html'
    })
    expect(published.status).toBe('published')
    expect((await call(t.ctx, 'cases.get', { ref: String(caseId) })).deadlines.find((x) => x.code === 'publicity')!.metAt).toBe(
      '2026-10-26'
    )
    // credit repair may not take it down before the minimum period (1 year for 安全生产)
    expect(
      (await fails('publicity.withdraw', { id: p.id, reason: 'credit_repair', date: '2026-11-25', note: '当事人申请信用修复' })).code
    ).toBe('PUBLICITY_PERIOD')
    const out = mkdtempSync(join(tmpdir(), 'casebinder-pub-'))
    try {
      const exported = await call(t.ctx, 'publicity.export', { outDir: out })
      expect(exported.count).toBe(1)
      const html = readFileSync(join(out, '行政处罚决定公示.html'), 'utf8')
      expect(html).toContain(issued.number!)
      expect(JSON.parse(readFileSync(join(out, '行政处罚决定公示.json'), 'utf8')).records[0].decisionNumber).toBe(issued.number)
      expect(readFileSync(join(out, '行政处罚决定公示.csv'), 'utf8')).toContain('行政处罚决定书文号')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }

    // the decision is changed on reconsideration: the record must come down within 3 working days
    await call(t.ctx, 'publicity.decisionChanged', { caseId, date: '2026-11-23', reason: '复议机关决定变更罚款数额' })
    const due = (await call(t.ctx, 'publicity.get', { id: p.id })).withdrawDue
    expect(due).toBe('2026-11-26')
    await call(t.ctx, 'publicity.withdraw', { id: p.id, reason: 'changed', date: '2026-11-24', note: '复议变更，撤回原公示' })
    expect((await call(t.ctx, 'publicity.get', { id: p.id })).status).toBe('withdrawn')
    expect((await call(t.ctx, 'cases.get', { ref: String(caseId) })).deadlines.find((x) => x.code === 'publicity_withdrawal')!.metAt).toBe(
      '2026-11-24'
    )

    // every step is in the case's timeline, and the chain verifies
    const tl = await call(t.ctx, 'timelines.show', { caseId })
    expect(tl.chain.ok).toBe(true)
    const actions = tl.entries.map((e) => e.action)
    for (const a of [
      'case.register',
      'case.file',
      'hearing.request',
      'hearing.schedule',
      'hearing.hold',
      'review.submit',
      'review.decide',
      'review.respond',
      'discussion.record',
      'document.issue',
      'publicity.build',
      'publicity.publish',
      'publicity.decision_changed',
      'publicity.withdraw'
    ]) {
      expect(actions, a).toContain(a)
    }
    expect(tl.entries.every((e) => e.verified)).toBe(true)
    expect((await call(t.ctx, 'timelines.show', { caseId, kinds: ['review'] })).entries.every((e) => e.kind === 'review')).toBe(true)
    const csv = await call(t.ctx, 'timelines.export', { caseId, format: 'csv' })
    expect(csv.content).toContain(tl.entries.at(-1)!.hash)
  })

  it('a broken chain shows in the timeline', async () => {
    // append a forged entry bypassing the chain (the triggers allow inserts; the hash cannot be right)
    t.home.db
      .prepare(
        `INSERT INTO activity_log (at, actor, action, target_type, target_id, case_id, summary, detail, digest, prev_hash, hash) VALUES ('2026-11-25T00:00:00Z', 'x', 'case.transition', 'case', ?, ?, '伪造', '{}', 'd', 'p', 'forged')`
      )
      .run(String(caseId), String(caseId))
    const tl = await call(t.ctx, 'timelines.show', { caseId })
    expect(tl.chain.ok).toBe(false)
    expect(tl.entries.at(-1)!.verified).toBe(false)
    expect(tl.entries[0]!.verified).toBe(true)
  })
})

describe('the same path through the CLI', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casebinder-cli-review-'))
    // the demo accounts' password, as a user would export it
    process.env.CASEBINDER_PASSWORD = 'demo2026'
  })
  afterAll(() => {
    delete process.env.CASEBINDER_PASSWORD
    rmSync(dir, { recursive: true, force: true })
  })

  /** as 王建国 (wangjg: handler of the case and a head), who does every step but the legal reviewer's */
  async function cli(...args: string[]): Promise<{ code: number; out: string }> {
    return cliAs(args[0] === 'demo' ? null : 'wangjg', ...args)
  }
  async function cliAs(user: string | null, ...args: string[]): Promise<{ code: number; out: string }> {
    const r = await cliRaw(...(user ? ['--user', user] : []), ...args)
    if (process.env.DEBUG_CLI) console.log(user, args.join(' '), '→', r.code, r.out)
    return r
  }
  async function cliRaw(...args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = []
    const program = buildProgram((s) => lines.push(s))
    try {
      await program.parseAsync(['node', 'casebinder', '--home', dir, ...args])
      return { code: 0, out: lines.join('\n') }
    } catch (err) {
      return { code: 1, out: `${lines.join('\n')}\n${(err as Error).message}` }
    }
  }
  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await cli(...args, '--json')
    if (r.code !== 0) throw new Error(r.out)
    return JSON.parse(r.out) as T
  }

  it('files, notifies, holds the hearing, reviews, discusses, decides and publishes', async () => {
    expect((await cli('demo', '--cases', '0')).code).toBe(0)
    const officers = await json<{ id: number; name: string }[]>('officers', 'list')
    const id = (name: string) => String(officers.find((o) => o.name === name)!.id)
    const party = await json<{ id: number }>('parties', 'add', '--data', JSON.stringify(ORG))
    const c = await json<{ id: number }>(
      'cases',
      'file',
      '--party',
      String(party.id),
      '--officer',
      id('王建国'),
      '--officer',
      id('孙磊'),
      '--filed-on',
      '2026-08-28',
      '--source-date',
      '2026-08-27',
      '--cause',
      '动火作业未执行审批和监护制度',
      '--facts',
      FACTS
    )
    const caseRef = String(c.id)
    for (const [to, date] of [
      ['investigating', '2026-08-31'],
      ['internal_review', '2026-09-07']
    ])
      expect((await cli('cases', 'move', caseRef, to!, '--date', date!)).code).toBe(0)
    const set = (fields: Record<string, unknown>) =>
      Object.entries(fields).flatMap(([k, v]) => ['--set', `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`])
    const notice = await json<{ id: number }>(
      'draft',
      '--case',
      caseRef,
      '--type',
      'penalty_notice',
      ...set(
        fill('penalty_notice', {
          ...CITE,
          facts: FACTS,
          fine: 80000,
          hearingEligible: true,
          intendedPenalty: '罚款人民币捌万元整（¥80,000.00）'
        })
      )
    )
    expect((await cli('documents', 'issue', String(notice.id), '--date', '2026-09-08')).code).toBe(0)
    expect((await cli('cases', 'move', caseRef, 'notice', '--date', '2026-09-08')).code).toBe(0)
    const decision = await json<{ id: number }>(
      'draft',
      '--case',
      caseRef,
      '--type',
      'penalty_decision_org',
      ...set(
        fill('penalty_decision_org', {
          ...CITE,
          facts: FACTS,
          fine: 70000,
          penalty: '罚款人民币柒万元整（¥70,000.00）',
          defenceSummary: '经复核，予以采纳。'
        })
      )
    )

    // refused with the missing step named, before anything else happened
    const refused = await cli('documents', 'issue', String(decision.id), '--date', '2026-09-09')
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('GATE_WINDOW_OPEN')
    expect((await cli('review', 'show', caseRef)).out).toMatch(/法制审核[\s\S]*集体讨论/)

    expect((await cli('hearing', 'request', caseRef, '--date', '2026-09-10')).code).toBe(0)
    expect(
      (
        await cli(
          'hearing',
          'schedule',
          caseRef,
          '--notice-on',
          '2026-09-11',
          '--at',
          '2026-10-12T09:30',
          '--place',
          '局三楼听证室',
          '--chair',
          id('周文斌'),
          '--clerk',
          '李晓红'
        )
      ).code
    ).toBe(0)
    expect(
      (await cli('hearing', 'hold', caseRef, '--date', '2026-10-12', '--agent', '吴律师', '--summary', '当事人请求从轻处罚')).code
    ).toBe(0)

    const bad = await cli('review', 'submit', caseRef, '--reviewer', id('王建国'))
    expect(bad.out).toContain('REVIEWER_INVALID')
    expect((await cli('review', 'submit', caseRef, '--reviewer', id('刘芳'), '--date', '2026-10-14')).out).toContain('2026-10-21前完成')
    expect(
      (
        await cliAs(
          'liufang',
          'review',
          'decide',
          caseRef,
          '--outcome',
          'returned',
          '--opinion',
          '证据不足以证明动火作业持续时间',
          '--problem',
          'evidence:缺少监控视频',
          '--changes',
          '补充监控视频',
          '--date',
          '2026-10-15'
        )
      ).out
    ).toContain('退回补充材料')
    writeFileSync(join(dir, 'cctv.pdf'), Buffer.from(await pdf('cctv'), 'base64'))
    expect(
      (
        await cli(
          'evidence',
          'add',
          '--case',
          caseRef,
          '--file',
          join(dir, 'cctv.pdf'),
          '--type',
          '视听资料',
          '--description',
          '监控视频截图'
        )
      ).code
    ).toBe(0)
    expect((await cli('review', 'respond', caseRef, '--note', '已补充')).code).toBe(0)
    expect((await cli('cases', 'move', caseRef, 'internal_review', '--date', '2026-10-16')).code).toBe(0)
    expect((await cli('review', 'submit', caseRef, '--reviewer', id('刘芳'), '--date', '2026-10-16')).code).toBe(0)
    expect(
      (
        await cliAs(
          'liufang',
          'review',
          'decide',
          caseRef,
          '--outcome',
          'approved',
          '--opinion',
          '事实清楚，证据确凿，程序合法，同意。',
          '--date',
          '2026-10-19'
        )
      ).out
    ).toContain('同意')
    expect(
      (
        await cli(
          'discussion',
          caseRef,
          '--date',
          '2026-10-21',
          '--chair',
          'wangjg',
          '--attendee',
          'wangjg',
          '--attendee',
          'chenzq',
          '--attendee',
          'ZhouWB',
          '--conclusion',
          'penalty',
          '--text',
          '同意罚款人民币柒万元'
        )
      ).out
    ).toContain('各项程序已完成，可以签发行政处罚决定书（单位）')

    const issued = await cli('documents', 'issue', String(decision.id), '--date', '2026-10-22')
    expect(issued.out).toMatch(/已签发行政处罚决定书（单位）：（江）应急罚〔2026〕\d+号/)
    expect((await cli('cases', 'move', caseRef, 'served', '--date', '2026-10-23')).code).toBe(0)
    const built = await json<{ id: number; record: { decisionNumber: string } }>('publicity', 'build', caseRef)
    expect(
      (await cli('publicity', 'publish', String(built.id), '--date', '2026-10-26', '--url', 'https://yjj.jiangzhou.gov.cn/xzcf/1.html')).out
    ).toContain('已公示')
    const outDir = join(dir, 'site')
    expect((await cli('publicity', 'export', '--out', outDir)).out).toContain('1 条公示信息')
    expect(readFileSync(join(outDir, '行政处罚决定公示.html'), 'utf8')).toContain(built.record.decisionNumber)
    expect((await cli('review', 'catalogue', '--export', outDir)).code).toBe(0)
    expect(existsSync(join(outDir, '重大执法决定法制审核目录清单.csv'))).toBe(true)

    const tl = await json<{ chain: { ok: boolean }; entries: { action: string; actor: string }[] }>('timeline', caseRef)
    expect(tl.chain.ok).toBe(true)
    // the record names who signed in for each step
    expect(tl.entries.filter((e) => e.action === 'review.decide').map((e) => e.actor)).toEqual(['liufang', 'liufang'])
    expect(tl.entries.find((e) => e.action === 'discussion.record')?.actor).toBe('wangjg')
    expect(tl.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['review.submit', 'review.decide', 'hearing.hold', 'discussion.record', 'publicity.publish'])
    )
    expect((await cli('timeline', caseRef)).out).toMatch(/校验：通过/)
  })
})

describe('the catalogue is versioned configuration', () => {
  let t: TestHome
  beforeAll(async () => {
    t = await makeHome()
    await call(t.ctx, 'demo.load', { cases: 0 })
  })
  afterAll(() => t.cleanup())

  it('a new version changes the thresholds, the review period on the workbench, and is published', async () => {
    const party = await call(t.ctx, 'parties.add', ORG)
    const officers = await call(t.ctx, 'officers.list', {})
    const c = await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-11-02',
        procedure: 'general',
        cause: '测试',
        facts: FACTS,
        parties: [{ partyId: party.id }],
        officerIds: [officers[0]!.id, officers[1]!.id],
        intendedPenalty: { warning: false, fine: 80000 }
      },
      filedOn: '2026-11-02'
    })
    expect((await call(t.ctx, 'reviews.show', { caseId: c.id })).triggers.map((x) => x.code)).toEqual(['fine'])
    const current = await call(t.ctx, 'reviews.getCatalogue', {})
    expect(current.version).toBe(1)
    const v2 = await call(t.ctx, 'reviews.setCatalogue', {
      ...current.catalogue,
      name: '重大执法决定法制审核目录清单（2027年修订）',
      fineThreshold: { org: 100000, person: 30000 },
      reviewDays: 10
    })
    expect(v2.version).toBe(2)
    expect(v2.history.map((h) => h.version)).toEqual([2, 1])
    expect((await call(t.ctx, 'reviews.show', { caseId: c.id })).triggers).toEqual([])
    expect((await call(t.ctx, 'deadlines.getRules', {})).rules.find((r) => r.code === 'legal_review')!.length).toBe(10)
    const reviewer = officers.find((o) => o.legalReviewer)!
    const r = await call(t.ctx, 'reviews.submit', {
      caseId: c.id,
      reviewerId: reviewer.id,
      note: '负责人决定提交审核',
      submittedOn: '2026-11-10'
    })
    expect(r.due).toBe('2026-11-24')
    expect((await call(t.ctx, 'cases.get', { ref: String(c.id) })).deadlines.find((x) => x.code === 'legal_review')!.due).toBe('2026-11-24')
    const files = (await call(t.ctx, 'reviews.renderCatalogue', {})).files
    expect(files.map((f) => f.name)).toEqual(['重大执法决定法制审核目录清单.csv', '重大执法决定法制审核目录清单.html'])
    expect(files[0]!.content).toContain('对单位罚款100,000元以上')
    expect(files[1]!.content).toContain('第2版')
    const bad = await invoke(t.ctx, 'reviews.setCatalogue', { ...current.catalogue, reviewDays: 0 }, { error: () => undefined })
    expect(!bad.ok && bad.error.code).toBe('VALIDATION_FAILED')
    expect((await call(t.ctx, 'reviews.getCatalogue', {})).version).toBe(2)
    // a version takes effect on its effective date, not when it is saved
    await call(t.ctx, 'reviews.setCatalogue', {
      ...v2.catalogue,
      name: '2027年1月1日起施行',
      effectiveFrom: '2027-01-01',
      fineThreshold: { org: 50000, person: 20000 }
    })
    expect(await call(t.ctx, 'reviews.show', { caseId: c.id })).toMatchObject({ catalogueVersion: 2, triggers: [] })
    t.setNow('2027-01-04T02:00:00Z')
    expect(await call(t.ctx, 'reviews.show', { caseId: c.id })).toMatchObject({
      catalogueVersion: 3,
      triggers: [expect.objectContaining({ code: 'fine' })]
    })
    t.setNow('2026-11-25T02:00:00Z')
  })
})

describe('the gates hold on the other doors too', () => {
  let t: TestHome
  beforeAll(async () => {
    t = await makeHome()
    await call(t.ctx, 'demo.load', { cases: 0 })
  })
  afterAll(() => t.cleanup())

  it('the database keeps a failed issue from leaving anything behind', async () => {
    const party = await call(t.ctx, 'parties.add', ORG)
    const officers = await call(t.ctx, 'officers.list', {})
    const c = await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-10-01',
        procedure: 'general',
        cause: '测试',
        facts: FACTS,
        parties: [{ partyId: party.id }],
        officerIds: [officers[0]!.id, officers[1]!.id],
        intendedPenalty: { warning: false, fine: 60000 }
      },
      filedOn: '2026-10-02'
    })
    const d = await call(t.ctx, 'documents.create', {
      caseId: c.id,
      type: 'penalty_decision_org',
      fields: fill('penalty_decision_org', { ...CITE, fine: 60000 })
    })
    const before = (await verifyChain(t.home.store)).entries
    const r = await invoke(t.ctx, 'documents.issue', { id: d.id }, { error: () => undefined })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('GATE_NOTICE_NOT_SERVED')
    expect(await call(t.ctx, 'documents.get', { id: d.id })).toMatchObject({ status: 'draft', number: null })
    expect((await verifyChain(t.home.store)).entries).toBe(before)
    expect(t.home.db.prepare("SELECT last FROM number_sequences WHERE scope = 'doc:罚'").get()).toBeUndefined()
  })
})
