/** Full-text search over cases: the trigram index row kept in step with the case, queries and snippets. */
import type { Scope } from '../engine/engine'
import { caseParties, findCase } from './cases'
import { ftsMatch } from './case-fts'
import * as q from '../engine/sql'

/** Keep the full-text index row of a case in step with the case (same transaction). */
export async function indexCase(db: Scope, caseId: number): Promise<void> {
  // PostgreSQL's triggers keep the row in step (migrations-pg/003)
  if (db.engine === 'postgres') return
  const c = await findCase(db, caseId)
  await q.run(db, 'DELETE FROM cases_fts WHERE rowid = ?', [caseId])
  if (!c) return
  const names = ((await caseParties(db, [caseId])).get(caseId) ?? []).map((p) => p.name).join(' ')
  await q.run(db, 'INSERT INTO cases_fts (rowid, name, cause, facts, parties) VALUES (?, ?, ?, ?, ?)', [
    caseId,
    c.name,
    c.cause,
    c.facts,
    names
  ])
}

/** The hit in context for the cases shown: the first column containing the text, the hit in 【】. */
export async function caseSnippets(db: Scope, query: string, caseIds: readonly number[]): Promise<Map<number, string>> {
  const text = query.trim()
  const out = new Map<number, string>()
  if (!text || caseIds.length === 0) return out
  const rows = await q.all<{ id: number; name: string; cause: string; facts: string; parties: string }>(
    db,
    `SELECT rowid AS id, name, cause, facts, parties FROM cases_fts WHERE ${q.inList(db, 'rowid')}`,
    [q.listParam(db, caseIds)]
  )
  for (const r of rows) {
    const field = [r.facts, r.name, r.cause, r.parties].find((f) => f.includes(text))
    if (!field) continue
    const at = field.indexOf(text)
    const from = Math.max(0, at - 16)
    const to = Math.min(field.length, at + text.length + 16)
    out.set(
      r.id,
      (from > 0 ? '…' : '') +
        field.slice(from, at) +
        '【' +
        text +
        '】' +
        field.slice(at + text.length, to) +
        (to < field.length ? '…' : '')
    )
  }
  return out
}

/** Substring search, newest cases first (rank means little for substrings; clerks look for recent cases). */
export async function searchCaseIds(db: Scope, query: string, limit: number): Promise<{ id: number; snippet: string }[]> {
  if (!query.trim()) return []
  const m = ftsMatch(query, db.engine)
  const ids = (
    await q.all<{ id: number }>(db, `SELECT rowid AS id FROM cases_fts WHERE ${m.where} ORDER BY rowid DESC LIMIT ?`, [...m.params, limit])
  ).map((r) => r.id)
  const snippets = await caseSnippets(db, query, ids)
  return ids.map((id) => ({ id, snippet: snippets.get(id) ?? '' }))
}
