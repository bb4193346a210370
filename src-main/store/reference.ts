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
import type { Db } from './db'
import { appendActivity } from './activity'
import { parseJsonColumn } from './json'

export function seedReferenceData(db: Db, actor: string): void {
  const at = new Date().toISOString()
  const hasCalendar = (db.prepare('SELECT COUNT(*) AS n FROM calendar_years').get() as { n: number }).n > 0
  if (!hasCalendar) {
    const insert = db.prepare(
      `INSERT INTO calendar_years (year, rest_days, makeup_workdays, source, version, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    )
    const years = Object.entries(cn.years).map(([year, y]) => CalendarYearSchema.parse({ year: Number(year), ...y }))
    for (const y of years) {
      insert.run(y.year, JSON.stringify(y.restDays), JSON.stringify(y.makeupWorkdays), cn.source, cn.version, at, 'bundled')
    }
    appendActivity(db, {
      actor,
      action: 'calendar.seed',
      targetType: 'calendar',
      summary: `载入内置工作日历（${years[0]!.year}–${years.at(-1)!.year}年，${cn.version}）`,
      detail: { version: cn.version, years: years.map((y) => y.year) },
      at
    })
  }
  const latest = db.prepare('SELECT version, name, rules FROM deadline_rule_sets ORDER BY version DESC LIMIT 1').get() as
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
      const info = db
        .prepare('INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)')
        .run(latest.name, JSON.stringify([...current, ...missing]), at, 'bundled-upgrade')
      appendActivity(db, {
        actor,
        action: 'deadlines.rules.upgrade',
        targetType: 'deadline_rules',
        targetId: Number(info.lastInsertRowid),
        summary: `升级期限规则：新增${missing.map((r) => r.label).join('、')}`,
        detail: { added: missing },
        at
      })
    }
  }
  if (!latest) {
    const set = DeadlineRuleSetSchema.parse(defaultRules)
    const info = db
      .prepare('INSERT INTO deadline_rule_sets (name, rules, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(set.name, JSON.stringify(set.rules), at, 'bundled')
    appendActivity(db, {
      actor,
      action: 'deadlines.rules.seed',
      targetType: 'deadline_rules',
      targetId: Number(info.lastInsertRowid),
      summary: `载入默认期限规则（${set.name}）`,
      detail: set,
      at
    })
  }
  const hasCatalogue = (db.prepare('SELECT COUNT(*) AS n FROM major_catalogues').get() as { n: number }).n > 0
  if (!hasCatalogue) {
    const cat = MajorCatalogueSchema.parse(defaultCatalogue)
    const info = db
      .prepare('INSERT INTO major_catalogues (name, effective_from, config, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(cat.name, cat.effectiveFrom, JSON.stringify(cat), at, 'bundled')
    appendActivity(db, {
      actor,
      action: 'review.catalogue.seed',
      targetType: 'major_catalogue',
      targetId: Number(info.lastInsertRowid),
      summary: `载入默认重大执法决定法制审核目录（${cat.name}）`,
      detail: cat,
      at
    })
  }
}
