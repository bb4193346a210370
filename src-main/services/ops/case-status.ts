/**
 * Moving a case through the status machine: 立案 (filing, with its number), any other transition (a decision
 * only through the gates), and the steps of other areas that move the case on where the machine allows it.
 */
import { stepRequired, type CaseStep } from '../../core/approvals'
import { allowedTransitions, canTransition, CASE_STATUS_LABELS, composeCaseName, summaryProblem, type CaseStatus } from '../../core/case'
import type { CaseFileInput, CaseTransitionInput } from '../../core/case-views'
import { decisionKind, isDecisionType } from '../../core/decisions'
import { STATUS_EVENT, type CaseEventType } from '../../core/deadlines'
import { appError } from '../../core/errors'
import { decisionGate } from '../../core/gates'
import type { Scope } from '../../store/engine/engine'
import { addCaseEvent, caseEvents, caseOfficers, caseParties, setCaseOfficers, updateCase, type CaseRecord } from '../../store/repos/cases'
import { indexCase } from '../../store/repos/case-search'
import { caseDocuments } from '../../store/repos/documents'
import { today, type Tx } from '../context'
import { recomputeDeadlines } from './deadlines'
import { mustCase } from '../guards'
import { caseNumber, checkDate, checkOfficers } from './case-checks'
import { enforceGate, gateState } from './review-gates'

/**
 * A move owned by a dedicated step (core/approvals.ts) is made only by that step, which names itself as `via`;
 * asked of anyone else it is refused with STEP_REQUIRED naming the step.
 */
function requireStep(from: CaseStatus, to: CaseStatus, via: CaseStep | undefined): void {
  const need = stepRequired(from, to)
  if (need && need.step !== via) throw appError('STEP_REQUIRED', need.message, { step: need.step, from, to })
}

/**
 * 立案: rule 1 (two officers with valid certificates on the filing date), number assigned in the same transaction.
 * From 立案审批中 only through the head's approval (`via` 'approvals.record').
 */
export async function fileCase(tx: Tx, input: CaseFileInput, via?: CaseStep): Promise<CaseRecord> {
  const { db, at, ctx } = tx
  const c = await mustCase(db, input.id)
  if (c.procedure !== 'general') throw appError('CASE_TRANSITION_INVALID', '简易程序案件无需立案')
  if (!canTransition(c.procedure, c.status, 'filed')) {
    throw appError('CASE_TRANSITION_INVALID', `案件当前状态为“${CASE_STATUS_LABELS[c.status]}”，不能立案`)
  }
  requireStep(c.status, 'filed', via)
  checkDate(c, input.filedOn, today(ctx), '立案日期', 'filedOn')
  const officerIds = input.officerIds ?? ((await caseOfficers(db, [c.id])).get(c.id) ?? []).map((o) => o.officerId)
  await checkOfficers(db, officerIds, input.filedOn, '不能立案')
  const cause = input.cause ?? c.cause
  if (!cause) throw appError('VALIDATION_FAILED', '立案须填写案由', { issues: [{ path: 'cause', message: '请填写案由' }] })
  const parties = (await caseParties(db, [c.id])).get(c.id) ?? []
  const updated: CaseRecord = {
    ...c,
    cause,
    facts: input.facts ?? c.facts,
    name: input.name || (c.cause === cause ? c.name : composeCaseName(parties[0]?.name ?? '', cause)),
    number: await caseNumber(db, 'case', Number(input.filedOn.slice(0, 4))),
    status: 'filed',
    filedOn: input.filedOn,
    updatedAt: at
  }
  await updateCase(db, updated)
  await setCaseOfficers(db, c.id, officerIds)
  await addCaseEvent(db, c.id, { type: 'filed', date: input.filedOn, status: 'filed', note: input.note }, ctx.actor, at)
  await recomputeDeadlines(db, c.id)
  await indexCase(db, c.id)
  await tx.record('cases', {
    action: 'case.file',
    targetType: 'case',
    targetId: updated.id,
    caseId: String(updated.id),
    summary: `立案：${updated.name}（${updated.number}）`,
    detail: { input, number: updated.number }
  })
  return updated
}

/**
 * Any transition (立案 goes through `fileCase`); a general-procedure decision only through the gates (rule 3); a
 * move owned by a dedicated step (approvals, the archive job) only when that step makes it (`via`).
 */
