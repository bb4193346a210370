import { allowedTransitions, canTransition, CASE_STATUS_LABELS, composeCaseName, officerProblems, summaryProblem } from '../core/case'
import type { CaseDetail, CaseFileInput, CaseListInput, CaseRegisterInput, CaseSummary, CaseTransitionInput } from '../core/case-views'
import { alertLevel, STATUS_EVENT, type CaseEventType } from '../core/deadlines'
import { appError } from '../core/errors'
import { addDays } from '../core/dates'
import { getAgency } from '../store/repos/agency'
import {
  addAdjustment,
  addCaseEvent,
  caseDeadlines,
  caseEvents,
  caseOfficers,
  caseParties,
  findCase,
  findCaseByNumber,
  indexCase,
  insertCase,
  listCases,
  nextNumber,
  openDeadlines,
  searchCaseIds,
  caseSnippets,
  setCaseOfficers,
  setCaseParties,
  updateCase,
  type CaseRecord
} from '../store/repos/cases'
import { findOfficer } from '../store/repos/officers'
import { partiesByIds } from '../store/repos/parties'
import type { Db } from '../store/db'
import { change, today, type ServiceContext } from './context'
import { mustCase as mustFindCase } from './guards'
import { deadlinesAdjust, recomputeDeadlines } from './deadlines'
import type { DeadlineAdjustment } from '../core/deadlines'
import { decisionGate } from '../core/gates'
import { caseDocuments } from '../store/repos/documents'
import { decisionKind, enforceGate, gateState, isDecisionType } from './review'

