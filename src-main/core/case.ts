/**
 * Cases (案件): sources, procedures, the status machine of DOMAIN.md §9 and the hard rules checked
 * when a case is filed or decided (rules 1 and 2). Pure.
 */
import { z } from 'zod'
import { certificateState } from './officer'

export const CASE_SOURCES = ['inspection', 'complaint', 'transfer', 'assignment', 'accident', 'random'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  inspection: '监督检查发现',
  complaint: '投诉举报',
  transfer: '其他部门移送',
  assignment: '上级交办',
  accident: '事故调查',
  random: '双随机抽查'
}

export const PROCEDURES = ['summary', 'general'] as const
export type Procedure = (typeof PROCEDURES)[number]
export const PROCEDURE_LABELS: Record<Procedure, string> = { summary: '简易程序', general: '一般程序' }

export const CASE_STATUSES = [
  'registered',
  'filing_approval',
  'filed',
  'investigating',
  'internal_review',
  'legal_review',
  'notice',
  'hearing',
  'discussion',
  'decided',
  'served',
  'executing',
  'enforcement',
  'closing_approval',
  'closed',
  'dossier',
  'archived',
  'not_filed',
  'revoked',
  'terminated',
  'transferred',
  'no_penalty'
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: '案源登记',
  filing_approval: '立案审批中',
  filed: '已立案',
  investigating: '调查取证',
  internal_review: '案件审核',
  legal_review: '法制审核中',
  notice: '告知',
  hearing: '听证',
  discussion: '集体讨论',
  decided: '决定',
  served: '送达',
  executing: '执行中',
  enforcement: '催告/强制执行',
  closing_approval: '结案审批',
  closed: '已结案',
  dossier: '立卷',
  archived: '已归档',
  not_filed: '不予立案',
  revoked: '撤销',
  terminated: '终止',
  transferred: '移送',
  no_penalty: '不予处罚'
}

/** Statuses in which a case has ended (closed, archived or left by a side exit). */
export const FINISHED_CASE_STATUSES: readonly CaseStatus[] = [
  'closed',
  'dossier',
  'archived',
  'not_filed',
  'revoked',
  'terminated',
  'transferred',
  'no_penalty'
]

/** Statuses in which a decision (penalty or no penalty) has been made. */
export const DECIDED_STATUSES: readonly CaseStatus[] = [
  'decided',
  'served',
  'executing',
  'enforcement',
  'closing_approval',
  'closed',
  'dossier',
  'archived',
  'no_penalty'
]

/** Statuses in which the case is still being handled (for the workbench and the 90-day limit). */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINISHED_CASE_STATUSES.includes(s))

/** What the case screen may offer in a status: open cases take new steps; an archived case is sealed. */
export function caseActions(status: CaseStatus): { open: boolean; sealed: boolean } {
  return { open: OPEN_STATUSES.includes(status), sealed: status === 'archived' }
}

const GENERAL: Partial<Record<CaseStatus, readonly CaseStatus[]>> = {
  registered: ['filing_approval', 'filed', 'not_filed', 'transferred'],
  filing_approval: ['filed', 'not_filed', 'registered'],
  filed: ['investigating', 'revoked', 'terminated', 'transferred'],
  investigating: ['internal_review', 'revoked', 'terminated', 'transferred'],
  internal_review: ['legal_review', 'notice', 'investigating', 'no_penalty', 'revoked', 'terminated', 'transferred'],
  // review, hearing and discussion may come in either order after the notice; the decision gates
  // (core/gates.ts), not the status machine, decide whether a decision may be made
  legal_review: ['notice', 'discussion', 'decided', 'internal_review', 'investigating', 'no_penalty'],
  notice: ['hearing', 'legal_review', 'discussion', 'decided', 'internal_review', 'no_penalty', 'terminated'],
  hearing: ['legal_review', 'discussion', 'decided', 'internal_review', 'no_penalty'],
  discussion: ['decided', 'no_penalty', 'legal_review', 'investigating', 'transferred'],
  decided: ['served'],
  served: ['executing'],
  executing: ['enforcement', 'closing_approval'],
  enforcement: ['closing_approval'],
  no_penalty: ['closing_approval'],
  revoked: ['closing_approval'],
  terminated: ['closing_approval'],
  transferred: ['closing_approval'],
  closing_approval: ['closed', 'executing'],
  closed: ['dossier'],
  dossier: ['archived']
}

