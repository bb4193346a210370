/**
 * 法制审核 (legal review of major decisions, DOMAIN.md §4, §9 `LegalReview`): outcomes, the written opinion
 * covering the seven aspects, reviewer eligibility and the materials checklist. Pure.
 */
import { z } from 'zod'
import { isGeneralDecisionType } from './decisions'

export const REVIEW_OUTCOMES = ['approved', 'approved_with_changes', 'rejected', 'returned'] as const
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  approved: '同意',
  approved_with_changes: '修改后同意',
  rejected: '不同意',
  returned: '退回补充材料'
}
/** The conclusion options of the 法制审核意见书 form for each outcome. */
export const OPINION_FORM_CONCLUSION: Record<ReviewOutcome, string> = {
  approved: '同意',
  approved_with_changes: '建议修改后同意',
  rejected: '不同意',
  returned: '退回补充调查'
}

export const REVIEW_STATUSES = ['in_review', ...REVIEW_OUTCOMES] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { in_review: '审核中', ...REVIEW_OUTCOME_LABELS }

/** The head's final call after the handlers disagreed with the opinion (every path leads back to review). */
export const HEAD_DECISIONS = ['revise', 'resubmit', 'discussion'] as const
export type HeadDecision = (typeof HEAD_DECISIONS)[number]
export const HEAD_DECISION_LABELS: Record<HeadDecision, string> = {
  revise: '按法制审核意见修改后重新提交审核',
  resubmit: '维持承办意见，附协调意见重新提交审核',
  discussion: '提交负责人集体讨论'
}

/** Rights a party may waive in writing after the notice (行政处罚法第六十二条). */
export const WAIVER_RIGHTS = ['statement', 'hearing'] as const
export type WaiverRight = (typeof WAIVER_RIGHTS)[number]

/** The seven aspects every opinion covers (主体、事实、证据、依据、程序、裁量、文书). */
export const REVIEW_ASPECTS = ['subject', 'facts', 'evidence', 'basis', 'procedure', 'discretion', 'documents'] as const
export type ReviewAspect = (typeof REVIEW_ASPECTS)[number]
export const REVIEW_ASPECT_LABELS: Record<ReviewAspect, string> = {
  subject: '执法主体与人员资格',
  facts: '事实认定',
  evidence: '证据',
  basis: '适用依据',
  procedure: '程序',
  discretion: '裁量',
  documents: '文书'
}
/** The opinion form's yes/no boxes for each aspect. */
export const ASPECT_FORM_FIELD: Record<ReviewAspect, string> = {
  subject: 'okSubject',
  facts: 'okFacts',
  evidence: 'okEvidence',
  basis: 'okLaw',
  procedure: 'okProcedure',
  discretion: 'okDiscretion',
  documents: 'okDocuments'
}

const AspectSchema = z.object({ ok: z.boolean(), note: z.string().trim().max(2000).default('') })

export const ReviewDecisionSchema = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES, { message: '请选择审核结论' }),
    aspects: z.object(Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, AspectSchema])) as Record<ReviewAspect, typeof AspectSchema>),
    /** 是否涉嫌犯罪应当移送司法机关 */
    crimeSuspected: z.boolean().default(false),
    opinion: z.string().trim().min(10, { message: '审核意见至少10个字' }).max(5000),
    /** what must change (修改后同意) or what must be added (退回补充材料) */
    changes: z.string().trim().max(3000).default('')
  })
  .superRefine((d, ctx) => {
    const failed = REVIEW_ASPECTS.filter((a) => !d.aspects[a].ok)
    for (const a of failed) {
      if (!d.aspects[a].note)
        ctx.addIssue({ code: 'custom', path: ['aspects', a, 'note'], message: `“${REVIEW_ASPECT_LABELS[a]}”存在问题的，请写明具体意见` })
    }
    if (d.outcome === 'approved' && failed.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: `结论为“同意”，但“${failed.map((a) => REVIEW_ASPECT_LABELS[a]).join('、')}”存在问题；请改为修改后同意、不同意或者退回补充材料`
      })
    }
    if (d.outcome === 'approved' && d.crimeSuspected)
      ctx.addIssue({ code: 'custom', path: ['crimeSuspected'], message: '涉嫌犯罪应当移送司法机关，不能同意作出行政处罚决定' })
    if (d.outcome !== 'approved' && !failed.length && !d.changes) {
      ctx.addIssue({
        code: 'custom',
        path: ['changes'],
        message: `结论为“${REVIEW_OUTCOME_LABELS[d.outcome]}”，请写明存在的问题或者需要修改、补充的内容`
      })
    }
    if ((d.outcome === 'approved_with_changes' || d.outcome === 'returned') && !d.changes) {
      ctx.addIssue({
        code: 'custom',
        path: ['changes'],
        message: d.outcome === 'returned' ? '请写明需要补充的材料或者调查事项' : '请写明需要修改的内容'
      })
    }
  })
