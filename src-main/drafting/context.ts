/**
 * The autofill context a document is drafted from: agency block, party block, officers with certificate
 * numbers, case data and the case's deadlines.
 */
import { getAgency } from '../store/repos/agency'
import { caseDeadlines, caseOfficers, caseParties, findCase } from '../store/repos/cases'
import { findOfficer } from '../store/repos/officers'
import { partiesByIds } from '../store/repos/parties'
import { caseDiscussions, caseHearings, caseReviews } from '../store/repos/review'
import type { Db } from '../store/db'
import { PARTY_KIND_LABELS, type PartyKind } from '../core/party'
import { daysBetween } from '../core/dates'

function partyBlock(p: { kind: PartyKind; name: string; data: Record<string, unknown> }, today: string) {
  const d = p.data as Record<string, string | undefined>
  const birth = d.birthDate
  const age = birth ? Math.floor(daysBetween(birth, today) / 365.2425) : null
  return {
    ...d,
    name: p.name,
    kind: p.kind,
    kindLabel: PARTY_KIND_LABELS[p.kind],
    isOrg: p.kind === 'org',
    isSole: p.kind === 'sole',
    isPerson: p.kind === 'person',
    age: age === null ? '' : String(age)
  }
}

export function buildContext(db: Db, caseId: number, today: string) {
  const c = findCase(db, caseId)
  if (!c) return null
  const agency = getAgency(db)
  const links = caseParties(db, [caseId]).get(caseId) ?? []
  const parties = partiesByIds(
    db,
    links.map((l) => l.partyId)
  )
  const ordered = links.map((l) => ({ ...parties.find((p) => p.id === l.partyId)!, role: l.role }))
  const blocks = ordered.map((p) => ({ ...partyBlock(p, today), role: p.role }))
  const officers = (caseOfficers(db, [caseId]).get(caseId) ?? []).map((o) => findOfficer(db, o.officerId)!)
  const deadlines = Object.fromEntries(caseDeadlines(db, caseId).map((d) => [d.code, { due: d.due, label: d.label, start: d.start }]))
  return {
    agency: agency ?? {},
    case: {
      id: c.id,
      number: c.number ?? '',
      name: c.name,
      cause: c.cause,
      facts: c.facts,
      filedOn: c.filedOn ?? '',
      sourceDate: c.sourceDate,
      procedure: c.procedure,
      status: c.status
    },
    party: blocks.find((b) => b.role === 'party') ?? blocks[0] ?? {},
    parties: blocks,
    officers: officers.map((o) => ({
      name: o.name,
      certNo: o.certNo,
      unit: o.unit,
      post: o.post,
      validUntil: o.validUntil,
      active: o.active
    })),
    today,
    deadlines,
    ...reviewContext(db, caseId)
  }
}

/** The latest hearing, legal review and collective discussion, for the forms that record them. */
function reviewContext(db: Db, caseId: number) {
  const h = caseHearings(db, caseId).at(-1)
  const r = caseReviews(db, caseId).at(-1)
  const d = caseDiscussions(db, caseId).at(-1)
  return {
    hearing: h
      ? {
          requestedOn: h.requestedOn,
          scheduledAt: h.scheduledAt ?? '',
          place: h.place,
          chair: h.chairName,
          clerk: h.clerk,
          public: h.public,
          agents: h.agents.join('、'),
          heldOn: h.heldOn ?? ''
        }
      : {},
    review: r
      ? {
          submittedOn: r.submittedOn,
          round: r.round,
          decidedOn: r.decidedOn ?? '',
          reviewer: r.decidedBy ?? '',
          opinion: r.decision?.opinion ?? '',
          triggers: r.triggers.map((t) => t.label).join('、')
        }
      : {},
    discussion: d ? { heldOn: d.heldOn, chair: d.chair, attendees: d.attendees.join('、'), conclusion: d.conclusionText } : {}
  }
}

export type DraftContext = NonNullable<ReturnType<typeof buildContext>>

/** Resolve a dotted path (manifest `autofill`) in the context. */
export function resolvePath(ctx: unknown, path: string): unknown {
  let cur = ctx
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined
    cur = (cur as Record<string, unknown>)[seg]
  }
  return cur
}