function checkOfficers(db: Db, officerIds: readonly number[], onDate: string, what: string): void {
  const officers = officerIds.map((id) => {
    const o = findOfficer(db, id)
    if (!o) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${id} 的执法人员`)
    return o
  })
  const problems = officerProblems(officers, onDate)
  if (problems.length) {
    const first = problems[0]!
    const code =
      first.code === 'OFFICERS_TOO_FEW'
        ? 'OFFICERS_TOO_FEW'
        : first.code === 'OFFICER_CERT_EXPIRED'
          ? 'OFFICER_CERT_EXPIRED'
          : 'OFFICER_INACTIVE'
    throw appError(code, `${what}：${first.message}`, { issues: problems.map((p) => ({ path: 'officerIds', message: p.message })) })
  }
}

function checkDate(c: CaseRecord | null, date: string, todayIso: string, label: string, path = 'date'): void {
  if (date > todayIso)
    throw appError('VALIDATION_FAILED', `${label}不能晚于今天（${todayIso}）`, { issues: [{ path, message: '不能是将来的日期' }] })
  if (c && date < c.sourceDate)
    throw appError('VALIDATION_FAILED', `${label}不能早于案源日期（${c.sourceDate}）`, { issues: [{ path, message: '早于案源日期' }] })
}

function caseNumber(db: Db, scope: 'case' | 'summary', year: number): string {
  const agency = getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，无法编立案号')
  const n = nextNumber(db, scope, year)
  return `（${agency.shortName}）应急${scope === 'case' ? '立' : '当罚'}〔${year}〕${n}号`
}

function summaries(ctx: ServiceContext, records: CaseRecord[]): CaseSummary[] {
  const db = ctx.home.db
  const ids = records.map((c) => c.id)
  const parties = caseParties(db, ids)
  const officers = caseOfficers(db, ids)
  const t = today(ctx)
  const next = new Map<number, ReturnType<typeof openDeadlines>[number]>()
  if (ids.length) {
    const rows = db
      .prepare(
        `SELECT case_id, MIN(due) AS due FROM case_deadlines
         WHERE met_at IS NULL AND NOT (kind = 'window' AND due < ?) AND case_id IN (SELECT value FROM json_each(?)) GROUP BY case_id`
      )
      .all(t, JSON.stringify(ids)) as { case_id: number; due: string }[]
    for (const r of rows) {
      const d = caseDeadlines(db, r.case_id).find((x) => x.metAt === null && x.due === r.due)
      if (d) next.set(r.case_id, d)
    }
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

function detail(ctx: ServiceContext, c: CaseRecord): CaseDetail {
  const db = ctx.home.db
  const t = today(ctx)
  const [summary] = summaries(ctx, [c])
  return {
    ...summary!,
    facts: c.facts,
    intendedPenalty: c.intendedPenalty,
    registeredBy: c.registeredBy,
    createdAt: c.createdAt,
    events: caseEvents(db, c.id),
    deadlines: caseDeadlines(db, c.id).map((d) => ({ ...d, alert: alertLevel(d.due, t, d.metAt, d.kind) })),
    allowedTransitions: [...allowedTransitions(c.procedure, c.status)]
  }
}

export function casesRegister(ctx: ServiceContext, input: CaseRegisterInput): CaseDetail {
  const t = today(ctx)
  const id = change(
    ctx,
    'cases',
    (db, at) => {
      checkDate(null, input.sourceDate, t, '案源日期', 'sourceDate')
      const parties = partiesByIds(
        db,
        input.parties.map((p) => p.partyId)
      )
      for (const link of input.parties) {
        if (!parties.some((p) => p.id === link.partyId)) throw appError('PARTY_NOT_FOUND', `未找到编号为 ${link.partyId} 的当事人`)
      }
      const main = parties.find((p) => p.id === input.parties.find((l) => l.role === 'party')?.partyId) ?? parties[0]!
      if (input.procedure === 'summary') {
        if (input.intendedPenalty) {
          const problem = summaryProblem(
            input.intendedPenalty,
            parties.map((p) => p.kind)
          )
          if (problem) throw appError('SUMMARY_LIMIT_EXCEEDED', problem, { issues: [{ path: 'intendedPenalty.fine', message: problem }] })
        }
        // on-the-spot penalties are imposed by at least two officers (行政处罚法 art. 52)
        checkOfficers(db, input.officerIds, input.sourceDate, '简易程序')
      } else if (input.officerIds.length > 0) {
        for (const oid of input.officerIds) if (!findOfficer(db, oid)) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${oid} 的执法人员`)
      }
      const cause = input.cause
      const id = insertCase(db, {
        number: null,
        name: input.name || composeCaseName(main.name, cause || '涉嫌安全生产违法行为'),
        cause,
        facts: input.facts,
        source: input.source,
        sourceDate: input.sourceDate,
        procedure: input.procedure,
        status: 'registered',
        filedOn: null,
        intendedPenalty: input.intendedPenalty ?? { warning: false, fine: 0 },
        extended: false,
        suspended: false,
        registeredBy: ctx.actor,
        createdAt: at,
        updatedAt: at
      })
      setCaseParties(db, id, input.parties)
      setCaseOfficers(db, id, input.officerIds)
      addCaseEvent(db, id, { type: 'registered', date: input.sourceDate, status: 'registered' }, ctx.actor, at)
      recomputeDeadlines(db, id)
      indexCase(db, id)
      return id
    },
    (id) => ({
      action: 'case.register',
      targetType: 'case',
      targetId: id,
      caseId: String(id),
      summary: `登记案源：${findCase(ctx.home.db, id)!.name}`,
      detail: { input }
    })
  )
  return detail(ctx, findCase(ctx.home.db, id)!)
}

/** 立案: rule 1 (two officers with valid certificates on the filing date), number assigned in the same transaction. */
export function casesFile(ctx: ServiceContext, input: CaseFileInput): CaseDetail {
  const t = today(ctx)
  const c = change(
    ctx,
    'cases',
    (db, at) => {
      const c = mustFindCase(db, input.id)
      if (c.procedure !== 'general') throw appError('CASE_TRANSITION_INVALID', '简易程序案件无需立案')
      if (!canTransition(c.procedure, c.status, 'filed')) {
        throw appError('CASE_TRANSITION_INVALID', `案件当前状态为“${CASE_STATUS_LABELS[c.status]}”，不能立案`)
      }
      checkDate(c, input.filedOn, t, '立案日期', 'filedOn')
      const officerIds = input.officerIds ?? (caseOfficers(db, [c.id]).get(c.id) ?? []).map((o) => o.officerId)
      checkOfficers(db, officerIds, input.filedOn, '不能立案')
      const cause = input.cause ?? c.cause
      if (!cause) throw appError('VALIDATION_FAILED', '立案须填写案由', { issues: [{ path: 'cause', message: '请填写案由' }] })
      const parties = caseParties(db, [c.id]).get(c.id) ?? []
      const updated: CaseRecord = {
        ...c,
        cause,
        facts: input.facts ?? c.facts,
        name: input.name || (c.cause === cause ? c.name : composeCaseName(parties[0]?.name ?? '', cause)),
        number: caseNumber(db, 'case', Number(input.filedOn.slice(0, 4))),
        status: 'filed',
        filedOn: input.filedOn,
        updatedAt: at
      }
      updateCase(db, updated)
      setCaseOfficers(db, c.id, officerIds)
      addCaseEvent(db, c.id, { type: 'filed', date: input.filedOn, status: 'filed', note: input.note }, ctx.actor, at)
      recomputeDeadlines(db, c.id)
      indexCase(db, c.id)
      return updated
    },
    (c) => ({
      action: 'case.file',
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `立案：${c.name}（${c.number}）`,
      detail: { input, number: c.number }
    })
  )
  return detail(ctx, findCase(ctx.home.db, c.id)!)
}

