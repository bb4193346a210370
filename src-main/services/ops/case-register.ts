/** 登记案源: a new case with its parties and officers, its first event and deadlines, indexed for search. */
import { composeCaseName, summaryProblem } from '../../core/case'
import type { CaseRegisterInput } from '../../core/case-views'
import { appError } from '../../core/errors'
import { addCaseEvent, findCase, insertCase, setCaseOfficers, setCaseParties } from '../../store/repos/cases'
import { indexCase } from '../../store/repos/case-search'
import { findOfficer } from '../../store/repos/officers'
import { partiesByIds } from '../../store/repos/parties'
import { today, type Tx } from '../context'
import { recomputeDeadlines } from './deadlines'
import { checkDate, checkOfficers } from './case-checks'

/** Register a case inside the open transaction; appends `case.register`. Returns the new case's id. */
export async function registerCase(tx: Tx, input: CaseRegisterInput): Promise<number> {
  const { db, at, ctx } = tx
  checkDate(null, input.sourceDate, today(ctx), '案源日期', 'sourceDate')
  const parties = await partiesByIds(
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
    await checkOfficers(db, input.officerIds, input.sourceDate, '简易程序')
  } else if (input.officerIds.length > 0) {
    for (const oid of input.officerIds)
      if (!(await findOfficer(db, oid))) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${oid} 的执法人员`)
  }
  const cause = input.cause
  const id = await insertCase(db, {
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
  await setCaseParties(db, id, input.parties)
  await setCaseOfficers(db, id, input.officerIds)
  await addCaseEvent(db, id, { type: 'registered', date: input.sourceDate, status: 'registered' }, ctx.actor, at)
  await recomputeDeadlines(db, id)
  await indexCase(db, id)
  await tx.record('cases', {
    action: 'case.register',
    targetType: 'case',
    targetId: id,
    caseId: String(id),
    summary: `登记案源：${(await findCase(db, id))!.name}`,
    detail: { input }
  })
  return id
}
