/**
 * Reference data shipped with the program (working-day calendars, the default deadline table), seeded into a
 * data home whose tables are still empty — on first run, and on the first open after an upgrade that adds them.
 */
import cn from '../../resources/calendars/cn.json'
import defaultRules from '../../resources/deadlines/default.json'
import defaultCatalogue from '../../resources/review/catalogue.json'
import { MajorCatalogueSchema } from '../core/major-decision'
import { CalendarYearSchema } from '../core/calendar'
import { DeadlineRuleSetSchema } from '../core/deadlines'
import type { Scope } from './engine/engine'
import { appendActivity } from './activity'
import { parseJsonColumn } from './json'
import * as q from './engine/sql'

/**
 * Whether seedReferenceData has anything to write (read only): opening a home that is up to date takes no write
 * lock, so several connections of one process can open it at once.
 */
export async function referenceDataPending(db: Scope): Promise<boolean> {
  const count = async (table: string) => Number((await q.get<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0)
  if ((await count('calendar_years')) === 0 || (await count('major_catalogues')) === 0) return true
  const latest = await q.get<{ version: number; rules: string }>(
    db,
    'SELECT version, rules FROM deadline_rule_sets ORDER BY version DESC LIMIT 1'
  )
  if (!latest) return true
  const current = parseJsonColumn(DeadlineRuleSetSchema.shape.rules, latest.rules, {
    table: 'deadline_rule_sets',
    column: 'rules',
    id: latest.version,
    key: 'version'
  })
  return DeadlineRuleSetSchema.parse(defaultRules).rules.some((r) => !current.some((c) => c.code === r.code))
}

export async function seedReferenceData(db: Scope, actor: string): Promise<void> {
  const at = new Date().toISOString()
  const hasCalendar = ((await q.get(db, 'SELECT COUNT(*) AS n FROM calendar_years')) as { n: number }).n > 0
  if (!hasCalendar) {
    const years = Object.entries(cn.years).map(([year, y]) => CalendarYearSchema.parse({ year: Number(year), ...y }))
    for (const y of years) {
      await q.run(
        db,
        `INSERT INTO calendar_years (year, rest_days, makeup_workdays, source, version, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [y.year, JSON.stringify(y.restDays), JSON.stringify(y.makeupWorkdays), cn.source, cn.version, at, 'bundled']
      )
    }
    await appendActivity(db, {
      actor,
      action: 'calendar.seed',
      targetType: 'calendar',
      summary: `载入内置工作日历（${years[0]!.year}–${years.at(-1)!.year}年，${cn.version}）`,
      detail: { version: cn.version, years: years.map((y) => y.year) },
      at
    })
  }
  const latest = (await q.get(db, 'SELECT version, name, rules FROM deadline_rule_sets ORDER BY version DESC LIMIT 1')) as
    { version: number; name: string; rules: string } | undefined
  if (latest) {
    // an upgrade that ships new rules (e.g. the legal-review period) adds them to the rules in force, keeping local edits
    const bundled = DeadlineRuleSetSchema.parse(defaultRules)
    const current = parseJsonColumn(DeadlineRuleSetSchema.shape.rules, latest.rules, {
      table: 'deadline_rule_sets',
      column: 'rules',
      id: latest.version,
      key: 'version'
    })
    const missing = bundled.rules.filter((r) => !current.some((c) => c.code === r.code))
    if (missing.length) {
      const newId = await q.insert(
        db,
        'INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)',
        [latest.name, JSON.stringify([...current, ...missing]), at, 'bundled-upgrade'],
        'version'
      )
      await appendActivity(db, {
        actor,
        action: 'deadlines.rules.upgrade',
        targetType: 'deadline_rules',
        targetId: newId,
        summary: `升级期限规则：新增${missing.map((r) => r.label).join('、')}`,
        detail: { added: missing },
        at
      })
    }
  }
  if (!latest) {
    const set = DeadlineRuleSetSchema.parse(defaultRules)
    const newId = await q.insert(
      db,
      'INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)',
      [set.name, JSON.stringify(set.rules), at, 'bundled'],
      'version'
    )
    await appendActivity(db, {
      actor,
      action: 'deadlines.rules.seed',
      targetType: 'deadline_rules',
      targetId: newId,
      summary: `载入默认期限规则（${set.name}）`,
      detail: set,
      at
    })
  }
  const hasCatalogue = ((await q.get(db, 'SELECT COUNT(*) AS n FROM major_catalogues')) as { n: number }).n > 0
  if (!hasCatalogue) {
    const cat = MajorCatalogueSchema.parse(defaultCatalogue)
    const newId = await q.insert(
      db,
      'INSERT INTO major_catalogues (name, effective_from, config, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      [cat.name, cat.effectiveFrom, JSON.stringify(cat), at, 'bundled'],
      'version'
    )
    await appendActivity(db, {
      actor,
      action: 'review.catalogue.seed',
      targetType: 'major_catalogue',
      targetId: newId,
      summary: `载入默认重大执法决定法制审核目录（${cat.name}）`,
      detail: cat,
      at
    })
  }
}
