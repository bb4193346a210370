/**
 * The decision gates as every door meets them: gather a case's state for the pure rules in core/gates, list
 * what blocks a decision document, and refuse with a typed error naming the missing step.
 */
import { decisionKind, isDecisionType } from '../../core/decisions'
import { appError } from '../../core/errors'
import { decisionGate, type GateProblem, type GateState } from '../../core/gates'
import type { Scope } from '../../store/engine/engine'
import { caseEvents } from '../../store/repos/cases'
import { caseDeadlines } from '../../store/repos/case-deadlines'
import { caseDocuments, type DocumentRecord } from '../../store/repos/documents'
import { caseDiscussions, caseHearings, caseReviews, caseWaivers } from '../../store/repos/review'
import { mustCase } from '../guards'
import { assessCase, live, num } from './assessment'

/** Collect the state the gates look at. `draft` is the decision document being issued, or null. */
export async function gateState(
  db: Scope,
  caseId: number,
  opts: { draft: DocumentRecord | null; decisionDate: string; kind: 'penalty' | 'no_penalty' }
): Promise<GateState> {
  const c = await mustCase(db, caseId)
  const a = await assessCase(db, caseId, opts.decisionDate)
  const events = await caseEvents(db, caseId)
  const docs = live(await caseDocuments(db, caseId))
  const notices = docs.filter((d) => (d.type === 'penalty_notice' || d.type === 'hearing_notice') && d.status === 'issued')
  const lastNotice = notices.at(-1)
  const servedOn =
    events
      .filter((e) => e.type === 'notice_served')
      .map((e) => e.date)
      .sort()
      .at(-1) ?? null
  const dl = new Map((await caseDeadlines(db, caseId)).map((d) => [d.code, d.due]))
  const waivers = (await caseWaivers(db, caseId)).filter((w) => servedOn !== null && w.date >= servedOn)
  const hearing = (await caseHearings(db, caseId)).at(-1) ?? null
  const review = (await caseReviews(db, caseId)).at(-1) ?? null
  const draft = opts.draft
  const defenceReviewed =
    (draft && typeof draft.fields.defenceSummary === 'string' && draft.fields.defenceSummary.trim() !== '') ||
    docs.some(
      (d) => d.type === 'case_handling_approval' && typeof d.fields.defenceReview === 'string' && d.fields.defenceReview.trim() !== ''
    )
  const fine = draft ? num(draft.fields.fine) : c.intendedPenalty.fine > 0 ? c.intendedPenalty.fine : null
  return {
    procedure: c.procedure,
    kind: opts.kind,
    filed: c.filedOn !== null || events.some((e) => e.type === 'filed'),
    decisionDate: opts.decisionDate,
    fine,
    warning: c.intendedPenalty.warning || (draft ? /警告/.test(String(draft.fields.penalty ?? '')) : false),
    partyKinds: a.facts.partyKinds,
    triggers: a.triggers,
    draft: draft ? { id: draft.id, revision: draft.revision } : null,
    review: review ? { status: review.status, documentId: review.documentId, revision: review.documentRevision } : null,
    notice: {
      servedOn,
      fine: lastNotice ? num(lastNotice.fields.fine) : null,
      hearingRights: lastNotice ? lastNotice.type === 'hearing_notice' || lastNotice.fields.hearingEligible === true : false
    },
    windows: { statement: dl.get('statement'), hearing_request: dl.get('hearing_request') },
    waived: { statement: waivers.some((w) => w.right === 'statement'), hearing: waivers.some((w) => w.right === 'hearing') },
    hearing: hearing
      ? {
          requested: hearing.status !== 'not_eligible',
          eligible: hearing.eligible,
          held: hearing.status === 'held',
          waived: hearing.status === 'waived'
        }
      : null,
    discussionRequired: a.discussionRequired,
    discussionHeld: (await caseDiscussions(db, caseId)).some(
      (d) => d.heldOn <= opts.decisionDate && (d.conclusion === 'penalty' || d.conclusion === 'no_penalty')
    ),
    statementsMade: docs.some((d) => d.type === 'statement_record'),
    statementsReviewed: Boolean(defenceReviewed)
  }
}

/** The gate problems for issuing `doc` on `date` (empty for documents that are not decisions). */
export async function documentGate(db: Scope, doc: DocumentRecord, date: string): Promise<GateProblem[]> {
  if (!isDecisionType(doc.type)) return []
  return decisionGate(await gateState(db, doc.caseId, { draft: doc, decisionDate: date, kind: decisionKind(doc.type) }))
}

/** Throw the first problem as a typed error naming the missing step; the rest travel in details. */
export function enforceGate(problems: GateProblem[]): void {
  const first = problems[0]
  if (!first) return
  throw appError(first.code, first.message, {
    step: first.step,
    fix: first.fix,
    gates: problems,
    issues: problems.map((p) => ({ path: p.step, message: p.message }))
  })
}
