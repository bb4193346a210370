/**
 * Approvals by a head (负责人审批) and the moves of the status machine that only a dedicated step may make.
 * 立案审批 and 结案审批 move the case on; 案件处理审批 is recorded and printed on its form. 立卷 and 归档 are
 * made only by the archive job, which produces the package, the archive number and the seal. Pure.
 */
import { allowedTransitions, type CaseStatus, type Procedure } from './case'

export const APPROVAL_KINDS = ['filing', 'handling', 'closing'] as const
export type ApprovalKind = (typeof APPROVAL_KINDS)[number]
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  filing: '立案审批',
  handling: '案件处理审批',
  closing: '结案审批'
}

export const APPROVAL_OUTCOMES = ['approved', 'rejected'] as const
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number]
export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, string> = { approved: '同意', rejected: '不同意' }

/** The approval form (templates/manifest.json) each approval fills, and the field that carries the head's opinion. */
export const APPROVAL_FORMS: Record<ApprovalKind, { type: string; field: string }> = {
  filing: { type: 'case_filing_approval', field: 'headOpinion' },
  handling: { type: 'case_handling_approval', field: 'headDecision' },
  closing: { type: 'case_closing_approval', field: 'headOpinion' }
}

/** 案件处理审批: after the internal review and before the decision (general procedure). */
const HANDLING_STATUSES: readonly CaseStatus[] = ['internal_review', 'legal_review', 'notice', 'hearing', 'discussion']

/** The approvals a head may record on a case in this status. */
export function availableApprovals(procedure: Procedure, status: CaseStatus): ApprovalKind[] {
  const kinds: ApprovalKind[] = []
  if (procedure === 'general' && status === 'filing_approval') kinds.push('filing')
  if (procedure === 'general' && HANDLING_STATUSES.includes(status)) kinds.push('handling')
  if (status === 'closing_approval') kinds.push('closing')
  return kinds
}

/**
 * Where an approval moves the case: 立案审批 approved → 已立案 (with its number, through 立案), rejected → 不予立案
 * (DOMAIN.md side exit); 结案审批 approved → 已结案, rejected → back to 执行中. 案件处理审批 moves nothing.
 */
export function approvalMove(kind: ApprovalKind, outcome: ApprovalOutcome): CaseStatus | null {
  if (kind === 'filing') return outcome === 'approved' ? 'filed' : 'not_filed'
  if (kind === 'closing') return outcome === 'approved' ? 'closed' : 'executing'
  return null
}

/** The text written into the form's head-opinion field: the opinion, the head's name and the date. */
export function approvalFormText(outcome: ApprovalOutcome, opinion: string, approverName: string, date: string): string {
  const [y, m, d] = date.split('-')
  return `${APPROVAL_OUTCOME_LABELS[outcome]}。${opinion}\n负责人：${approverName}\u3000${Number(y)}年${Number(m)}月${Number(d)}日`
}

/** The dedicated steps (their contract channel) that alone may make some moves. */
export type CaseStep = 'approvals.record' | 'dossiers.archive'

export interface StepRequirement {
  step: CaseStep
  message: string
}

const STEPPED: Partial<Record<`${CaseStatus}>${CaseStatus}`, StepRequirement>> = {
  'filing_approval>filed': { step: 'approvals.record', message: '请通过「立案审批」完成此步骤（由负责人审批）' },
  'closing_approval>closed': { step: 'approvals.record', message: '请通过「结案审批」完成此步骤（由负责人审批）' },
  'closed>dossier': { step: 'dossiers.archive', message: '立卷和归档只能通过「归档」作业完成' },
  'dossier>archived': { step: 'dossiers.archive', message: '立卷和归档只能通过「归档」作业完成' }
}

/** Statuses only a step reaches, from wherever the case is: asked of 推进 they name the step that must be done. */
const STEP_ONLY: Partial<Record<CaseStatus, StepRequirement>> = {
  closed: { step: 'approvals.record', message: '结案须经负责人「结案审批」：请先推进至结案审批，由负责人审批' },
  dossier: { step: 'dossiers.archive', message: '立卷和归档只能通过「归档」作业完成（案件须先经结案审批结案）' },
  archived: { step: 'dossiers.archive', message: '立卷和归档只能通过「归档」作业完成（案件须先经结案审批结案）' }
}

/** The step a move needs, or null when 推进 (cases.transition) may make it. */
export function stepRequired(from: CaseStatus, to: CaseStatus): StepRequirement | null {
  return STEPPED[`${from}>${to}`] ?? STEP_ONLY[to] ?? null
}

/** The moves 推进 may offer: the machine's moves that no dedicated step owns. */
export function manualTransitions(procedure: Procedure, from: CaseStatus): CaseStatus[] {
  return allowedTransitions(procedure, from).filter((to) => !stepRequired(from, to))
}
