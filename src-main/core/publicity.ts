/**
 * 行政处罚决定公示 (DOMAIN.md §5, §9 `Publicity`, rule 12): the 双公示 record built from an issued decision, with
 * personal data redacted, its display periods, the status machine, and the website exports. Pure.
 */
import { z } from 'zod'
import { chineseDate } from './dates'
import { redactText, findSensitive, maskIdNumber, type RedactionHit, type RedactionSubject } from './redaction'
import { esc, htmlTable, htmlPage, csv, type Table } from './tables'

/** the decision documents whose issue is published (双公示) */
export const PUBLISHABLE_TYPES: readonly string[] = ['penalty_decision_org', 'penalty_decision_person', 'onsite_penalty_decision']

export const PUBLICITY_STATUSES = ['pending', 'published', 'withdrawn', 'corrected', 'expired', 'removed_early'] as const
export type PublicityStatus = (typeof PUBLICITY_STATUSES)[number]
export const PUBLICITY_STATUS_LABELS: Record<PublicityStatus, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawn: '已撤回',
  corrected: '已更正',
  expired: '已到期下架',
  removed_early: '信用修复提前下架'
}

/** Why a published record comes down. */
export const WITHDRAW_REASONS = ['revoked', 'changed', 'unlawful', 'void', 'credit_repair', 'expired'] as const
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number]
export const WITHDRAW_REASON_LABELS: Record<WithdrawReason, string> = {
  revoked: '处罚决定被撤销',
  changed: '处罚决定被变更',
  unlawful: '处罚决定被确认违法',
  void: '处罚决定被确认无效',
  credit_repair: '信用修复提前下架',
  expired: '公示期满下架'
}

/**
 * Display periods (国家发展改革委令第58号, 2023): penalty information at least 3 months and at most 3 years;
 * 安全生产 penalties at least 1 year. Counted from the decision date.
 */
export const PublicityPolicySchema = z.object({
  minMonths: z.number().int().min(0).max(120),
  maxMonths: z.number().int().min(1).max(120),
  /** warning-only decisions: published or not (market regulation does not publish them) */
  publishWarnings: z.boolean()
})
export type PublicityPolicy = z.output<typeof PublicityPolicySchema>
export const DEFAULT_PUBLICITY_POLICY: PublicityPolicy = { minMonths: 12, maxMonths: 36, publishWarnings: true }

