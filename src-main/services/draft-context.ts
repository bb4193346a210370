/** Loads a case's draft sources from the store and shapes them into the autofill context (drafting/context). */
import { assembleContext, type DraftContext } from '../drafting/context'
import type { Db } from '../store/db'
import { getAgency } from '../store/repos/agency'
import { caseOfficers, caseParties, findCase } from '../store/repos/cases'
import { caseDeadlines } from '../store/repos/case-deadlines'
import { findOfficer } from '../store/repos/officers'
import { partiesByIds } from '../store/repos/parties'
import { caseDiscussions, caseHearings, caseReviews } from '../store/repos/review'

export function buildContext(db: Db, caseId: number, today: string): DraftContext | null {
  const c = findCase(db, caseId)
  if (!c) return null
  const links = caseParties(db, [caseId]).get(caseId) ?? []
  const parties = partiesByIds(
    db,
    links.map((l) => l.partyId)
  )
  return assembleContext(
    {
      case: c,
      agency: getAgency(db),
      parties: links.map((l) => ({ ...parties.find((p) => p.id === l.partyId)!, role: l.role })),
      officers: (caseOfficers(db, [caseId]).get(caseId) ?? []).map((o) => findOfficer(db, o.officerId)!),
      deadlines: caseDeadlines(db, caseId),
      hearing: caseHearings(db, caseId).at(-1),
      review: caseReviews(db, caseId).at(-1),
      discussion: caseDiscussions(db, caseId).at(-1)
    },
    today
  )
}
