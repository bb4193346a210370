/** A case measured against the 重大执法决定 catalogue in force: the triggers, hearing eligibility, discussion. */
import { isDecisionType } from '../../core/decisions'
import { discussionRequired, evaluateTriggers, hearingEligible, type MajorCatalogue, type Measure } from '../../core/major-decision'
import type { Scope } from '../../store/engine/engine'
import { caseParties } from '../../store/repos/cases'
import { caseDocuments, type DocumentRecord } from '../../store/repos/documents'
import { caseHearings, catalogueOn, getProfile } from '../../store/repos/review'
import { mustCase } from '../guards'

/** A form value as a number; empty means none. */
export function num(v: unknown): number | null {
  if (v === '' || v === null || v === undefined) return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** The documents that still count (not voided). */
export const live = (docs: DocumentRecord[]) => docs.filter((d) => d.status !== 'voided')

export interface Assessment {
  catalogueVersion: number
  catalogue: MajorCatalogue
  facts: {
    fine: number
    confiscation: number
    measures: Measure[]
    hearingHeld: boolean
    departure: boolean
    manualFlags: string[]
    partyKinds: ('org' | 'sole' | 'person')[]
  }
  triggers: ReturnType<typeof evaluateTriggers>
  hearing: { eligible: boolean; reasons: string[] }
  discussionRequired: boolean
}

/**
 * Evaluate the case against the catalogue in force on `date` (a version takes effect on its effective date):
 * the largest fine intended, noticed or drafted so far counts.
 */
export async function assessCase(db: Scope, caseId: number, date: string): Promise<Assessment> {
  const c = await mustCase(db, caseId)
  const { version, catalogue } = await catalogueOn(db, date)
  const profile = await getProfile(db, caseId)
  const docs = live(await caseDocuments(db, caseId))
  const fines = [
    c.intendedPenalty.fine,
    ...docs
      .filter((d) => isDecisionType(d.type) || d.type === 'penalty_notice' || d.type === 'hearing_notice')
      .map((d) => num(d.fields.fine) ?? 0)
  ]
  const departure = profile.departure || docs.some((d) => d.type === 'case_handling_approval' && d.fields.discretionTier === '减轻处罚')
  const partyKinds = ((await caseParties(db, [caseId])).get(caseId) ?? [])
    .filter((p) => p.role === 'party')
    .map((p) => p.kind as 'org' | 'sole' | 'person')
  const facts = {
    fine: Math.max(0, ...fines),
    confiscation: profile.confiscation,
    measures: profile.measures,
    hearingHeld: (await caseHearings(db, caseId)).some((h) => h.status === 'held'),
    departure,
    manualFlags: profile.manualFlags,
    partyKinds: partyKinds.length ? partyKinds : (['org'] as ('org' | 'sole' | 'person')[])
  }
  const triggers = evaluateTriggers(catalogue, facts)
  return {
    catalogueVersion: version,
    catalogue,
    facts,
    triggers,
    hearing: hearingEligible(catalogue, facts),
    discussionRequired: discussionRequired(catalogue, triggers)
  }
}