export function casesTransition(ctx: ServiceContext, input: CaseTransitionInput): CaseDetail {
  if (input.to === 'filed') return casesFile(ctx, { id: input.id, filedOn: input.date, note: input.note })
  const t = today(ctx)
  const result = change(
    ctx,
    'cases',
    (db, at) => {
      const c = mustFindCase(db, input.id)
      if (!canTransition(c.procedure, c.status, input.to)) {
        const allowed = allowedTransitions(c.procedure, c.status).map((s) => CASE_STATUS_LABELS[s])
        throw appError(
          'CASE_TRANSITION_INVALID',
          `案件状态不能从“${CASE_STATUS_LABELS[c.status]}”变为“${CASE_STATUS_LABELS[input.to]}”${allowed.length ? `（可变为：${allowed.join('、')}）` : '（该状态为终态）'}`,
          { from: c.status, to: input.to, allowed: allowedTransitions(c.procedure, c.status) }
        )
      }
      checkDate(c, input.date, t, '日期')
      if (c.procedure === 'general' && (input.to === 'decided' || input.to === 'no_penalty')) {
        // no door reaches 决定 without the steps before it (rule 3)
        const kind = input.to === 'decided' ? 'penalty' : 'no_penalty'
        const issued =
          caseDocuments(db, c.id)
            .filter((d) => d.status === 'issued' && isDecisionType(d.type) && decisionKind(d.type) === kind)
            .at(-1) ?? null
        enforceGate(decisionGate(gateState(db, c.id, { draft: issued, decisionDate: input.date, kind })))
      }
      const last = caseEvents(db, c.id).at(-1)
      if (last && input.date < last.date) {
        throw appError('VALIDATION_FAILED', `日期不能早于上一环节（${last.date}）`, {
          issues: [{ path: 'date', message: `早于${last.date}` }]
        })
      }
      const updated: CaseRecord = { ...c, status: input.to, updatedAt: at }
      if (c.procedure === 'summary' && input.to === 'decided') {
        const penalty = input.penalty ?? c.intendedPenalty
        const kinds = (caseParties(db, [c.id]).get(c.id) ?? []).map((p) => p.kind as 'org' | 'sole' | 'person')
        const problem = summaryProblem(penalty, kinds)
        if (problem) throw appError('SUMMARY_LIMIT_EXCEEDED', problem, { issues: [{ path: 'penalty.fine', message: problem }] })
        checkOfficers(
          db,
          (caseOfficers(db, [c.id]).get(c.id) ?? []).map((o) => o.officerId),
          input.date,
          '不能当场处罚'
        )
        updated.intendedPenalty = penalty
        updated.number = caseNumber(db, 'summary', Number(input.date.slice(0, 4)))
      }
      updateCase(db, updated)
      const type: CaseEventType = STATUS_EVENT[input.to] ?? 'status'
      addCaseEvent(db, c.id, { type, date: input.date, status: input.to, note: input.note }, ctx.actor, at)
      recomputeDeadlines(db, c.id)
      return { before: c, after: updated }
    },
    ({ before, after }) => ({
      action: 'case.transition',
      targetType: 'case',
      targetId: after.id,
      caseId: String(after.id),
      summary: `${after.name}：${CASE_STATUS_LABELS[before.status]} → ${CASE_STATUS_LABELS[after.status]}${input.note ? `（${input.note}）` : ''}`,
      detail: { from: before.status, to: after.status, date: input.date, note: input.note, number: after.number }
    })
  )
  return detail(ctx, findCase(ctx.home.db, result.after.id)!)
}

