/**
 * What may be done with a case's documents: void an issued one, correct an issued or voided one, and which
 * group of the type picker a document type belongs to. The document views carry these. Pure.
 */
export const DOC_GROUPS = ['inspection', 'investigation', 'notice', 'decision', 'execution', 'approval', 'other'] as const
export type DocGroup = (typeof DOC_GROUPS)[number]

/** the built-in types by id; agency-added ids fall back to their titles */
const GROUP_OF: Record<string, DocGroup> = {
  inspection_record: 'inspection',
  rectification_order: 'inspection',
  reinspection_opinion: 'inspection',
  onsite_measure_decision: 'inspection',
  questioning_notice: 'investigation',
  questioning_transcript: 'investigation',
  evidence_preservation_notice: 'investigation',
  penalty_notice: 'notice',
  hearing_notice: 'notice',
  statement_record: 'notice',
  penalty_decision_org: 'decision',
  penalty_decision_person: 'decision',
  onsite_penalty_decision: 'decision',
  service_receipt: 'execution',
  fine_demand_notice: 'execution',
  case_transfer: 'execution',
  case_filing_approval: 'approval',
  case_handling_approval: 'approval',
  legal_review_opinion: 'approval',
  collective_discussion_record: 'approval',
  case_closing_approval: 'approval'
}

/** The picker group of a document type: by id for the built-in ones, by words of the title otherwise. */
export function documentGroup(id: string, title: string): DocGroup {
  const known = GROUP_OF[id]
  if (known) return known
  if (/审批|呈批|审核|集体讨论/.test(title)) return 'approval'
  if (/检查|整改|复查/.test(title)) return 'inspection'
  if (/询问|笔录|证据|勘验|调查/.test(title)) return 'investigation'
  if (/告知|听证|陈述/.test(title)) return 'notice'
  if (/决定/.test(title)) return 'decision'
  if (/催告|催缴|执行|送达|移送/.test(title)) return 'execution'
  return 'other'
}

type DocStatus = 'draft' | 'issued' | 'voided'

/**
 * An issued document may be voided; an issued or voided one may get a corrected version, unless one is
 * already being drafted (`all`: the case's documents).
 */
export function documentActions(
  d: { id: number; status: DocStatus },
  all: readonly { supersedesId: number | null; status: DocStatus }[]
): { canVoid: boolean; canCorrect: boolean } {
  return {
    canVoid: d.status === 'issued',
    canCorrect: d.status !== 'draft' && !all.some((x) => x.supersedesId === d.id && x.status === 'draft')
  }
}
