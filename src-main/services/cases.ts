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
export async function caseSummaries(ctx: ServiceContext, records: CaseRecord[]): Promise<CaseSummary[]> {
  const db = ctx.home.store
  const ids = records.map((c) => c.id)
  const parties = await caseParties(db, ids)
  const officers = await caseOfficers(db, ids)
  const t = today(ctx)
  const next = new Map<number, Awaited<ReturnType<typeof caseDeadlines>>[number]>()
  for (const r of await nextDueByCase(db, ids, t)) {
    const d = (await caseDeadlines(db, r.caseId)).find((x) => x.metAt === null && x.due === r.due)
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
export async function detail(ctx: ServiceContext, c: CaseRecord): Promise<CaseDetail> {
  const db = ctx.home.store
  const t = today(ctx)
  const [summary] = await caseSummaries(ctx, [c])
  return {
    ...summary!,
    facts: c.facts,
    intendedPenalty: c.intendedPenalty,
    registeredBy: c.registeredBy,
    createdAt: c.createdAt,
    events: await caseEvents(db, c.id),
    deadlines: (await caseDeadlines(db, c.id)).map((d) => ({ ...d, alert: alertLevel(d.due, t, d.metAt, d.kind) })),
    allowedTransitions: (await mayCall(ctx, 'cases.transition', { id: c.id })) ? manualTransitions(c.procedure, c.status) : [],
    approvals: await caseApprovals(db, c.id),
    approvalKinds: (await mayCall(ctx, 'approvals.record', { caseId: c.id })) ? availableApprovals(c.procedure, c.status) : [],
    ...caseActions(c.status)
  }
}

export async function casesRegister(ctx: ServiceContext, input: CaseRegisterInput): Promise<CaseDetail> {
  const id = await transact(ctx, (tx) => registerCase(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, id))!)
}

/** 立案: rule 1 (two officers with valid certificates on the filing date), number assigned in the same transaction. */
export async function casesFile(ctx: ServiceContext, input: CaseFileInput): Promise<CaseDetail> {
  const c = await transact(ctx, (tx) => fileCase(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, c.id))!)
}

export async function casesTransition(ctx: ServiceContext, input: CaseTransitionInput): Promise<CaseDetail> {
  const c = await transact(ctx, (tx) => transitionCase(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, c.id))!)
}

/**
 * Overlay flags: 延期 (extended) and 中止 (suspended). A suspension is dated; when the case resumes, the
 * suspended days are excluded from the decision period automatically.
 */
export async function casesSetFlag(ctx: ServiceContext, input: CaseFlagInput): Promise<CaseDetail> {
  await transact(ctx, (tx) => setCaseFlag(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, input.id))!)
}

/** Dated facts recorded outside the status machine (payment received, decision published). */
export async function casesRecordEvent(ctx: ServiceContext, input: CaseEventInput): Promise<CaseDetail> {
  await transact(ctx, (tx) => recordCaseEvent(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, input.id))!)
}

export async function casesGet(ctx: ServiceContext, input: { ref: string }): Promise<CaseDetail> {
  const db = ctx.home.store
  const c = /^\d+$/.test(input.ref) ? await findCase(db, Number(input.ref)) : await findCaseByNumber(db, input.ref)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到案件：${input.ref}`)
  return detail(ctx, c)
}

export async function casesList(ctx: ServiceContext, input: CaseListInput): Promise<{ total: number; items: CaseSummary[] }> {
  const db = ctx.home.store
  const { total, items } = await listCases(db, {
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
  const list = await caseSummaries(ctx, items)
  if (!input.q) return { total, items: list }
  const snippets = await caseSnippets(
    db,
    input.q,
    items.map((c) => c.id)
  )
  return { total, items: list.map((s) => ({ ...s, snippet: snippets.get(s.id) ?? '' })) }
}

export async function casesSearch(ctx: ServiceContext, input: { q: string; limit: number }) {
  const hits = await searchCaseIds(ctx.home.store, input.q, input.limit)
  const byId = new Map(hits.map((h) => [h.id, h.snippet]))
  const found = await Promise.all(hits.map((h) => findCase(ctx.home.store, h.id)))
  const recs = found.filter((c): c is CaseRecord => c !== null)
  return (await caseSummaries(ctx, recs)).map((s) => ({ ...s, snippet: byId.get(s.id) ?? '' }))
}

export async function deadlinesAdjust(ctx: ServiceContext, input: { caseId: number; adjustment: DeadlineAdjustment }): Promise<CaseDetail> {
  await transact(ctx, (tx) => adjustDeadline(tx, input))
  return detail(ctx, (await findCase(ctx.home.store, input.caseId))!)
}

/**
 * Register and file in one step (a case found and filed the same day). One transaction: when filing is
 * refused, no registered case is left behind.
 */
export async function casesRegisterAndFile(
  ctx: ServiceContext,
  input: { register: CaseRegisterInput; filedOn: string }
): Promise<CaseDetail> {
  const c = await transact(ctx, async (tx) =>
    fileCase(tx, { id: await registerCase(tx, input.register), filedOn: input.filedOn, note: '' })
  )
  return detail(ctx, (await findCase(ctx.home.store, c.id))!)
}
