/**
 * The case dossier (案卷): which materials it holds and in what order, whether it is complete for its
 * procedure, and a self-review against the dossier review criteria (DOMAIN.md §3). Pure.
 */
import type { Procedure, CaseStatus } from './case'

export const ORDER_SCHEMES = ['standard', 'receipt-follows', 'chronological'] as const
export type OrderScheme = (typeof ORDER_SCHEMES)[number]
export const ORDER_SCHEME_LABELS: Record<OrderScheme, string> = {
  standard: '标准顺序（结论在前，按文书类别排列，送达回执集中）',
  'receipt-follows': '送达回执紧随所证明的文书',
  chronological: '决定书在前，其余按时间顺序'
}

export interface DossierDoc {
  id: number
  type: string
  title: string
  number: string | null
  issuedOn: string
  external: boolean
  handSigned: boolean
  dossierSlot: number
  fields: Record<string, unknown>
}

export interface DossierEvidence {
  id: number
  kind: 'evidence' | 'scan' | 'av'
  evidenceType: string | null
  description: string
  collectedAt: string | null
  documentId: number | null
  mime: string
  createdAt: string
}

export interface DossierItem {
  /** stable key for manual ordering: doc:<id> or ev:<id> */
  key: string
  kind: 'document' | 'evidence' | 'av'
  title: string
  number: string
  date: string
  /** the issued document, or the evidence row */
  documentId: number | null
  evidenceId: number | null
  /** a signed scan that stands in for the document's rendition */
  scanEvidenceId: number | null
  /** A/V media are listed, not paginated */
  paginated: boolean
  slot: number
  remarks: string
}

/** Slot for evidence: 33 (其他证据) per DOMAIN.md §3.2; A/V media after the evidence. */
const EVIDENCE_SLOT = 33
const AV_SLOT = 33.5

function receiptFor(docs: DossierDoc[], doc: DossierDoc): DossierDoc | undefined {
  return docs.find(
    (r) =>
      r.type === 'service_receipt' &&
      Array.isArray(r.fields.documents) &&
      (r.fields.documents as { number?: string; title?: string }[]).some((d) =>
        doc.number ? d.number === doc.number : d.title === doc.title
      )
  )
}

export function dossierItems(
  docs: DossierDoc[],
  evidence: DossierEvidence[],
  scheme: OrderScheme,
  manualOrder: string[] | null
): DossierItem[] {
  const scans = new Map(evidence.filter((e) => e.kind === 'scan' && e.documentId !== null).map((e) => [e.documentId!, e]))
  const items: DossierItem[] = docs.map((d) => {
    const scan = scans.get(d.id)
    return {
      key: `doc:${d.id}`,
      kind: 'document',
      title: d.title,
      number: d.number ?? '',
      date: d.issuedOn,
      documentId: d.id,
      evidenceId: null,
      scanEvidenceId: scan?.id ?? null,
      paginated: true,
      slot: d.dossierSlot,
      remarks: scan ? '签字原件' : d.handSigned ? '打印件' : ''
    }
  })
  for (const e of evidence) {
    if (e.kind === 'scan') continue
    items.push({
      key: `ev:${e.id}`,
      kind: e.kind === 'av' ? 'av' : 'evidence',
      title: e.kind === 'av' ? `音像记录：${e.description}` : `${e.evidenceType ?? '证据'}：${e.description}`,
      number: '',
      date: (e.collectedAt ?? e.createdAt).slice(0, 10),
      documentId: null,
      evidenceId: e.id,
      scanEvidenceId: null,
      paginated: e.kind !== 'av' && (e.mime === 'application/pdf' || e.mime.startsWith('image/')),
      slot: e.kind === 'av' ? AV_SLOT : EVIDENCE_SLOT,
      remarks: e.kind === 'av' ? '音像载体另行保存，不编页号' : ''
    })
  }
  const byDate = (a: DossierItem, b: DossierItem) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key)
  let ordered: DossierItem[]
  if (scheme === 'chronological') {
    const decisions = items.filter((i) => i.slot === 2)
    ordered = [...decisions.sort(byDate), ...items.filter((i) => i.slot !== 2).sort(byDate)]
  } else {
    ordered = [...items].sort((a, b) => a.slot - b.slot || byDate(a, b))
    if (scheme === 'receipt-follows') {
      const receipts = new Map<number, DossierItem>()
      for (const d of docs) {
        const r = d.type === 'service_receipt' ? null : receiptFor(docs, d)
        if (r)
          receipts.set(
            d.id,
            ordered.find((i) => i.documentId === r.id)!
          )
      }
      const placed = new Set<string>()
      const out: DossierItem[] = []
      for (const i of ordered) {
        if (placed.has(i.key)) continue
        if (i.documentId !== null && [...receipts.values()].some((r) => r.key === i.key)) continue // placed after its document
        out.push(i)
        placed.add(i.key)
        const r = i.documentId !== null ? receipts.get(i.documentId) : undefined
        if (r && !placed.has(r.key)) {
          out.push(r)
          placed.add(r.key)
        }
      }
      for (const i of ordered) if (!placed.has(i.key)) out.push(i)
      ordered = out
    }
  }
  if (manualOrder?.length) {
    const pos = new Map(manualOrder.map((k, i) => [k, i]))
    ordered = [...ordered].sort((a, b) => (pos.get(a.key) ?? 1e9) - (pos.get(b.key) ?? 1e9) || ordered.indexOf(a) - ordered.indexOf(b))
  }
  return ordered
}

