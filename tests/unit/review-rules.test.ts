import { describe, expect, it } from 'vitest'
import catalogueJson from '../../resources/review/catalogue.json'
import {
  catalogueRows,
  discussionRequired,
  evaluateTriggers,
  hearingEligible,
  MajorCatalogueSchema,
  type MajorFacts
} from '../../src-main/core/major-decision'
import {
  materialsChecklist,
  missingMaterials,
  ReviewDecisionSchema,
  REVIEW_ASPECTS,
  reviewerProblem
} from '../../src-main/core/legal-review'
import {
  buildPublicityRecord,
  DEFAULT_PUBLICITY_POLICY,
  displayPeriod,
  effectiveStatus,
  recordsCsv,
  recordsHtml,
  summaryText,
  type PublicitySource
} from '../../src-main/core/publicity'
import { decisionGate, type GateState } from '../../src-main/core/gates'

const cat = MajorCatalogueSchema.parse(catalogueJson)
const facts = (f: Partial<MajorFacts>): MajorFacts => ({
  partyKinds: ['org'],
  fine: 0,
  confiscation: 0,
  measures: [],
  hearingHeld: false,
  departure: false,
  manualFlags: [],
  ...f
})

describe('major-decision catalogue', () => {
  it('uses the thresholds inclusively, the lower one when a person is a party, a sole proprietor as a person', () => {
    expect(evaluateTriggers(cat, facts({ fine: 49999 }))).toEqual([])
    expect(evaluateTriggers(cat, facts({ fine: 50000 })).map((t) => t.code)).toEqual(['fine'])
    expect(evaluateTriggers(cat, facts({ fine: 20000, partyKinds: ['person'] })).map((t) => t.code)).toEqual(['fine'])
    expect(evaluateTriggers(cat, facts({ fine: 20000, partyKinds: ['sole'] })).map((t) => t.code)).toEqual(['fine'])
    expect(evaluateTriggers({ ...cat, soleCountsAs: 'org' }, facts({ fine: 20000, partyKinds: ['sole'] }))).toEqual([])
    expect(evaluateTriggers({ ...cat, fineThreshold: { org: 100000, person: 20000 } }, facts({ fine: 60000 }))).toEqual([])
  })

  it('names every trigger with its reason', () => {
    const ts = evaluateTriggers(
      cat,
      facts({ measures: ['stop_production'], hearingHeld: true, departure: true, manualFlags: ['complex'], confiscation: 80000 })
    )
    expect(ts.map((t) => t.code)).toEqual(['confiscation', 'measure:stop_production', 'hearing', 'departure', 'manual:complex'])
    expect(ts[0]!.reason).toContain('80,000元')
    expect(discussionRequired(cat, ts)).toBe(true)
    expect(discussionRequired({ ...cat, discussionFor: ['fine'] }, ts)).toBe(false)
  })

  it('hearing eligibility: 较大数额 or a heavy measure, but not a licence suspension', () => {
    expect(hearingEligible(cat, facts({ fine: 50000 })).eligible).toBe(true)
    expect(hearingEligible(cat, facts({ measures: ['licence_suspend'] })).eligible).toBe(false)
    expect(hearingEligible(cat, facts({ measures: ['closure'] })).reasons).toEqual(['责令关闭（提请政府决定）'])
  })

  it('publishes as rows', () => {
    const rows = catalogueRows(cat)
    expect(rows[0]).toMatchObject({ no: 1, item: '较大数额罚款', standard: '对单位罚款50,000元以上，对个人罚款20,000元以上' })
    expect(rows.at(-1)!.item).toBe('负责人决定提交审核')
  })
})

