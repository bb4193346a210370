/** Loads a case's draft sources from the store and shapes them into the autofill context (drafting/context). */
import { assembleContext, type DraftContext } from '../drafting/context'
import type { Scope } from '../store/engine/engine'
import { getAgency } from '../store/repos/agency'
import { caseParties, findCase } from '../store/repos/cases'
import { caseDeadlines } from '../store/repos/case-deadlines'
import { officersOf } from './guards'
import { partiesByIds } from '../store/repos/parties'
import { caseDiscussions, caseHearings, caseReviews } from '../store/repos/review'

export async function buildContext(db: Scope, caseId: number, today: string): Promise<DraftContext | null> {
  const c = await findCase(db, caseId)
  if (!c) return null
  const links = (await caseParties(db, [caseId])).get(caseId) ?? []
  const parties = await partiesByIds(
    db,
    links.map((l) => l.partyId)
  )
  return assembleContext(
    {
      case: c,
      agency: await getAgency(db),
      parties: links.map((l) => ({ ...parties.find((p) => p.id === l.partyId)!, role: l.role })),
      officers: await officersOf(db, caseId),
      deadlines: await caseDeadlines(db, caseId),
      hearing: (await caseHearings(db, caseId)).at(-1),
      review: (await caseReviews(db, caseId)).at(-1),
      discussion: (await caseDiscussions(db, caseId)).at(-1)
    },
    today
  )
}