export type ReviewDecision = z.output<typeof ReviewDecisionSchema>

export interface ReviewerCandidate {
  id: number
  name: string
  legalReviewer: boolean
  active: boolean
}

/** The reviewer must be a qualified legal reviewer (法制审核人员), active, and not a handler of the case. */
export function reviewerProblem(r: ReviewerCandidate | null, caseOfficerIds: readonly number[]): string | null {
  if (!r) return '未找到该审核人员'
  if (!r.active) return `${r.name}已停用，不能担任法制审核人员`
  if (!r.legalReviewer) return `${r.name}不具备法制审核人员资格（首次从事法制审核的人员应当取得法律职业资格，行政处罚法第五十八条第二款）`
  if (caseOfficerIds.includes(r.id)) return `${r.name}是本案承办人员，不能审核本案（审核与承办应当分离）`
  return null
}

/** One line of the materials checklist submitted with a review (DOMAIN.md §4 "Materials submitted"). */
export const MaterialItemSchema = z.object({
  code: z.string(),
  label: z.string(),
  mandatory: z.boolean(),
  present: z.boolean(),
  /** the documents or evidence that satisfy it */
  refs: z.array(
    z.object({ kind: z.enum(['document', 'evidence']), id: z.number().int(), title: z.string(), status: z.string().optional() })
  )
})
export type MaterialItem = z.output<typeof MaterialItemSchema>

export interface MaterialsInput {
  documents: readonly { id: number; type: string; title: string; status: 'draft' | 'issued' | 'voided' }[]
  evidence: readonly { id: number; kind: 'evidence' | 'scan' | 'av'; description: string }[]
  hearingHeld: boolean
}

/** The mandatory 送审材料 not yet in the case: what the submit dialog and the CLI warn about. */
export function missingMaterials(items: readonly MaterialItem[]): MaterialItem[] {
  return items.filter((m) => m.mandatory && !m.present)
}

export function materialsChecklist(input: MaterialsInput): MaterialItem[] {
  const docs = input.documents.filter((d) => d.status !== 'voided')
  const ofTypes = (types: readonly string[], issuedOnly = false) =>
    docs
      .filter((d) => types.includes(d.type) && (!issuedOnly || d.status === 'issued'))
      .map((d) => ({ kind: 'document' as const, id: d.id, title: d.title, status: d.status }))
  const item = (code: string, label: string, mandatory: boolean, refs: MaterialItem['refs']): MaterialItem => ({
    code,
    label,
    mandatory,
    present: refs.length > 0,
    refs
  })
  const evid = input.evidence
    .filter((e) => e.kind === 'evidence')
    .map((e) => ({ kind: 'evidence' as const, id: e.id, title: e.description }))
  const av = input.evidence.filter((e) => e.kind === 'av').map((e) => ({ kind: 'evidence' as const, id: e.id, title: e.description }))
  const list = [
    item('filing', '立案审批表', true, ofTypes(['case_filing_approval'])),
    item(
      'investigation',
      '调查取证材料（检查记录、询问笔录等）',
      true,
      ofTypes(['inspection_record', 'questioning_transcript', 'evidence_preservation_notice'])
    ),
    item('evidence', '证据材料', true, evid),
    item('proposal', '案件处理呈批表（调查终结及处理意见）', true, ofTypes(['case_handling_approval'])),
    item(
      'decision_draft',
      '拟作出的处理决定书（草稿）',
      true,
      docs
        .filter((d) => isGeneralDecisionType(d.type) && d.status === 'draft')
        .map((d) => ({ kind: 'document' as const, id: d.id, title: d.title, status: d.status }))
    ),
    item('notice', '行政处罚告知书或者听证告知书（已告知的）', false, ofTypes(['penalty_notice', 'hearing_notice'], true)),
    item('statement', '陈述申辩笔录（当事人陈述申辩的）', false, ofTypes(['statement_record'])),
    item('av', '音像记录', false, av)
  ]
  if (input.hearingHeld) {
    list.push(item('hearing_transcript', '听证笔录', true, ofTypes(['hearing_transcript'])))
    list.push(item('hearing_report', '听证会报告书', true, ofTypes(['hearing_report'])))
  }
  return list
}
