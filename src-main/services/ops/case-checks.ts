/** Checks and numbers shared by the case steps: officers on duty, dates in order, the next case number. */
import { officerProblems } from '../../core/case'
import { appError } from '../../core/errors'
import type { Scope } from '../../store/engine/engine'
import { getAgency } from '../../store/repos/agency'
import { nextNumber, type CaseRecord } from '../../store/repos/cases'
import { findOfficer } from '../../store/repos/officers'

/** Rule 1: enough officers, each with a certificate valid on `onDate`; `what` names the step in the message. */
export async function checkOfficers(db: Scope, officerIds: readonly number[], onDate: string, what: string): Promise<void> {
  const officers = []
  for (const id of officerIds) {
    const o = await findOfficer(db, id)
    if (!o) throw appError('OFFICER_NOT_FOUND', `未找到编号为 ${id} 的执法人员`)
    officers.push(o)
  }
  const problems = officerProblems(officers, onDate)
  if (problems.length) {
    const first = problems[0]!
    const code =
      first.code === 'OFFICERS_TOO_FEW'
        ? 'OFFICERS_TOO_FEW'
        : first.code === 'OFFICER_CERT_EXPIRED'
          ? 'OFFICER_CERT_EXPIRED'
          : 'VALIDATION_FAILED'
    throw appError(code, `${what}：${first.message}`, { issues: problems.map((p) => ({ path: 'officerIds', message: p.message })) })
  }
}

/** A step's date is not in the future and not before the case's source date. */
export function checkDate(c: CaseRecord | null, date: string, todayIso: string, label: string, path = 'date'): void {
  if (date > todayIso)
    throw appError('VALIDATION_FAILED', `${label}不能晚于今天（${todayIso}）`, { issues: [{ path, message: '不能是将来的日期' }] })
  if (c && date < c.sourceDate)
    throw appError('VALIDATION_FAILED', `${label}不能早于案源日期（${c.sourceDate}）`, { issues: [{ path, message: '早于案源日期' }] })
}

/** The next 立案号 (general procedure) or 当场处罚决定书 number (summary), taken inside the transaction. */
export async function caseNumber(db: Scope, scope: 'case' | 'summary', year: number): Promise<string> {
  const agency = await getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，无法编立案号')
  const n = await nextNumber(db, scope, year)
  return `（${agency.shortName}）应急${scope === 'case' ? '立' : '当罚'}〔${year}〕${n}号`
}
