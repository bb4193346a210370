import { describe, expect, it } from 'vitest'
import { completeness, dossierItems, selfReview, type DossierDoc, type DossierEvidence } from '../../src-main/core/dossier'
import { sanitizeFileName, sniff } from '../../src-main/core/files'
import { pageRanges } from '../../src-main/pdf/bundle'

const doc = (id: number, type: string, slot: number, extra: Partial<DossierDoc> = {}): DossierDoc => ({
  id,
  type,
  title: type,
  number: `（江）应急X〔2026〕${id}号`,
  issuedOn: `2026-10-${String(10 + id).padStart(2, '0')}`,
  external: false,
  handSigned: false,
  dossierSlot: slot,
  fields: {},
  ...extra
})
const decision = doc(1, 'penalty_decision_org', 2, { external: true, fields: { violatedProvision: 'x', penaltyBasis: 'y' } })
const filing = doc(2, 'case_filing_approval', 3, { handSigned: true })
const notice = doc(3, 'penalty_notice', 17, { external: true, handSigned: true })
const handling = doc(4, 'case_handling_approval', 23)
const receiptNotice = doc(5, 'service_receipt', 28, { fields: { documents: [{ title: 'penalty_notice', number: notice.number }] } })
const receiptDecision = doc(6, 'service_receipt', 28, { fields: { documents: [{ title: 'x', number: decision.number }] } })
const closing = doc(7, 'case_closing_approval', 30)
const ev = (id: number, kind: DossierEvidence['kind'], documentId: number | null = null): DossierEvidence => ({
  id,
  kind,
  evidenceType: kind === 'evidence' ? '书证' : null,
  description: `证据${id}`,
  collectedAt: '2026-10-05',
  documentId,
  mime: kind === 'av' ? 'video/mp4' : 'image/jpeg',
  createdAt: '2026-10-05T00:00:00Z'
})

describe('dossier order', () => {
  const docs = [closing, receiptDecision, handling, notice, filing, decision, receiptNotice]
  it('standard: conclusion first, then by slot, receipts together, evidence and media last', () => {
    const items = dossierItems(docs, [ev(1, 'evidence'), ev(2, 'av'), ev(3, 'scan', filing.id)], 'standard', null)
    expect(items.map((i) => i.key)).toEqual(['doc:1', 'doc:2', 'doc:3', 'doc:4', 'doc:5', 'doc:6', 'doc:7', 'ev:1', 'ev:2'])
    expect(items.find((i) => i.key === 'doc:2')).toMatchObject({ scanEvidenceId: 3, remarks: '签字原件' })
    expect(items.find((i) => i.key === 'ev:2')).toMatchObject({ paginated: false })
  })
  it('receipt-follows: each receipt right after the document it proves', () => {
    const keys = dossierItems(docs, [], 'receipt-follows', null).map((i) => i.key)
    expect(keys).toEqual(['doc:1', 'doc:6', 'doc:2', 'doc:3', 'doc:5', 'doc:4', 'doc:7'])
  })
  it('a manual order wins, and unknown positions keep their place', () => {
    const keys = dossierItems(docs, [], 'standard', ['doc:7', 'doc:1']).map((i) => i.key)
    expect(keys.slice(0, 2)).toEqual(['doc:7', 'doc:1'])
    expect(keys).toHaveLength(7)
  })
  it('page ranges run on over paginated items only', () => {
    expect([
      ...pageRanges([
        { key: 'a', pages: 2 },
        { key: 'av', pages: 0 },
        { key: 'b', pages: 1 },
        { key: 'c', pages: 3 }
      ]).entries()
    ]).toEqual([
      ['a', { from: 1, to: 2 }],
      ['av', null],
      ['b', { from: 3, to: 3 }],
      ['c', { from: 4, to: 6 }]
    ])
  })
})

