/**
 * The working-day calendar, one row per year: its rest days and make-up workdays, where they came from
 * (bundled data or an import) and the version of that data set.
 */
import { z } from 'zod'
import type { CalendarYear } from '../../core/calendar'
import { parseJsonColumn } from '../json'
import type { Scope } from '../engine/engine'
import * as q from '../engine/sql'

export interface CalendarYearRecord extends CalendarYear {
  source: string
  version: string
  importedAt: string
  importedBy: string
}

interface Row {
  year: number
  rest_days: string
  makeup_workdays: string
  source: string
  version: string
  imported_at: string
  imported_by: string
}

/** a list of [date, name] pairs, as CalendarYear holds them */
const DAYS: z.ZodType<CalendarYear['restDays']> = z.array(z.tuple([z.string(), z.string()]))

function fromRow(r: Row): CalendarYearRecord {
  return {
    year: r.year,
    restDays: parseJsonColumn(DAYS, r.rest_days, { table: 'calendar_years', column: 'rest_days', id: r.year, key: 'year' }),
    makeupWorkdays: parseJsonColumn(DAYS, r.makeup_workdays, {
      table: 'calendar_years',
      column: 'makeup_workdays',
      id: r.year,
      key: 'year'
    }),
    source: r.source,
    version: r.version,
    importedAt: r.imported_at,
    importedBy: r.imported_by
  }
}

/** Every year held, oldest first. */
export async function calendarYearRecords(db: Scope): Promise<CalendarYearRecord[]> {
  return ((await q.all(db, 'SELECT * FROM calendar_years ORDER BY year')) as Row[]).map(fromRow)
}

/** The data-set version held for a year, or null when the year is not held. */
export async function calendarYearVersion(db: Scope, year: number): Promise<string | null> {
  const r = (await q.get(db, 'SELECT version FROM calendar_years WHERE year = ?', [year])) as Pick<Row, 'version'> | undefined
  return r?.version ?? null
}

/** Store a year, replacing what was held for it. */
export async function saveCalendarYear(
  db: Scope,
  y: CalendarYear,
  meta: { source: string; version: string; at: string; actor: string }
): Promise<void> {
  await q.run(
    db,
    `INSERT INTO calendar_years (year, rest_days, makeup_workdays, source, version, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(year) DO UPDATE SET rest_days = excluded.rest_days, makeup_workdays = excluded.makeup_workdays,
       source = excluded.source, version = excluded.version, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
    [y.year, JSON.stringify(y.restDays), JSON.stringify(y.makeupWorkdays), meta.source, meta.version, meta.at, meta.actor]
  )
}