export interface Completeness {
  complete: boolean
  missing: { code: string; message: string; type?: string; documentId?: number }[]
  warnings: string[]
}

const TITLES: Record<string, string> = {
  case_filing_approval: '立案审批表',
  penalty_notice: '行政处罚告知书',
  case_handling_approval: '案件处理呈批表',
  penalty_decision: '行政处罚决定书',
  service_receipt: '文书送达回执',
  case_closing_approval: '结案审批表',
  onsite_penalty_decision: '行政（当场）处罚决定书',
  no_penalty_decision: '不予行政处罚决定书',
  legal_review_opinion: '法制审核意见书',
  collective_discussion_record: '行政处罚集体讨论记录',
  hearing_transcript: '听证笔录',
  hearing_report: '听证会报告书'
}

/** Rule 11 and §3.6: mandatory documents for the procedure and outcome, receipts, signed scans, A/V records. */
export function completeness(input: {
  procedure: Procedure
  status: CaseStatus
  docs: DossierDoc[]
  evidence: DossierEvidence[]
  hadHearing: boolean
  /** the steps of issue 6 that leave a document behind: a decided legal review, a collective discussion, a hearing held */
  reviewed?: boolean
  discussed?: boolean
  hearingHeld?: boolean
}): Completeness {
  const missing: Completeness['missing'] = []
  const warnings: string[] = []
  const has = (t: string) => input.docs.some((d) => d.type === t || (t === 'penalty_decision' && d.type.startsWith('penalty_decision')))
  const need = (t: string) => {
    if (!has(t)) missing.push({ code: 'DOCUMENT_MISSING', message: `缺少${TITLES[t] ?? t}`, type: t })
  }
  const closed = ['closed', 'dossier', 'archived'].includes(input.status)
  if (input.procedure === 'summary') {
    need('onsite_penalty_decision')
  } else if (
    input.status === 'no_penalty' ||
    input.docs.some((d) => d.type === 'case_closing_approval' && String(d.fields.closingReason ?? '').includes('不予'))
  ) {
    need('case_filing_approval')
    need('case_handling_approval')
    if (input.docs.some((d) => d.type === 'no_penalty_decision') || input.status === 'no_penalty') need('no_penalty_decision')
  } else if (!['revoked', 'terminated', 'transferred', 'not_filed'].includes(input.status)) {
    need('case_filing_approval')
    need('penalty_notice')
    need('case_handling_approval')
    need('penalty_decision')
    need('service_receipt')
  }
  if (closed) need('case_closing_approval')
  if (input.procedure === 'general') {
    if (input.reviewed) need('legal_review_opinion')
    if (input.discussed) need('collective_discussion_record')
    if (input.hearingHeld) {
      need('hearing_transcript')
      need('hearing_report')
    }
  }
  if (
    input.procedure === 'general' &&
    !input.evidence.some((e) => e.kind === 'evidence') &&
    !has('inspection_record') &&
    !has('questioning_transcript')
  ) {
    missing.push({ code: 'EVIDENCE_MISSING', message: '没有任何证据材料（现场检查记录、询问笔录或证据）' })
  }
  const scanned = new Set(input.evidence.filter((e) => e.kind === 'scan').map((e) => e.documentId))
  for (const d of input.docs) {
    if (d.external && d.type !== 'onsite_penalty_decision' && !receiptFor(input.docs, d)) {
      missing.push({ code: 'RECEIPT_MISSING', message: `${d.title}${d.number ? `（${d.number}）` : ''}没有送达回执`, documentId: d.id })
    }
    if (d.handSigned && !scanned.has(d.id)) {
      missing.push({
        code: 'SCAN_MISSING',
        message: `${d.title}${d.number ? `（${d.number}）` : ''}须有签字（盖章）原件扫描件`,
        documentId: d.id
      })
    }
  }
  const av = input.evidence.some((e) => e.kind === 'av')
  const leftAtPremises = input.docs.some((d) => d.type === 'service_receipt' && d.fields.method === '留置送达')
  if ((input.hadHearing || leftAtPremises) && !av) {
    missing.push({ code: 'AV_MISSING', message: `${input.hadHearing ? '听证' : '留置送达'}应有音像记录（执法全过程记录）` })
  }
  if (input.evidence.filter((e) => e.kind === 'evidence').some((e) => !e.collectedAt)) warnings.push('部分证据未填写收集时间')
  return { complete: missing.length === 0, missing, warnings }
}