describe('legal review', () => {
  const ok = Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }]))
  it('an approval cannot hide a failed aspect; other outcomes must say what is wrong', () => {
    expect(ReviewDecisionSchema.safeParse({ outcome: 'approved', aspects: ok, opinion: '事实清楚证据确凿同意作出决定' }).success).toBe(true)
    const failed = { ...ok, evidence: { ok: false, note: '缺少询问笔录' } }
    expect(ReviewDecisionSchema.safeParse({ outcome: 'approved', aspects: failed, opinion: '事实清楚证据确凿同意作出决定' }).success).toBe(
      false
    )
    expect(
      ReviewDecisionSchema.safeParse({ outcome: 'returned', aspects: failed, opinion: '证据不足请补充相关材料', changes: '' }).success
    ).toBe(false)
    expect(
      ReviewDecisionSchema.safeParse({ outcome: 'returned', aspects: failed, opinion: '证据不足请补充相关材料', changes: '补充询问笔录' })
        .success
    ).toBe(true)
    expect(
      ReviewDecisionSchema.safeParse({
        outcome: 'rejected',
        aspects: { ...ok, basis: { ok: false, note: '' } },
        opinion: '适用依据错误不同意作出'
      }).success
    ).toBe(false)
  })

  it('the reviewer is qualified, active and not a handler', () => {
    const r = { id: 5, name: '刘芳', legalReviewer: true, active: true }
    expect(reviewerProblem(r, [1, 2])).toBeNull()
    expect(reviewerProblem(r, [5, 2])).toContain('承办人员')
    expect(reviewerProblem({ ...r, legalReviewer: false }, [])).toContain('资格')
    expect(reviewerProblem({ ...r, active: false }, [])).toContain('停用')
  })

  it('the materials checklist flags what is missing', () => {
    const list = materialsChecklist({
      documents: [{ id: 1, type: 'case_filing_approval', title: '立案审批表', status: 'issued' }],
      evidence: [],
      hearingHeld: true
    })
    expect(list.filter((m) => m.mandatory && !m.present).map((m) => m.code)).toEqual([
      'investigation',
      'evidence',
      'proposal',
      'decision_draft',
      'hearing_transcript',
      'hearing_report'
    ])
  })
})

describe('decision gates (pure)', () => {
  const base: GateState = {
    procedure: 'general',
    kind: 'penalty',
    filed: true,
    decisionDate: '2026-11-25',
    fine: 30000,
    warning: false,
    partyKinds: ['org'],
    triggers: [],
    draft: { id: 7, revision: 3 },
    review: null,
    notice: { servedOn: '2026-11-10', fine: 30000, hearingRights: false },
    windows: { statement: '2026-11-13', hearing_request: '2026-11-17' },
    waived: { statement: false, hearing: false },
    hearing: null,
    discussionRequired: false,
    discussionHeld: false,
    statementsMade: false,
    statementsReviewed: false
  }
  const codes = (s: Partial<GateState>) => decisionGate({ ...base, ...s }).map((p) => p.code)
  const trig = [{ kind: 'fine' as const, code: 'fine', label: '较大数额罚款', reason: '' }]

  it('passes a complete case and names each missing step', () => {
    expect(codes({})).toEqual([])
    expect(codes({ filed: false })).toEqual(['GATE_NOT_FILED'])
    expect(codes({ notice: { servedOn: null, fine: null, hearingRights: false } })).toEqual(['GATE_NOTICE_NOT_SERVED'])
    expect(codes({ decisionDate: '2026-11-13' })).toEqual(['GATE_WINDOW_OPEN'])
    expect(codes({ decisionDate: '2026-11-13', waived: { statement: true, hearing: false } })).toEqual([])
    expect(codes({ decisionDate: '2026-11-16', notice: { ...base.notice, hearingRights: true } })).toEqual(['GATE_WINDOW_OPEN'])
    expect(codes({ hearing: { requested: true, eligible: true, held: false, waived: false } })).toEqual(['GATE_HEARING_PENDING'])
    expect(codes({ statementsMade: true })).toEqual(['GATE_STATEMENT_NOT_REVIEWED'])
    expect(codes({ fine: 30001 })).toEqual(['GATE_PENALTY_ABOVE_NOTICE'])
    expect(codes({ discussionRequired: true })).toEqual(['GATE_DISCUSSION_REQUIRED'])
  })

  it('a triggered decision needs an approval of exactly this draft version', () => {
    expect(codes({ triggers: trig })).toEqual(['GATE_REVIEW_REQUIRED'])
    expect(codes({ triggers: trig, review: { status: 'in_review', documentId: 7, revision: 3 } })).toEqual(['GATE_REVIEW_REQUIRED'])
    expect(codes({ triggers: trig, review: { status: 'returned', documentId: 7, revision: 3 } })).toEqual(['GATE_REVIEW_NOT_APPROVED'])
    expect(codes({ triggers: trig, review: { status: 'rejected', documentId: 7, revision: 3 } })).toEqual(['GATE_REVIEW_NOT_APPROVED'])
    expect(codes({ triggers: trig, review: { status: 'approved', documentId: 7, revision: 2 } })).toEqual(['GATE_REVIEW_STALE'])
    expect(codes({ triggers: trig, review: { status: 'approved', documentId: 8, revision: 3 } })).toEqual(['GATE_REVIEW_STALE'])
    expect(codes({ triggers: trig, review: { status: 'approved_with_changes', documentId: 7, revision: 3 } })).toEqual([])
    // moving the case to 决定 without a document here: an approval is enough
    expect(codes({ triggers: trig, draft: null, review: { status: 'approved', documentId: 7, revision: 1 } })).toEqual([])
  })

  it('a no-penalty decision needs no notice; the summary procedure only its limits', () => {
    expect(codes({ kind: 'no_penalty', notice: { servedOn: null, fine: null, hearingRights: false } })).toEqual([])
    expect(codes({ procedure: 'summary', filed: false, fine: 3000, notice: { servedOn: null, fine: null, hearingRights: false } })).toEqual(
      []
    )
    expect(codes({ procedure: 'summary', filed: false, fine: 3001 })).toEqual(['SUMMARY_LIMIT_EXCEEDED'])
  })
})

