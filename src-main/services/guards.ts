/**
 * Checks every service repeats: the case exists, a date is not in the future, an export folder is writable.
 */
import { join } from 'node:path'
import { appError } from '../core/errors'
import { caseOfficers } from '../store/repos/cases'
import { findOfficer, type OfficerRecord } from '../store/repos/officers'
import type { Scope } from '../store/engine/engine'
import { writeFileAtomic } from '../store/atomic'
import { findCase, type CaseRecord } from '../store/repos/cases'
import { today, type ServiceContext } from './context'

export async function mustCase(db: Scope, id: number): Promise<CaseRecord> {
  const c = await findCase(db, id)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${id} 的案件`)
  return c
}

/** A recorded step cannot be dated after today; `label` names the date in the message. */
export function notAfterToday(ctx: ServiceContext, date: string, path: string, label = '日期'): void {
  if (date > today(ctx)) throw appError('VALIDATION_FAILED', `${label}不能晚于今天`, { issues: [{ path, message: '晚于今天' }] })
}

/** Write rendered files into a folder, each atomically; an unwritable folder is one clear error. */
export function writeExportFiles(outDir: string, files: readonly { name: string; content: string }[]): string[] {
  try {
    return files.map((f) => {
      const path = join(outDir, f.name)
      writeFileAtomic(path, f.content)
      return path
    })
  } catch (err) {
    throw appError('EXPORT_FAILED', `无法写入导出目录 ${outDir}：${(err as Error).message}`, { outDir })
  }
}

/** The case's officers, in team order (the case names only officers on file). */
export async function officersOf(db: Scope, caseId: number): Promise<OfficerRecord[]> {
  const links = (await caseOfficers(db, [caseId])).get(caseId) ?? []
  const out: OfficerRecord[] = []
  for (const l of links) out.push((await findOfficer(db, l.officerId))!)
  return out
}