describe('completeness', () => {
  const all = [decision, filing, notice, handling, receiptNotice, receiptDecision, closing]
  const scans = [ev(10, 'scan', filing.id), ev(11, 'scan', notice.id), ev(12, 'evidence')]
  it('a complete general-procedure penalty dossier', () => {
    expect(completeness({ procedure: 'general', status: 'closed', docs: all, evidence: scans, hadHearing: false })).toMatchObject({
      complete: true,
      missing: []
    })
  })
  it('names the missing decision, receipts, scans and A/V records', () => {
    const r = completeness({
      procedure: 'general',
      status: 'closed',
      docs: [filing, notice, handling, closing],
      evidence: [ev(12, 'evidence')],
      hadHearing: true
    })
    expect(r.complete).toBe(false)
    expect(r.missing.map((m) => m.message)).toEqual([
      '缺少行政处罚决定书',
      '缺少文书送达回执',
      'case_filing_approval（（江）应急X〔2026〕2号）须有签字（盖章）原件扫描件',
      'penalty_notice（（江）应急X〔2026〕3号）没有送达回执',
      'penalty_notice（（江）应急X〔2026〕3号）须有签字（盖章）原件扫描件',
      '听证应有音像记录（执法全过程记录）'
    ])
  })
  it('a reviewed, discussed case with a hearing needs the opinion, the discussion record and the hearing forms', () => {
    const r = completeness({
      procedure: 'general',
      status: 'closed',
      docs: all,
      evidence: scans,
      hadHearing: false,
      reviewed: true,
      discussed: true,
      hearingHeld: true
    })
    expect(r.missing.map((m) => m.message)).toEqual(['缺少法制审核意见书', '缺少行政处罚集体讨论记录', '缺少听证笔录', '缺少听证会报告书'])
    const more = [
      ...all,
      doc(30, 'legal_review_opinion', 11),
      doc(31, 'collective_discussion_record', 12),
      doc(32, 'hearing_transcript', 13),
      doc(33, 'hearing_report', 14)
    ]
    expect(
      completeness({
        procedure: 'general',
        status: 'closed',
        docs: more,
        evidence: scans,
        hadHearing: false,
        reviewed: true,
        discussed: true,
        hearingHeld: true
      }).missing
    ).toEqual([])
  })
  it('summary procedure needs the on-the-spot decision only', () => {
    const spot = doc(20, 'onsite_penalty_decision', 2, { external: true })
    expect(completeness({ procedure: 'summary', status: 'closed', docs: [spot, closing], evidence: [], hadHearing: false }).complete).toBe(
      true
    )
    expect(
      completeness({ procedure: 'summary', status: 'closed', docs: [closing], evidence: [], hadHearing: false }).missing[0]!.message
    ).toBe('缺少行政（当场）处罚决定书')
  })
})

describe('self-review', () => {
  const base = {
    procedure: 'general' as const,
    officers: [
      { certNo: 'A1', validUntil: '2029-01-01' },
      { certNo: 'A2', validUntil: '2029-01-01' }
    ],
    filedOn: '2026-09-01',
    events: [
      { type: 'filed', date: '2026-09-01', status: 'filed' },
      { type: 'status', date: '2026-09-02', status: 'investigating' },
      { type: 'notice_served', date: '2026-09-20', status: 'notice' },
      { type: 'decided', date: '2026-10-01', status: 'decided' }
    ],
    deadlines: [{ code: 'decision', due: '2026-11-30', metAt: '2026-10-01' }],
    docs: [decision],
    completeness: { complete: true, missing: [], warnings: [] }
  }
  it('grades a clean file', () => {
    expect(selfReview(base)).toMatchObject({ veto: [], score: 100, grade: '优秀' })
  })
  it.each([
    ['one officer', { officers: [base.officers[0]!] }, '执法人员少于两人'],
    [
      'an expired certificate at filing',
      { officers: [base.officers[0]!, { certNo: 'A2', validUntil: '2026-08-01' }] },
      '承办人员立案时执法证已过期（执法人员不具备执法资格）'
    ],
    [
      'investigation before filing',
      { events: [{ type: 'status', date: '2026-08-20', status: 'investigating' }, ...base.events] },
      '先调查后立案（程序倒置）'
    ],
    ['decision without notice', { events: base.events.filter((e) => e.type !== 'notice_served') }, '未告知即作出处罚决定（程序违法）'],
    ['decision without legal basis', { docs: [{ ...decision, fields: {} }] }, `${decision.title}未载明违反条款或处罚依据`]
  ])('fails the file on a veto item: %s', (_w, change, veto) => {
    const r = selfReview({ ...base, ...change })
    expect(r.veto).toContain(veto)
    expect(r.grade).toBe('不合格')
  })
  it('deducts for a late decision', () => {
    const r = selfReview({ ...base, deadlines: [{ code: 'decision', due: '2026-09-30', metAt: '2026-10-01' }] })
    expect(r).toMatchObject({ score: 85, grade: '良好' })
    expect(r.items.find((i) => i.criterion === '在法定期限内作出决定')!.note).toBe('超期（2026-10-01，期限2026-09-30）')
  })
})

describe('files', () => {
  it('sniffs types from content, not names', () => {
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(sniff(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe('png')
    expect(sniff(Buffer.from('%PDF-1.7'))).toBe('pdf')
    expect(sniff(Buffer.from('\0\0\0\x18ftypmp42', 'latin1'))).toBe('mp4')
    expect(sniff(Buffer.from('MZ\x90\0 executable', 'latin1'))).toBeNull()
  })
  it('sanitises names', () => {
    expect(sanitizeFileName('../../etc/现场照片:1?.JPG', 'jpeg')).toBe('现场照片_1_.jpg')
    expect(sanitizeFileName('report.exe', 'pdf')).toBe('report.pdf')
    expect(sanitizeFileName('CON.txt', 'pdf')).toBe('file_CON.pdf')
    expect(sanitizeFileName('...', 'png')).toBe('file_unnamed.png')
  })
})
