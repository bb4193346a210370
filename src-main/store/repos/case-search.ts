/** Full-text search over cases: the trigram index row kept in step with the case, queries and snippets. */
import type { Db } from '../db'
import { caseParties, findCase } from './cases'
import { ftsMatch } from './case-fts'

/** Keep the full-text index row of a case in step with the case (same transaction). */
export function indexCase(db: Db, caseId: number): void {
  const c = findCase(db, caseId)
  db.prepare('DELETE FROM cases_fts WHERE rowid = ?').run(caseId)
  if (!c) return
  const names = (caseParties(db, [caseId]).get(caseId) ?? []).map((p) => p.name).join(' ')
  db.prepare('INSERT INTO cases_fts (rowid, name, cause, facts, parties) VALUES (?, ?, ?, ?, ?)').run(
    caseId,
    c.name,
    c.cause,
    c.facts,
    names
  )
}

/** The hit in context for the cases shown: the first column containing the text, the hit in 【】. */
export function caseSnippets(db: Db, q: string, caseIds: readonly number[]): Map<number, string> {
  const text = q.trim()
  const out = new Map<number, string>()
  if (!text || caseIds.length === 0) return out
  const rows = db
    .prepare(`SELECT rowid AS id, name, cause, facts, parties FROM cases_fts WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(caseIds)) as { id: number; name: string; cause: string; facts: string; parties: string }[]
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
export function searchCaseIds(db: Db, q: string, limit: number): { id: number; snippet: string }[] {
  if (!q.trim()) return []
  const m = ftsMatch(q)
  const ids = (
    db.prepare(`SELECT rowid AS id FROM cases_fts WHERE ${m.where} ORDER BY rowid DESC LIMIT ?`).all(...m.params, limit) as { id: number }[]
  ).map((r) => r.id)
  const snippets = caseSnippets(db, q, ids)
  return ids.map((id) => ({ id, snippet: snippets.get(id) ?? '' }))
}
