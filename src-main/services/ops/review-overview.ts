/**
 * What the review screen shows for a case (triggers, materials, rounds, reviewers, gates, hearings, waivers,
 * discussions): one read model, returned by review.show and by every hearing and review step after it changes.
 */
import { CASE_STATUS_LABELS, DECIDED_STATUSES } from '../../core/case'
import { canRequestHearing, canSubmitReview, hearingActions, roundActions } from '../../core/review-actions'
import { decisionKind, isDecisionType } from '../../core/decisions'
import { decisionGate } from '../../core/gates'
import { materialsChecklist, missingMaterials, REVIEW_OUTCOME_LABELS } from '../../core/legal-review'
import type { Scope } from '../../store/engine/engine'
import { caseOfficers } from '../../store/repos/cases'
import { caseDocuments, type DocumentRecord } from '../../store/repos/documents'
import { findOfficer, listOfficers } from '../../store/repos/officers'
import { caseDiscussions, caseHearings, caseReviews, caseWaivers, getProfile, type ReviewRecord } from '../../store/repos/review'
import { caseEvidence } from '../../store/repos/evidence'
import { mustCase } from '../guards'
import { assessCase } from './assessment'
import { gateState } from './review-gates'

/** A review round with its reviewer's name and status label. */
export async function reviewView(db: Scope, r: ReviewRecord) {
  const reviewer = await findOfficer(db, r.reviewerId)
  return { ...r, reviewerName: reviewer?.name ?? '', statusLabel: r.status === 'in_review' ? '审核中' : REVIEW_OUTCOME_LABELS[r.status] }
}

/** The newest decision document still in draft. */
export async function latestDecisionDraft(db: Scope, caseId: number): Promise<DocumentRecord | null> {
  return (await caseDocuments(db, caseId)).filter((d) => isDecisionType(d.type) && d.status === 'draft').at(-1) ?? null
}

/** The materials checklist of a submission, as the case stands now. */
export async function materialsNow(db: Scope, caseId: number) {
  return materialsChecklist({
    documents: (await caseDocuments(db, caseId)).map((d) => ({ id: d.id, type: d.type, title: d.title, status: d.status })),
    evidence: (await caseEvidence(db, caseId)).map((e) => ({ id: e.id, kind: e.kind, description: e.description })),
    hearingHeld: (await caseHearings(db, caseId)).some((h) => h.status === 'held')
  })
}

/** Active legal reviewers by name; a handler of the case is listed but not eligible. */
async function reviewerOptions(db: Scope, caseId: number) {
  const officerIds = ((await caseOfficers(db, [caseId])).get(caseId) ?? []).map((o) => o.officerId)
  return (await listOfficers(db, false))
    .filter((o) => o.legalReviewer)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((o) => ({ id: o.id, name: o.name, eligible: !officerIds.includes(o.id), reason: officerIds.includes(o.id) ? '本案承办人员' : '' }))
}

export async function reviewOverview(db: Scope, caseId: number, today: string) {
  const c = await mustCase(db, caseId)
  const a = await assessCase(db, c.id, today)
  const profile = await getProfile(db, c.id)
  const draft = await latestDecisionDraft(db, c.id)
  const gates =
    c.procedure === 'general'
      ? decisionGate(await gateState(db, c.id, { draft, decisionDate: today, kind: draft ? decisionKind(draft.type) : 'penalty' }))
      : []
  const materials = await materialsNow(db, c.id)
  return {
    caseId: c.id,
    caseName: c.name,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    procedure: c.procedure,
    catalogueVersion: a.catalogueVersion,
    triggers: a.triggers,
    facts: a.facts,
    hearing: a.hearing,
    discussionRequired: a.discussionRequired,
    profile,
    manualFlagOptions: a.catalogue.manualFlags,
    materials,
    missingMaterials: missingMaterials(materials),
    decisionDraft: draft ? { id: draft.id, title: draft.title, revision: draft.revision } : null,
    rounds: await Promise.all(
      (await caseReviews(db, c.id)).map(async (r, _, all) => ({ ...(await reviewView(db, r)), ...roundActions(r, all, today) }))
    ),
    canSubmit: canSubmitReview((await caseReviews(db, c.id)).at(-1) ?? null, gates, DECIDED_STATUSES.includes(c.status)),
    decided: DECIDED_STATUSES.includes(c.status),
    reviewers: await reviewerOptions(db, c.id),
    gates,
    hearings: (await caseHearings(db, c.id)).map((h) => ({ ...h, ...hearingActions(h) })),
    canRequestHearing: canRequestHearing(await caseHearings(db, c.id)),
    waivers: await caseWaivers(db, c.id),
    discussions: await caseDiscussions(db, c.id)
  }
}
