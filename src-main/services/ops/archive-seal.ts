/**
 * The status part of archiving (立卷归档), run inside the archive job's transaction: 立卷 (closed → dossier), then
 * 归档 (dossier → archived) with the archive number taken from its sequence, the retention and the date, and the
 * dossier locked. Only the archive job (and the demo, seeding the same history) makes these moves: they are owned
 * by the 'dossiers.archive' step (core/approvals.ts), and 推进 refuses them.
 */
import { CASE_STATUS_LABELS } from '../../core/case'
import { appError } from '../../core/errors'
import type { Scope } from '../../store/engine/engine'
import { nextNumber, peekNextNumber, type CaseRecord } from '../../store/repos/cases'
import { lockDossier } from '../../store/repos/dossiers'
import { getSetting } from '../../store/settings'
import { mustCase } from '../guards'
import type { Tx } from '../context'
import { transitionCase } from './case-status'

/** 保存期限: general-procedure files permanent, summary ones 30 years (settings may change both). */
export async function retentionFor(db: Scope, procedure: CaseRecord['procedure']): Promise<string> {
  return procedure === 'general'
    ? await getSetting(db, 'archive.retentionGeneral', '永久')
    : await getSetting(db, 'archive.retentionSummary', '30年')
}

/** The archive number the next archiving in `year` will take (for the cover printed before it is taken). */
export async function provisionalArchiveNumber(db: Scope, year: number): Promise<string> {
  return `${year}${String(await peekNextNumber(db, 'archive', year)).padStart(4, '0')}`
}

/** 立卷: a closed case's dossier is compiled (closed → dossier). */
export async function compileDossier(tx: Tx, caseId: number, date: string): Promise<CaseRecord> {
  return transitionCase(tx, { id: caseId, to: 'dossier', date, note: '立卷' }, 'dossiers.archive')
}

export interface ArchiveRecord {
  archiveNumber: string
  retention: string
  archivedOn: string
  bundleSha256: string | null
}

/**
 * 归档: compile the dossier if the case is still only closed, move it to 已归档 with its archive number, lock the
 * dossier and append `dossier.archive`. `expected` is the number already printed on the cover: a different one
 * (another archiving took it meanwhile) aborts the transaction.
 */
export async function archiveCase(
  tx: Tx,
  a: { caseId: number; date: string; bundleSha256: string | null; expected?: string; pages?: number; detail?: Record<string, unknown> }
): Promise<ArchiveRecord> {
  const c = await mustCase(tx.db, a.caseId)
  if (c.status !== 'closed' && c.status !== 'dossier') {
    throw appError('DOSSIER_CASE_NOT_CLOSED', `案件当前状态为“${CASE_STATUS_LABELS[c.status]}”，尚未结案，不能归档`)
  }
  const year = Number(a.date.slice(0, 4))
  const number = a.expected ?? (await provisionalArchiveNumber(tx.db, year))
  if (c.status === 'closed') await compileDossier(tx, c.id, a.date)
  await transitionCase(tx, { id: c.id, to: 'archived', date: a.date, note: `归档号 ${number}` }, 'dossiers.archive')
  const taken = `${year}${String(await nextNumber(tx.db, 'archive', year)).padStart(4, '0')}`
  if (taken !== number) throw new Error('archive number changed during export; try again')
  const retention = await retentionFor(tx.db, c.procedure)
  await lockDossier(tx.db, c.id, { archiveNumber: number, retention, archivedOn: a.date, bundleSha256: a.bundleSha256, at: tx.at })
  const r: ArchiveRecord = { archiveNumber: number, retention, archivedOn: a.date, bundleSha256: a.bundleSha256 }
  await tx.record('dossier', {
    action: 'dossier.archive',
    targetType: 'dossier',
    targetId: c.id,
    caseId: String(c.id),
    summary: `归档：${c.name}（归档号 ${number}，保存期限${retention}${a.pages !== undefined ? `，${a.pages}页` : ''}）`,
    detail: { ...r, ...(a.detail ?? {}) }
  })
  return r
}
