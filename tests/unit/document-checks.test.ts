import { describe, expect, it } from 'vitest'
import { checkDocument, type CheckContext } from '../../src-main/core/document-checks'
import { TemplateTypeSchema } from '../../src-main/core/templates'
import { loadManifest } from '../../src-main/drafting/catalogue'

const decision = TemplateTypeSchema.parse({
  id: 'penalty_decision_org',
  title: '行政处罚决定书（单位）',
  prefix: '罚',
  dossierSlot: 20,
  external: true,
  handSigned: false,
  procedures: ['general'],
  copies: '本文书一式三份',
  fields: [
    { key: 'facts', label: '违法事实', type: 'textarea', required: true },
    { key: 'evidence', label: '证据', type: 'textarea', required: true },
    { key: 'violatedProvision', label: '违反条款', type: 'citation', required: true },
    { key: 'penaltyBasis', label: '处罚依据', type: 'citation', required: true },
    { key: 'fine', label: '罚款金额', type: 'money' },
    { key: 'decisionDate', label: '决定日期', type: 'date' },
    { key: 'tier', label: '裁量阶次', type: 'select', options: ['从轻', '一般', '从重'] },
    { key: 'departureReason', label: '偏离基准理由', type: 'textarea' },
    { key: 'inspectionStart', label: '检查开始时间', type: 'datetime' },
    { key: 'inspectionEnd', label: '检查结束时间', type: 'datetime' },
    {
      key: 'problems',
      label: '存在问题',
      type: 'list',
      required: true,
      item: [
        { key: 'text', label: '问题', type: 'text', required: true },
        { key: 'deadline', label: '期限', type: 'date' }
      ]
    }
  ]
})

const ctx: CheckContext = {
  today: '2026-11-25',
  date: '2026-11-25',
  agency: {
    name: '江州市应急管理局',
    address: '人民路188号',
    reconsiderationBody: '江州市人民政府',
    court: '江州市滨江区人民法院',
    bankName: '工商银行',
    bankAccountNo: '1507200029000123456'
  },
  party: { name: '江州市鑫达化工有限公司', address: '化工园区8号' },
  officers: [
    { name: '王建国', certNo: 'A1', validUntil: '2029-01-01', active: true },
    { name: '李晓红', certNo: 'A2', validUntil: '2029-01-01', active: true }
  ],
  violation: {
    range: { min: 0, max: 100000 },
    tiers: [
      { name: '从轻', min: 0, max: 20000 },
      { name: '一般', min: 20000, max: 50000 },
      { name: '从重', min: 50000, max: 100000 }
    ]
  }
}

const good = {
  facts: '经查，该公司于2026年11月2日组织焊接作业时，三名作业人员未经安全生产教育和培训上岗作业。',
  evidence: '1. 现场检查记录；2. 询问笔录；3. 现场照片。',
  violatedProvision: '《中华人民共和国安全生产法》第二十八条第一款',
  penaltyBasis: '《中华人民共和国安全生产法》第九十七条第（三）项',
  fine: 30000,
  decisionDate: '2026-11-25',
  tier: '一般',
  departureReason: '',
  inspectionStart: '2026-11-02T09:00',
  inspectionEnd: '2026-11-02T11:30',
  problems: [{ text: '未培训上岗', deadline: '2026-12-05' }]
}

const rules = (fields: Record<string, unknown>, c: Partial<CheckContext> = {}) =>
  checkDocument(decision, fields, { ...ctx, ...c }).map((f) => `${f.severity}:${f.rule}:${f.field ?? '-'}`)

