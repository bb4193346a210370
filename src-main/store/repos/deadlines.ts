/**
 * Deadline rule sets: each save of the rule table is a new version; the latest is in force, older ones stay
 * so a computed deadline can name the version it came from.
 */
import { DeadlineRuleSetSchema, type DeadlineRule } from '../../core/deadlines'
import { parseJsonColumn } from '../json'
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

export interface DeadlineRuleSetRecord {
  version: number
  name: string
  rules: DeadlineRule[]
  createdAt: string
}

interface Row {
  version: number
  name: string
  rules: string
  created_at: string
  created_by: string
}

/** The rule set in force (the highest version), or null before any is seeded. */
export async function latestRuleSet(db: Scope): Promise<DeadlineRuleSetRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM deadline_rule_sets ORDER BY version DESC LIMIT 1')) as Row | undefined
  return r
    ? {
        version: r.version,
        name: r.name,
        rules: parseJsonColumn(DeadlineRuleSetSchema.shape.rules, r.rules, {
          table: 'deadline_rule_sets',
          column: 'rules',
          id: r.version,
          key: 'version'
        }),
        createdAt: r.created_at
      }
    : null
}

/** Save a rule set as the next version; returns that version. */
export async function insertRuleSet(
  db: Scope,
  set: { name: string; rules: readonly DeadlineRule[] },
  at: string,
  actor: string
): Promise<number> {
  return Number(
    await q.insert(
      db,
      'INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)',
      [set.name, JSON.stringify(set.rules), at, actor],
      'version'
    )
  )
}
