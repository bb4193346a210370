/**
 * Which document types carry a case's decision: declared once here, for the gates, the review materials, the
 * documents and the views alike.
 */

/** Document types that carry the case's decision (penalty, no penalty, and the on-the-spot decision). */
export const DECISION_TYPES = ['penalty_decision_org', 'penalty_decision_person', 'no_penalty_decision', 'onsite_penalty_decision'] as const
export type DecisionType = (typeof DECISION_TYPES)[number]

/** The on-the-spot decision (当场处罚决定书) of the summary procedure. */
export const ONSITE_DECISION_TYPE: DecisionType = 'onsite_penalty_decision'

export function isDecisionType(type: string): type is DecisionType {
  return (DECISION_TYPES as readonly string[]).includes(type)
}

/**
 * A decision of the general procedure: every decision type but the on-the-spot one, which is taken and handed
 * over at the scene without review, notice or a move of the case to 决定 by the document itself.
 */
export function isGeneralDecisionType(type: string): type is DecisionType {
  return isDecisionType(type) && type !== ONSITE_DECISION_TYPE
}

/** What a decision document decides. */
export function decisionKind(type: string): 'penalty' | 'no_penalty' {
  return type === 'no_penalty_decision' ? 'no_penalty' : 'penalty'
}