export async function transitionCase(tx: Tx, input: CaseTransitionInput, via?: CaseStep): Promise<CaseRecord> {
  if (input.to === 'filed') return fileCase(tx, { id: input.id, filedOn: input.date, note: input.note }, via)
  const { db, at, ctx } = tx
  const c = await mustCase(db, input.id)
  // a status only a step reaches is refused naming the step, before (and whatever) the machine would say
  requireStep(c.status, input.to, via)
  if (!canTransition(c.procedure, c.status, input.to)) {
    const allowed = allowedTransitions(c.procedure, c.status).map((s) => CASE_STATUS_LABELS[s])
    throw appError(
      'CASE_TRANSITION_INVALID',
      `案件状态不能从“${CASE_STATUS_LABELS[c.status]}”变为“${CASE_STATUS_LABELS[input.to]}”${allowed.length ? `（可变为：${allowed.join('、')}）` : '（该状态为终态）'}`,
      { from: c.status, to: input.to, allowed: allowedTransitions(c.procedure, c.status) }
    )
  }
  checkDate(c, input.date, today(ctx), '日期')
  if (c.procedure === 'general' && (input.to === 'decided' || input.to === 'no_penalty')) {
    // no door reaches 决定 without the steps before it (rule 3)
    const kind = input.to === 'decided' ? 'penalty' : 'no_penalty'
    const issued =
      (await caseDocuments(db, c.id))
        .filter((d) => d.status === 'issued' && isDecisionType(d.type) && decisionKind(d.type) === kind)
        .at(-1) ?? null
    enforceGate(decisionGate(await gateState(db, c.id, { draft: issued, decisionDate: input.date, kind })))
  }
  const last = (await caseEvents(db, c.id)).at(-1)
  if (last && input.date < last.date) {
    throw appError('VALIDATION_FAILED', `日期不能早于上一环节（${last.date}）`, {
      issues: [{ path: 'date', message: `早于${last.date}` }]
    })
  }
  const updated: CaseRecord = { ...c, status: input.to, updatedAt: at }
  if (c.procedure === 'summary' && input.to === 'decided') {
    const penalty = input.penalty ?? c.intendedPenalty
    const kinds = ((await caseParties(db, [c.id])).get(c.id) ?? []).map((p) => p.kind as 'org' | 'sole' | 'person')
    const problem = summaryProblem(penalty, kinds)
    if (problem) throw appError('SUMMARY_LIMIT_EXCEEDED', problem, { issues: [{ path: 'penalty.fine', message: problem }] })
    await checkOfficers(
      db,
      ((await caseOfficers(db, [c.id])).get(c.id) ?? []).map((o) => o.officerId),
      input.date,
      '不能当场处罚'
    )
    updated.intendedPenalty = penalty
    updated.number = await caseNumber(db, 'summary', Number(input.date.slice(0, 4)))
  }
  await updateCase(db, updated)
  const type: CaseEventType = STATUS_EVENT[input.to] ?? 'status'
  await addCaseEvent(db, c.id, { type, date: input.date, status: input.to, note: input.note }, ctx.actor, at)
  await recomputeDeadlines(db, c.id)
  await tx.record('cases', {
    action: 'case.transition',
    targetType: 'case',
    targetId: updated.id,
    caseId: String(updated.id),
    summary: `${updated.name}：${CASE_STATUS_LABELS[c.status]} → ${CASE_STATUS_LABELS[updated.status]}${input.note ? `（${input.note}）` : ''}`,
    detail: { from: c.status, to: updated.status, date: input.date, note: input.note, number: updated.number }
  })
  return updated
}

/**
 * A step that also moves the case on (submitting for review → 法制审核中, a hearing request → 听证) does so only
 * where the status machine allows it; otherwise the case keeps its status and is only touched. Returns whether it
 * moved. The step's own activity entry describes it; this writes none.
 */
export async function followStatus(
  db: Scope,
  c: CaseRecord,
  to: CaseRecord['status'],
  date: string,
  note: string,
  actor: string,
  at: string
): Promise<boolean> {
  if (!canTransition(c.procedure, c.status, to)) {
    await updateCase(db, { ...c, updatedAt: at })
    return false
  }
  await updateCase(db, { ...c, status: to, updatedAt: at })
  await addCaseEvent(db, c.id, { type: 'status', date, status: to, note }, actor, at)
  return true
}