/** Overlay flags: 延期 (extended) and 中止 (suspended). */
/**
 * Overlay flags: 延期 (extended) and 中止 (suspended). A suspension is dated; when the case resumes, the
 * suspended days are excluded from the decision period automatically.
 */
export function casesSetFlag(
  ctx: ServiceContext,
  input: { id: number; flag: 'extended' | 'suspended'; on: boolean; reason: string; date?: string | undefined }
): CaseDetail {
  const label = input.flag === 'extended' ? '延期' : '中止'
  const t = today(ctx)
  const date = input.date ?? t
  change(
    ctx,
    'cases',
    (db, at) => {
      const c = mustFindCase(db, input.id)
      if (c[input.flag] === input.on) throw appError('CASE_TRANSITION_INVALID', `案件${input.on ? '已处于' : '未处于'}${label}状态`)
      checkDate(c, date, t, '日期')
      updateCase(db, { ...c, [input.flag]: input.on, updatedAt: at })
      if (input.flag === 'suspended') {
        addCaseEvent(db, c.id, { type: input.on ? 'suspended' : 'resumed', date, note: input.reason }, ctx.actor, at)
        if (!input.on) {
          const since = [...caseEvents(db, c.id)].reverse().find((e) => e.type === 'suspended')
          if (since && since.date < date) {
            addAdjustment(
              db,
              c.id,
              {
                code: 'decision',
                kind: 'exclusion',
                from: since.date,
                to: addDays(date, -1),
                reason: `案件中止（${since.note || input.reason}）`
              },
              at
            )
          }
        }
        recomputeDeadlines(db, c.id)
      }
      return c
    },
    (c) => ({
      action: 'case.flag',
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `${c.name}：${input.on ? '' : '解除'}${label}（${date}，${input.reason}）`,
      detail: input
    })
  )
  return detail(ctx, findCase(ctx.home.db, input.id)!)
}

/** Dated facts recorded outside the status machine (payment received, decision published). */
export function casesRecordEvent(
  ctx: ServiceContext,
  input: { id: number; type: 'paid' | 'published'; date: string; note: string }
): CaseDetail {
  const t = today(ctx)
  const label = input.type === 'paid' ? '罚款已缴纳' : '处罚决定已公示'
  change(
    ctx,
    'cases',
    (db, at) => {
      const c = mustFindCase(db, input.id)
      checkDate(c, input.date, t, '日期')
      const after = input.type === 'paid' ? 'served' : 'decided'
      const step = caseEvents(db, c.id).find((e) => e.type === after)
      if (!step)
        throw appError('CASE_TRANSITION_INVALID', input.type === 'paid' ? '决定书尚未送达，不能登记缴款' : '尚未作出处罚决定，不能登记公示')
      if (input.date < step.date)
        throw appError('VALIDATION_FAILED', `日期不能早于${input.type === 'paid' ? '送达' : '决定'}日期（${step.date}）`, {
          issues: [{ path: 'date', message: `早于${step.date}` }]
        })
      addCaseEvent(db, c.id, { type: input.type, date: input.date, note: input.note }, ctx.actor, at)
      recomputeDeadlines(db, c.id)
      updateCase(db, { ...c, updatedAt: at })
      return c
    },
    (c) => ({
      action: `case.${input.type}`,
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `${c.name}：${label}（${input.date}）`,
      detail: input
    })
  )
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
  const list = summaries(ctx, items)
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
  return summaries(ctx, recs).map((s) => ({ ...s, snippet: byId.get(s.id) ?? '' }))
}

export function casesAdjustDeadline(ctx: ServiceContext, input: { caseId: number; adjustment: DeadlineAdjustment }): CaseDetail {
  deadlinesAdjust(ctx, input)
  return detail(ctx, findCase(ctx.home.db, input.caseId)!)
}

/**
 * Register and file in one step (a case found and filed the same day). One transaction: when filing is
 * refused, no registered case is left behind.
 */
export function casesRegisterAndFile(ctx: ServiceContext, input: { register: CaseRegisterInput; filedOn: string }): CaseDetail {
  return ctx.home.db
    .transaction(() => {
      const registered = casesRegister(ctx, input.register)
      return casesFile(ctx, { id: registered.id, filedOn: input.filedOn, note: '' })
    })
    .immediate()
}