describe('publicity record', () => {
  const src: PublicitySource = {
    caseName: '张三动火作业未审批案',
    cause: '动火作业未执行审批制度',
    decision: {
      number: '（江）应急罚〔2026〕7号',
      date: '2026-02-28',
      facts:
        '经查，张三（身份证号码110101199003071233，电话13812345678，住江州市浔阳区柳巷路12号3单元）在江州市鑫达化工有限公司（统一社会信用代码91360402MA35XK7Q25）仓库动火作业。',
      violatedProvision: '《中华人民共和国安全生产法》第四十三条',
      penaltyBasis: '《中华人民共和国安全生产法》第一百零一条第（四）项',
      penalty: '罚款人民币贰万伍仟元整（¥25,000.00）',
      fine: 25000,
      warning: false
    },
    measures: [],
    confiscation: 0,
    party: { kind: 'person', name: '张三', idNumber: '110101199003071233', phone: '13812345678', address: '江州市浔阳区柳巷路12号3单元' },
    otherPersons: [{ kind: 'org', name: '江州市鑫达化工有限公司', creditCode: '91360402MA35XK7Q25' }],
    agency: { name: '江州市应急管理局', creditCode: '11360400MB1C23456B' }
  }

  it('redacts the person, keeps the organisation, converts to 万元 and sets the periods', () => {
    const { record, hits } = buildPublicityRecord(src, DEFAULT_PUBLICITY_POLICY)
    const all =
      JSON.stringify(record) +
      summaryText(record) +
      recordsCsv([record]) +
      recordsHtml([record], { agency: '江州市应急管理局', generatedOn: '2026-03-02' })
    for (const secret of ['110101199003071233', '13812345678', '柳巷路12号']) expect(all).not.toContain(secret)
    for (const kept of ['江州市鑫达化工有限公司', '91360402MA35XK7Q25', '（江）应急罚〔2026〕7号', '贰万伍仟元', '第一百零一条第（四）项'])
      expect(all).toContain(kept)
    expect(record.idNumberMasked).toBe('110101********1233')
    expect(record.creditCode).toBe('')
    expect(record.fineWan).toBe('2.5')
    expect(record).toMatchObject({
      decisionDate: '2026-02-28',
      minUntil: '2027-02-28',
      publicUntil: '2029-02-28',
      partyCategory: '自然人',
      penaltyType: '罚款'
    })
    expect(hits.map((h) => h.kind).sort()).toEqual(['address', 'id', 'phone'])
  })

  it('computes periods from the decision date and takes expired records down', () => {
    expect(displayPeriod('2024-02-29', { minMonths: 12, maxMonths: 36, publishWarnings: true })).toEqual({
      minUntil: '2025-02-28',
      maxUntil: '2027-02-28'
    })
    expect(effectiveStatus('published', '2027-02-28', '2027-03-01')).toBe('expired')
    expect(effectiveStatus('published', '2027-02-28', '2027-02-28')).toBe('published')
  })
})

describe('CSV for publication', () => {
  it('quotes commas, quotes and line breaks, with a BOM and CRLF records', async () => {
    const { csv } = await import('../../src-main/core/tables')
    expect(
      csv({
        title: 't',
        headers: ['名称', '说明'],
        rows: [
          ['甲,乙', '他说"好"'],
          ['第一行\n第二行', '无']
        ]
      })
    ).toBe('\uFEFF名称,说明\r\n"甲,乙","他说""好"""\r\n"第一行\n第二行",无\r\n')
  })
})

describe('missing review materials', () => {
  it('lists the mandatory items not yet present, and only those', () => {
    const item = (code: string, mandatory: boolean, present: boolean) => ({ code, label: code, mandatory, present, refs: [] })
    const items = [item('a', true, true), item('b', true, false), item('c', false, false)]
    expect(missingMaterials(items).map((m) => m.code)).toEqual(['b'])
  })
})