/** 当场处罚: no filing step; the decision is made and handed over on the spot. */
const SUMMARY: Partial<Record<CaseStatus, readonly CaseStatus[]>> = {
  registered: ['decided', 'not_filed', 'transferred'],
  decided: ['served'],
  served: ['executing'],
  executing: ['enforcement', 'closing_approval'],
  enforcement: ['closing_approval'],
  transferred: ['closing_approval'],
  closing_approval: ['closed', 'executing'],
  closed: ['dossier'],
  dossier: ['archived']
}

export function allowedTransitions(procedure: Procedure, from: CaseStatus): readonly CaseStatus[] {
  return (procedure === 'summary' ? SUMMARY : GENERAL)[from] ?? []
}

export function canTransition(procedure: Procedure, from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions(procedure, from).includes(to)
}

export const PARTY_ROLES = ['party', 'responsible_person'] as const
export const PARTY_ROLE_LABELS = { party: '当事人', responsible_person: '主要负责人（处罚到人）' } as const

/** Summary-procedure limits (行政处罚法 art. 51): a warning, or a fine up to 200 yuan (citizen) / 3,000 yuan (organisation). */
export const SUMMARY_FINE_LIMITS = { person: 200, org: 3000 } as const

export const IntendedPenaltySchema = z.object({
  warning: z.boolean().default(false),
  /** yuan */
  fine: z.number().min(0, { message: '罚款金额不能为负数' }).max(1e10).default(0)
})
export type IntendedPenalty = z.output<typeof IntendedPenaltySchema>

/**
 * A sole proprietor is a citizen for the summary-procedure limit unless configured otherwise
 * (个体工商户 are treated as natural persons in litigation; provinces differ) [verify].
 */
export function summaryProblem(
  penalty: IntendedPenalty,
  partyKinds: readonly ('org' | 'sole' | 'person')[],
  soleCountsAs: 'person' | 'org' = 'person'
): string | null {
  if (!penalty.warning && penalty.fine <= 0) return '简易程序须载明拟给予的行政处罚（警告或罚款）'
  const persons = partyKinds.some((k) => k === 'person' || (k === 'sole' && soleCountsAs === 'person'))
  const limit = persons ? SUMMARY_FINE_LIMITS.person : SUMMARY_FINE_LIMITS.org
  if (penalty.fine > limit) {
    return `罚款${penalty.fine}元超过简易程序限额（${persons ? '公民' : '法人或者其他组织'}${limit}元以下，行政处罚法第五十一条），应适用一般程序`
  }
  return null
}

export interface OfficerForRule {
  id: number
  name: string
  certNo: string
  validUntil: string
  active: boolean
}

/** Rule 1: at least two officers with distinct certificate numbers, active and valid on `onDate`. */
export function officerProblems(officers: readonly OfficerForRule[], onDate: string): { code: string; message: string }[] {
  const problems: { code: string; message: string }[] = []
  for (const o of officers) {
    if (!o.active) problems.push({ code: 'OFFICER_INACTIVE', message: `执法人员${o.name}已停用，不能承办案件` })
    else if (certificateState(o.validUntil, onDate).state === 'expired') {
      problems.push({ code: 'OFFICER_CERT_EXPIRED', message: `执法人员${o.name}的执法证（${o.certNo}）已于${o.validUntil}到期` })
    }
  }
  const distinct = new Set(officers.map((o) => o.certNo))
  if (distinct.size < 2)
    problems.unshift({ code: 'OFFICERS_TOO_FEW', message: '执法人员不得少于两人（须为持有不同执法证件的两名以上执法人员）' })
  return problems
}

/** "<party> + <violation> + 案" */
export function composeCaseName(partyName: string, cause: string): string {
  const c = cause.trim()
  // a cause already ending in 案 gets no second one, unless the 案 belongs to a word (预案, 方案, 档案 …)
  const endsAsCase = /案$/.test(c) && !/(预|方|档|备|草|提|议|图|专|个|教|文|立|结|报|审|法)案$/.test(c)
  return `${partyName.trim()}${c}${endsAsCase ? '' : '案'}`
}