describe('document checks (文书规范性检查)', () => {
  it('passes a complete, correct decision', () => {
    expect(checkDocument(decision, good, ctx)).toEqual([])
  })

  it.each([
    ['required field', { facts: '' }, 'error:required:facts'],
    ['required list item column', { problems: [{ text: '' }] }, 'error:required:problems'],
    ['malformed date', { decisionDate: '2026-02-30' }, 'error:date:decisionDate'],
    ['end before start', { inspectionEnd: '2026-11-02T08:00' }, 'error:date-order:inspectionEnd'],
    ['negative amount', { fine: -5 }, 'error:amount:fine'],
    ['sub-fen amount', { fine: 100.005 }, 'error:amount:fine'],
    ['abbreviated law name', { violatedProvision: '《安全生产法》第二十八条第一款' }, 'error:citation:violatedProvision'],
    ['citation without article', { penaltyBasis: '《中华人民共和国安全生产法》的有关规定' }, 'error:citation:penaltyBasis'],
    ['citation without a law', { penaltyBasis: '第九十七条' }, 'error:citation:penaltyBasis'],
    ['capitals disagreeing with figures', { evidence: '罚款人民币叁万元整（¥20,000.00）' }, 'error:amount:evidence'],
    ['fine above the statutory range', { fine: 150000 }, 'error:fine-range:fine'],
    ['fine outside the tier without a reason', { fine: 10000 }, 'error:fine-tier:departureReason']
  ])('%s fails', (_what, change, finding) => {
    expect(rules({ ...good, ...change })).toContain(finding)
  })

  it.each([
    ['a departure with a written reason', { fine: 10000, departureReason: '主动消除违法行为危害后果，依法减轻处罚' }],
    ['capitals that agree', { evidence: '罚款人民币叁万元整（¥30,000.00）' }],
    [
      'several full citations',
      { penaltyBasis: '《中华人民共和国安全生产法》第九十七条第（三）项、《中华人民共和国行政处罚法》第二十八条第一款' }
    ]
  ])('%s passes', (_what, change) => {
    expect(checkDocument(decision, { ...good, ...change }, ctx)).toEqual([])
  })

  it('needs two officers with valid certificates on the document date', () => {
    expect(rules(good, { officers: [ctx.officers[0]!] })).toContain('error:officers:-')
    expect(rules(good, { officers: [ctx.officers[0]!, { ...ctx.officers[1]!, validUntil: '2026-11-24' }] })).toContain('error:officers:-')
    expect(
      rules(good, { date: '2026-11-20', officers: [ctx.officers[0]!, { ...ctx.officers[1]!, validUntil: '2026-11-24' }] })
    ).not.toContain('error:officers:-')
  })

  it("names the people's government at the same level for reconsideration", () => {
    const bad = { ...ctx.agency!, reconsiderationBody: '江州市人民政府或者上一级主管部门' }
    expect(rules(good, { agency: bad })).toContain('error:appeal:-')
    expect(rules(good, { agency: { ...ctx.agency!, court: '滨江区' } })).toContain('error:appeal:-')
  })

  it('lists the missing art. 59 elements of a penalty decision', () => {
    const f = checkDocument(
      decision,
      { ...good, evidence: '' },
      { ...ctx, party: { name: '某公司', address: '' }, agency: { ...ctx.agency!, bankAccountNo: '' } }
    )
    expect(f.find((x) => x.rule === 'art59')!.message).toBe(
      '行政处罚决定书缺少法定内容：当事人地址、证据、罚款缴纳方式（收缴银行和账号）（行政处罚法第五十九条）'
    )
  })
})

describe('a warning-only decision (警告, no fine) on the shipped 行政处罚决定书 templates', () => {
  const shipped = (id: string) => loadManifest().manifest.types.find((t) => t.id === id)!
  const warningOnly = {
    facts: good.facts,
    evidence: good.evidence,
    violatedProvision: good.violatedProvision,
    penaltyBasis: good.penaltyBasis,
    penalty: '警告'
  }
  it.each(['penalty_decision_org', 'penalty_decision_person'])('%s: the penalty text is the 处罚内容 of art. 59', (id) => {
    const art59 = (fields: Record<string, unknown>) =>
      checkDocument(shipped(id), fields, ctx)
        .filter((f) => f.rule === 'art59')
        .map((f) => f.message)
    expect(art59(warningOnly)).toEqual([])
    // neither a penalty text nor a fine: the 处罚内容 is missing
    expect(art59({ ...warningOnly, penalty: '' })).toEqual(['行政处罚决定书缺少法定内容：处罚内容（行政处罚法第五十九条）'])
  })
})

describe('standard phrases left half-filled (issue 12, defect 6)', () => {
  it('refuses a {{…}} placeholder still in a field or a list item, naming the field', () => {
    const f = checkDocument(decision, { ...good, penaltyBasis: '依据《中华人民共和国安全生产法》第{{条}}条的规定' }, ctx)
    expect(f.filter((x) => x.rule === 'placeholder')).toEqual([
      {
        severity: 'error',
        field: 'penaltyBasis',
        rule: 'placeholder',
        message: '“处罚依据”中还有待填写的内容：{{条}}',
        fix: '把 {{…}} 换成实际内容'
      }
    ])
    const listed = checkDocument(decision, { ...good, problems: [{ text: '{{问题}}未整改', deadline: '2026-12-05' }] }, ctx)
    expect(listed.filter((x) => x.rule === 'placeholder').map((x) => x.message)).toEqual([
      '“存在问题”第1项的“问题”中还有待填写的内容：{{问题}}'
    ])
    expect(checkDocument(decision, good, ctx).filter((x) => x.rule === 'placeholder')).toEqual([])
  })
})
