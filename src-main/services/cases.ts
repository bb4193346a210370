/**
 * Cases (案件): registration, 立案, the status machine, flags and dated facts, lists and search. The steps live in
 * services/ops (they are shared with documents, the demo and archiving); the handlers here run them in one
 * transaction and return the case as the UI shows it.
 */
import { mayCall } from './authorize'
import { availableApprovals, manualTransitions } from '../core/approvals'
import { caseActions } from '../core/case'
import type { CaseDetail, CaseFileInput, CaseListInput, CaseRegisterInput, CaseSummary, CaseTransitionInput } from '../core/case-views'
import { alertLevel, type DeadlineAdjustment } from '../core/deadlines'
import { appError } from '../core/errors'
import { caseApprovals } from '../store/repos/approvals'
import { caseEvents, caseOfficers, caseParties, findCase, findCaseByNumber, listCases, type CaseRecord } from '../store/repos/cases'
import { caseDeadlines, nextDueByCase } from '../store/repos/case-deadlines'
import { caseSnippets, searchCaseIds } from '../store/repos/case-search'
import { today, transact, type ServiceContext } from './context'
import { recordCaseEvent, setCaseFlag, type CaseEventInput, type CaseFlagInput } from './ops/case-facts'
import { registerCase } from './ops/case-register'
import { fileCase, transitionCase } from './ops/case-status'
import { adjustDeadline } from './ops/deadlines'

/** The list rows of some cases (parties, officers, next deadline). */
export function caseSummaries(ctx: ServiceContext, records: CaseRecord[]): CaseSummary[] {
  const db = ctx.home.db
  const ids = records.map((c) => c.id)
  const parties = caseParties(db, ids)
  const officers = caseOfficers(db, ids)
  const t = today(ctx)
  const next = new Map<number, ReturnType<typeof caseDeadlines>[number]>()
  for (const r of nextDueByCase(db, ids, t)) {
    const d = caseDeadlines(db, r.caseId).find((x) => x.metAt === null && x.due === r.due)
    if (d) next.set(r.caseId, d)
  }
  return records.map((c) => {
    const d = next.get(c.id)
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      cause: c.cause,
      source: c.source,
      sourceDate: c.sourceDate,
      procedure: c.procedure,
      status: c.status,
      filedOn: c.filedOn,
      extended: c.extended,
      suspended: c.suspended,
      parties: (parties.get(c.id) ?? []) as CaseSummary['parties'],
      officers: officers.get(c.id) ?? [],
      nextDeadline: d ? { ...d, alert: alertLevel(d.due, t, d.metAt, d.kind) } : null,
      updatedAt: c.updatedAt
    }
  })
}

/** The case as its screen shows it, with what may be done next: the moves 推进 may make, the approvals the caller may record. */
export function detail(ctx: ServiceContext, c: CaseRecord): CaseDetail {
  const db = ctx.home.db
  const t = today(ctx)
  const [summary] = caseSummaries(ctx, [c])
  return {
    ...summary!,
    facts: c.facts,
    intendedPenalty: c.intendedPenalty,
    registeredBy: c.registeredBy,
    createdAt: c.createdAt,
    events: caseEvents(db, c.id),
    deadlines: caseDeadlines(db, c.id).map((d) => ({ ...d, alert: alertLevel(d.due, t, d.metAt, d.kind) })),
    allowedTransitions: mayCall(ctx, 'cases.transition', { id: c.id }) ? manualTransitions(c.procedure, c.status) : [],
    approvals: caseApprovals(db, c.id),
    approvalKinds: mayCall(ctx, 'approvals.record', { caseId: c.id }) ? availableApprovals(c.procedure, c.status) : [],
    ...caseActions(c.status)
  }
}

export function casesRegister(ctx: ServiceContext, input: CaseRegisterInput): CaseDetail {
  const id = transact(ctx, (tx) => registerCase(tx, input))
  return detail(ctx, findCase(ctx.home.db, id)!)
}

/** 立案: rule 1 (two officers with valid certificates on the filing date), number assigned in the same transaction. */
export function casesFile(ctx: ServiceContext, input: CaseFileInput): CaseDetail {
  const c = transact(ctx, (tx) => fileCase(tx, input))
  return detail(ctx, findCase(ctx.home.db, c.id)!)
}

export function casesTransition(ctx: ServiceContext, input: CaseTransitionInput): CaseDetail {
  const c = transact(ctx, (tx) => transitionCase(tx, input))
  return detail(ctx, findCase(ctx.home.db, c.id)!)
}

/**
 * Overlay flags: 延期 (extended) and 中止 (suspended). A suspension is dated; when the case resumes, the
 * suspended days are excluded from the decision period automatically.
 */
export function casesSetFlag(ctx: ServiceContext, input: CaseFlagInput): CaseDetail {
  transact(ctx, (tx) => setCaseFlag(tx, input))
  return detail(ctx, findCase(ctx.home.db, input.id)!)
}

/** Dated facts recorded outside the status machine (payment received, decision published). */
export function casesRecordEvent(ctx: ServiceContext, input: CaseEventInput): CaseDetail {
  transact(ctx, (tx) => recordCaseEvent(tx, input))
  return detail(ctx, findCase(ctx.home.db, input.id)!)
}

export function casesGet(ctx: ServiceContext, input: { ref: string }): CaseDetail {
  const db = ctx.home.db
  const c = /^\d+$/.test(input.ref) ? findCase(db, Number(input.ref)) : findCaseByNumber(db, input.ref)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到案件：${input.ref}`)
  return detail(ctx, c)
}

export function casesList(ctx: ServiceContext, input: CaseListInput): { total: number; items: CaseSummary[] } {
  const db = ctx.home.db
  const { total, items } = listCases(db, {
    status: input.status,
    procedure: input.procedure,
    officerId: input.officerId,
    partyId: input.partyId,
    from: input.from,
    to: input.to,
    q: input.q,
    limit: input.limit,
    offset: input.offset
  })
  const list = caseSummaries(ctx, items)
  if (!input.q) return { total, items: list }
  const snippets = caseSnippets(
    db,
    input.q,
    items.map((c) => c.id)
  )
  return { total, items: list.map((s) => ({ ...s, snippet: snippets.get(s.id) ?? '' })) }
}

export function casesSearch(ctx: ServiceContext, input: { q: string; limit: number }) {
  const hits = searchCaseIds(ctx.home.db, input.q, input.limit)
  const byId = new Map(hits.map((h) => [h.id, h.snippet]))
  const recs = hits.map((h) => findCase(ctx.home.db, h.id)).filter((c): c is CaseRecord => c !== null)
  return caseSummaries(ctx, recs).map((s) => ({ ...s, snippet: byId.get(s.id) ?? '' }))
}

export function deadlinesAdjust(ctx: ServiceContext, input: { caseId: number; adjustment: DeadlineAdjustment }): CaseDetail {
  transact(ctx, (tx) => adjustDeadline(tx, input))
  return detail(ctx, findCase(ctx.home.db, input.caseId)!)
}

/**
 * Register and file in one step (a case found and filed the same day). One transaction: when filing is
 * refused, no registered case is left behind.
 */
export function casesRegisterAndFile(ctx: ServiceContext, input: { register: CaseRegisterInput; filedOn: string }): CaseDetail {
  const c = transact(ctx, (tx) => fileCase(tx, { id: registerCase(tx, input.register), filedOn: input.filedOn, note: '' }))
  return detail(ctx, findCase(ctx.home.db, c.id)!)
}