export function addMonthsIso(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const idx = y * 12 + (m - 1) + n
  const ty = Math.floor(idx / 12)
  const tm = (idx % 12) + 1
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate()
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function displayPeriod(decisionDate: string, policy: PublicityPolicy): { minUntil: string; maxUntil: string } {
  return { minUntil: addMonthsIso(decisionDate, policy.minMonths), maxUntil: addMonthsIso(decisionDate, policy.maxMonths) }
}

export const PARTY_CATEGORY = { org: '法人及非法人组织', sole: '个体工商户', person: '自然人' } as const

export interface PublicityParty {
  kind: 'org' | 'sole' | 'person'
  name: string
  creditCode?: string
  idNumber?: string
  operatorIdNumber?: string
  legalRep?: string
  phone?: string
  address?: string
}

export interface PublicitySource {
  caseName: string
  cause: string
  decision: {
    number: string
    date: string
    facts: string
    violatedProvision: string
    penaltyBasis: string
    penalty: string
    fine: number | null
    warning: boolean
  }
  measures: readonly string[]
  confiscation: number
  party: PublicityParty
  /** other persons of the case (principals penalised too, witnesses named in the facts) whose data must go */
  otherPersons: readonly PublicityParty[]
  /** the agency's own phone is public: never masked */
  agency: { name: string; creditCode: string; phone?: string }
  /** extra strings to treat as personal (configured addresses, bank accounts) */
  extra?: RedactionSubject
}

/** The 双公示 record (信用中国 administrative-penalty fields, DOMAIN.md §5). Every text is already redacted. */
export const PublicityRecordSchema = z.object({
  caseName: z.string(),
  decisionNumber: z.string(),
  partyName: z.string(),
  partyCategory: z.string(),
  creditCode: z.string(),
  /** natural persons: the masked ID number; never the full one */
  idNumberMasked: z.string(),
  legalRep: z.string(),
  violationType: z.string(),
  facts: z.string(),
  basis: z.string(),
  penaltyType: z.string(),
  penaltyContent: z.string(),
  /** 万元, as the 双公示 standard asks */
  fineWan: z.string(),
  confiscationWan: z.string(),
  licence: z.string(),
  decisionDate: z.string(),
  publicFrom: z.string(),
  minUntil: z.string(),
  publicUntil: z.string(),
  agencyName: z.string(),
  agencyCreditCode: z.string(),
  dataSource: z.string(),
  dataSourceCode: z.string(),
  remarks: z.string()
})
export type PublicityRecord = z.output<typeof PublicityRecordSchema>

function subjectsOf(p: PublicityParty): RedactionSubject {
  const ids = [p.idNumber, p.operatorIdNumber].filter((x): x is string => !!x)
  const personal = p.kind !== 'org'
  return {
    idNumbers: ids,
    phones: personal && p.phone ? [p.phone] : [],
    // a person's home address; a sole proprietor's business premises is not private
    addresses: p.kind === 'person' && p.address ? [p.address] : []
  }
}

function mergeSubjects(list: readonly RedactionSubject[]): RedactionSubject {
  return {
    idNumbers: list.flatMap((s) => s.idNumbers ?? []),
    phones: list.flatMap((s) => s.phones ?? []),
    addresses: list.flatMap((s) => s.addresses ?? []),
    bankAccounts: list.flatMap((s) => s.bankAccounts ?? [])
  }
}

const wan = (yuan: number) => (yuan > 0 ? (Math.round(yuan * 100) / 1_000_000).toFixed(6).replace(/0+$/, '').replace(/\.$/, '') : '')

export function penaltyTypes(s: Pick<PublicitySource, 'decision' | 'measures' | 'confiscation'>): string[] {
  const out: string[] = []
  if (s.decision.warning || /警告/.test(s.decision.penalty)) out.push('警告')
  if ((s.decision.fine ?? 0) > 0) out.push('罚款')
  if (s.confiscation > 0) out.push('没收违法所得、没收非法财物')
  for (const m of s.measures) out.push(m)
  return out
}

/**
 * Build the record. Natural persons' ID numbers, phones, home addresses and bank accounts are removed from
 * every text field; organisation names and credit codes (the party's and the agency's) are kept verbatim.
 */
export function buildPublicityRecord(src: PublicitySource, policy: PublicityPolicy): { record: PublicityRecord; hits: RedactionHit[] } {
  const persons = [src.party, ...src.otherPersons]
  const subjects = mergeSubjects([...persons.map(subjectsOf), src.extra ?? {}])
  const keep = [
    src.agency.name,
    src.agency.creditCode,
    src.agency.phone ?? '',
    ...persons.filter((p) => p.kind !== 'person').flatMap((p) => [p.name, p.creditCode ?? ''])
  ].filter((x) => x.length > 0)
  const hits: RedactionHit[] = []
  const clean = (text: string) => {
    const r = redactText(text, subjects, { keep, idMask: 'partial' })
    hits.push(...r.hits)
    return r.text
  }
  const { minUntil, maxUntil } = displayPeriod(src.decision.date, policy)
  const p = src.party
  const record: PublicityRecord = {
    caseName: clean(src.caseName),
    decisionNumber: src.decision.number,
    partyName: p.name,
    partyCategory: PARTY_CATEGORY[p.kind],
    creditCode: p.kind === 'person' ? '' : (p.creditCode ?? ''),
    idNumberMasked: p.kind === 'person' && p.idNumber ? maskIdNumber(p.idNumber, 'partial') : '',
    legalRep: p.kind === 'person' ? '' : (p.legalRep ?? ''),
    violationType: clean(src.cause),
    facts: clean(src.decision.facts),
    basis: clean(
      [
        src.decision.violatedProvision && `违反${src.decision.violatedProvision}`,
        src.decision.penaltyBasis && `依据${src.decision.penaltyBasis}`
      ]
        .filter(Boolean)
        .join('；')
    ),
    penaltyType: penaltyTypes(src).join('；'),
    penaltyContent: clean(src.decision.penalty),
    fineWan: wan(src.decision.fine ?? 0),
    confiscationWan: wan(src.confiscation),
    licence: src.measures.filter((m) => /许可|证书/.test(m)).join('；'),
    decisionDate: src.decision.date,
    publicFrom: src.decision.date,
    minUntil,
    publicUntil: maxUntil,
    agencyName: src.agency.name,
    agencyCreditCode: src.agency.creditCode,
    dataSource: src.agency.name,
    dataSourceCode: src.agency.creditCode,
    remarks: ''
  }
  return { record, hits }
}

/** A final guard before anything leaves the building: what would still be masked in a record's texts. */
export function residualSensitive(record: PublicityRecord, subjects: RedactionSubject, keep: readonly string[]): RedactionHit[] {
  const texts = [
    record.caseName,
    record.facts,
    record.basis,
    record.penaltyContent,
    record.violationType,
    record.remarks,
    record.legalRep,
    record.partyName
  ]
  return texts.flatMap((t) => findSensitive(t, subjects, { keep: [...keep] }))
}

/** 决定书摘要: the summary-form publication of a decision (DOMAIN.md §5). */
export function summaryText(r: PublicityRecord): string {
  const who =
    r.partyCategory === '自然人'
      ? `${r.partyName}${r.idNumberMasked ? `（身份证号码：${r.idNumberMasked}）` : ''}`
      : `${r.partyName}（统一社会信用代码：${r.creditCode || '无'}${r.legalRep ? `；法定代表人或者负责人：${r.legalRep}` : ''}）`
  return [
    `行政处罚决定书文号：${r.decisionNumber}`,
    `当事人：${who}`,
    `主要违法事实：${r.facts}`,
    `处罚依据：${r.basis}`,
    `处罚内容：${r.penaltyContent}`,
    `作出处罚决定的机关：${r.agencyName}`,
    `作出处罚决定的日期：${chineseDate(r.decisionDate)}`,
    `公示期限：${chineseDate(r.publicFrom)}至${chineseDate(r.publicUntil)}`
  ].join('\n')
}

/** Column order and headers of the 双公示 export (CSV, HTML). */
export const RECORD_COLUMNS: [keyof PublicityRecord, string][] = [
  ['caseName', '案件名称'],
  ['partyName', '行政相对人名称'],
  ['partyCategory', '行政相对人类别'],
  ['creditCode', '统一社会信用代码'],
  ['idNumberMasked', '证件号码（已隐去部分）'],
  ['legalRep', '法定代表人'],
  ['decisionNumber', '行政处罚决定书文号'],
  ['violationType', '违法行为类型'],
  ['facts', '违法事实'],
  ['basis', '处罚依据'],
  ['penaltyType', '处罚类别'],
  ['penaltyContent', '处罚内容'],
  ['fineWan', '罚款金额（万元）'],
  ['confiscationWan', '没收违法所得、没收非法财物的金额（万元）'],
  ['licence', '暂扣或者吊销证照名称及编号'],
  ['decisionDate', '处罚决定日期'],
  ['publicUntil', '公示截止期'],
  ['agencyName', '处罚机关'],
  ['agencyCreditCode', '处罚机关统一社会信用代码'],
  ['dataSource', '数据来源单位'],
  ['dataSourceCode', '数据来源单位统一社会信用代码'],
  ['remarks', '备注']
]

export function recordsTable(records: readonly PublicityRecord[]): Table {
  return {
    title: '行政处罚决定公示',
    headers: RECORD_COLUMNS.map(([, h]) => h),
    rows: records.map((r) => RECORD_COLUMNS.map(([k]) => String(r[k] ?? '')))
  }
}

export function recordsCsv(records: readonly PublicityRecord[]): string {
  return csv(recordsTable(records))
}

export function recordsJson(records: readonly PublicityRecord[], meta: { agency: string; generatedOn: string }): string {
  return JSON.stringify({ schema: 'casebinder.publicity/1', agency: meta.agency, generatedOn: meta.generatedOn, records }, null, 2) + '\n'
}

export function recordsHtml(records: readonly PublicityRecord[], meta: { agency: string; generatedOn: string }): string {
  const summaries = records
    .map(
      (r) =>
        `<article><h3>${esc(r.decisionNumber)}</h3>${summaryText(r)
          .split('\n')
          .map((l) => `<p>${esc(l)}</p>`)
          .join('')}</article>`
    )
    .join('\n')
  return htmlPage(
    `${meta.agency}<br>行政处罚决定公示`,
    `更新日期：${chineseDate(meta.generatedOn)}\u3000共${records.length}件`,
    `${htmlTable(recordsTable(records))}\n<section><h2>行政处罚决定书摘要</h2>\n${summaries}\n</section>`
  )
}

/** The status a published record shows on `today`: past the maximum period it is due to come down. */
export function effectiveStatus(status: PublicityStatus, maxUntil: string, today: string): PublicityStatus {
  return status === 'published' && today > maxUntil ? 'expired' : status
}
