/**
 * Checks every service repeats: the case exists, a date is not in the future, an export folder is writable.
 */
import { join } from 'node:path'
import { appError } from '../core/errors'
import type { Db } from '../store/db'
import { writeFileAtomic } from '../store/atomic'
import { addCaseEvent, findCase, updateCase, type CaseRecord } from '../store/repos/cases'
import { canTransition } from '../core/case'
import { today, type ServiceContext } from './context'

export function mustCase(db: Db, id: number): CaseRecord {
  const c = findCase(db, id)
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

/**
 * A step that also moves the case on (submitting for review → 法制审核中, a hearing request → 听证) does so only
 * where the status machine allows it; otherwise the case keeps its status and is only touched. Returns whether it moved.
 */
export function followStatus(
  db: Db,
  c: CaseRecord,
  to: CaseRecord['status'],
  date: string,
  note: string,
  actor: string,
  at: string
): boolean {
  if (!canTransition(c.procedure, c.status, to)) {
    updateCase(db, { ...c, updatedAt: at })
    return false
  }
  updateCase(db, { ...c, status: to, updatedAt: at })
  addCaseEvent(db, c.id, { type: 'status', date, status: to, note }, actor, at)
  return true
}