export interface ReviewItem {
  criterion: string
  max: number
  score: number
  note: string
}

export interface SelfReview {
  veto: string[]
  items: ReviewItem[]
  score: number
  grade: '优秀' | '良好' | '合格' | '不合格'
}

/** Self-review (案卷评查自查) against the common provincial criteria: veto items fail the file; the rest is scored. */
export function selfReview(input: {
  procedure: Procedure
  officers: { certNo: string; validUntil: string }[]
  filedOn: string | null
  events: { type: string; date: string; status: string | null }[]
  deadlines: { code: string; due: string; metAt: string | null }[]
  docs: DossierDoc[]
  completeness: Completeness
}): SelfReview {
  const veto: string[] = []
  if (new Set(input.officers.map((o) => o.certNo)).size < 2) veto.push('执法人员少于两人')
  if (input.filedOn && input.officers.some((o) => o.validUntil < input.filedOn!))
    veto.push('承办人员立案时执法证已过期（执法人员不具备执法资格）')
  const first = (pred: (e: { type: string; status: string | null }) => boolean) =>
    input.events
      .filter(pred)
      .map((e) => e.date)
      .sort()[0]
  const filed = first((e) => e.type === 'filed')
  const investigated = first((e) => e.status === 'investigating')
  const notice = first((e) => e.type === 'notice_served')
  const decided = first((e) => e.type === 'decided')
  if (input.procedure === 'general') {
    if (investigated && filed && investigated < filed) veto.push('先调查后立案（程序倒置）')
    if (decided && (!notice || decided < notice)) veto.push('未告知即作出处罚决定（程序违法）')
  }
  for (const d of input.docs.filter((x) => x.type.startsWith('penalty_decision') || x.type === 'onsite_penalty_decision')) {
    if (!d.fields.violatedProvision || !d.fields.penaltyBasis) veto.push(`${d.title}未载明违反条款或处罚依据`)
  }
  const onTime = (code: string, label: string, max: number): ReviewItem => {
    const d = input.deadlines.find((x) => x.code === code)
    if (!d) return { criterion: label, max, score: max, note: '不适用' }
    if (d.metAt === null) return { criterion: label, max, score: 0, note: `未完成（期限${d.due}）` }
    return d.metAt <= d.due
      ? { criterion: label, max, score: max, note: `按期（${d.metAt}，期限${d.due}）` }
      : { criterion: label, max, score: 0, note: `超期（${d.metAt}，期限${d.due}）` }
  }
  const missingOf = (code: string) => input.completeness.missing.filter((m) => m.code === code)
  const items: ReviewItem[] = [
    onTime('filing', '及时立案', 10),
    onTime('decision', '在法定期限内作出决定', 15),
    onTime('service', '决定书7个工作日内送达', 10),
    onTime('publicity', '处罚决定7个工作日内公示', 10),
    {
      criterion: '文书齐全',
      max: 20,
      score: Math.max(0, 20 - 5 * missingOf('DOCUMENT_MISSING').length),
      note:
        missingOf('DOCUMENT_MISSING')
          .map((m) => m.message)
          .join('；') || '齐全'
    },
    {
      criterion: '外部文书均有送达回执',
      max: 15,
      score: Math.max(0, 15 - 5 * missingOf('RECEIPT_MISSING').length),
      note:
        missingOf('RECEIPT_MISSING')
          .map((m) => m.message)
          .join('；') || '齐全'
    },
    {
      criterion: '须签字文书有签字原件',
      max: 10,
      score: Math.max(0, 10 - 2 * missingOf('SCAN_MISSING').length),
      note: missingOf('SCAN_MISSING').length ? `缺${missingOf('SCAN_MISSING').length}份签字扫描件` : '齐全'
    },
    {
      criterion: '证据及音像记录',
      max: 10,
      score: missingOf('EVIDENCE_MISSING').length || missingOf('AV_MISSING').length ? 0 : 10,
      note: [...missingOf('EVIDENCE_MISSING'), ...missingOf('AV_MISSING')].map((m) => m.message).join('；') || '齐全'
    }
  ]
  const score = items.reduce((n, i) => n + i.score, 0)
  const grade = veto.length ? '不合格' : score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格'
  return { veto, items, score, grade }
}
