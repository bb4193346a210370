/**
 * The autofill context a document is drafted from: agency block, party block, officers with certificate
 * numbers, case data and the case's deadlines. Pure: the services load the sources from the store
 * (services/draft-context.ts) and this module shapes them.
 */
import { PARTY_KIND_LABELS, type PartyKind } from '../core/party'
import { daysBetween } from '../core/dates'

/** What a draft context is made of, as the store holds it (only the fields the context reads). */
export interface DraftSources {
  case: {
    id: number
    number: string | null
    name: string
    cause: string
    facts: string
    filedOn: string | null
    sourceDate: string
    procedure: string
    status: string
  }
  agency: object | null
  /** the case's parties in their order, each with its role in the case */
  parties: { kind: PartyKind; name: string; data: Record<string, unknown>; role: string }[]
  officers: { name: string; certNo: string; unit: string; post: string; validUntil: string; active: boolean }[]
  deadlines: { code: string; due: string; label: string; start: string }[]
  /** the latest hearing, legal review and collective discussion, if any */
  hearing?: {
    requestedOn: string
    scheduledAt: string | null
    place: string
    chairName: string
    clerk: string
    public: boolean
    agents: string[]
    heldOn: string | null
  }
  review?: {
    submittedOn: string
    round: number
    decidedOn: string | null
    decidedBy: string | null
    decision: { opinion: string } | null
    triggers: { label: string }[]
  }
  discussion?: { heldOn: string; chair: string; attendees: string[]; conclusionText: string }
}

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

export function assembleContext(src: DraftSources, today: string) {
  const c = src.case
  const blocks = src.parties.map((p) => ({ ...partyBlock(p, today), role: p.role }))
  return {
    agency: src.agency ?? {},
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
    officers: src.officers.map((o) => ({
      name: o.name,
      certNo: o.certNo,
      unit: o.unit,
      post: o.post,
      validUntil: o.validUntil,
      active: o.active
    })),
    today,
    deadlines: Object.fromEntries(src.deadlines.map((d) => [d.code, { due: d.due, label: d.label, start: d.start }])),
    ...reviewContext(src)
  }
}

/** The latest hearing, legal review and collective discussion, for the forms that record them. */
function reviewContext(src: DraftSources) {
  const h = src.hearing
  const r = src.review
  const d = src.discussion
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

export type DraftContext = ReturnType<typeof assembleContext>

/** Resolve a dotted path (manifest `autofill`) in the context. */
export function resolvePath(ctx: unknown, path: string): unknown {
  let cur = ctx
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined
    cur = (cur as Record<string, unknown>)[seg]
  }
  return cur
}
