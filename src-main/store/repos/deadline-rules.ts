/** The versioned deadline rule tables (deadline_rule_sets) and the cases a new table is applied to. */
import type { DeadlineRule } from '../../core/deadlines'
import type { Db } from '../db'

/** Save a rule table as the next version; returns the version. */
export function insertRuleSet(db: Db, set: { name: string; rules: readonly DeadlineRule[] }, at: string, actor: string): number {
  return Number(
    db
      .prepare('INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(set.name, JSON.stringify(set.rules), at, actor).lastInsertRowid
  )
}

/** Ids of the cases in one of `statuses`. */
export function caseIdsWithStatus(db: Db, statuses: readonly string[]): number[] {
  return (
    db.prepare(`SELECT id FROM cases WHERE status IN (SELECT value FROM json_each(?))`).all(JSON.stringify(statuses)) as { id: number }[]
  ).map((r) => r.id)
}
