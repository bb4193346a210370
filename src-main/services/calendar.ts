import { CalendarYearSchema, WorkCalendar, type CalendarYear, type PeriodUnit } from '../core/calendar'
import { appError } from '../core/errors'
import { toFieldIssues } from '../core/validation'
import { sha256Hex, canonical } from '../store/activity'
import type { Scope } from '../store/engine/engine'
import { calendarYearRecords, calendarYearVersion, saveCalendarYear } from '../store/repos/calendar'
import { change, type ServiceContext } from './context'

/**
 * The calendar in force. Its version names the data set of every year: the bundled version, plus
 * `+YEAR:VERSION` for each year that came from somewhere else (an import), so a deadline's record says
 * exactly which schedules produced it.
 */
export async function loadCalendar(db: Scope): Promise<WorkCalendar> {
  const rows = await calendarYearRecords(db)
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.version, (counts.get(r.version) ?? 0) + 1)
  const base = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none'
  const extras = rows.filter((r) => r.version !== base).map((r) => `+${r.year}:${r.version}`)
  return new WorkCalendar({
    version: base + extras.join(''),
    years: rows.map((r) => ({ year: r.year, restDays: r.restDays, makeupWorkdays: r.makeupWorkdays }))
  })
}

export async function calendarListYears(ctx: ServiceContext) {
  const rows = await calendarYearRecords(ctx.home.store)
  return {
    version: (await loadCalendar(ctx.home.store)).version,
    years: rows.map((r) => ({
      year: r.year,
      restDays: r.restDays.length,
      makeupWorkdays: r.makeupWorkdays.length,
      source: r.source,
      version: r.version,
      importedAt: r.importedAt,
      importedBy: r.importedBy
    }))
  }
}

/**
 * Parse an import: JSON `{ year, restDays, makeupWorkdays, source? }` (dates as strings or [date, name]),
 * or a table with one day a line: `2027-01-01,休,元旦` / `2027-02-07,班,春节` (tab, comma or blanks).
 */
export function parseCalendarImport(text: string): { year: CalendarYear; source: string } {
  const trimmed = text.trim()
  let raw: { year?: unknown; restDays?: unknown; makeupWorkdays?: unknown; source?: unknown }
  if (trimmed.startsWith('{')) {
    try {
      raw = JSON.parse(trimmed) as typeof raw
    } catch (err) {
      throw appError('CALENDAR_IMPORT_INVALID', `日历文件不是有效的 JSON：${(err as Error).message}`)
    }
    const pair = (v: unknown) => (typeof v === 'string' ? [v, ''] : v)
    raw.restDays = Array.isArray(raw.restDays) ? raw.restDays.map(pair) : raw.restDays
    raw.makeupWorkdays = Array.isArray(raw.makeupWorkdays) ? raw.makeupWorkdays.map(pair) : raw.makeupWorkdays
  } else {
    const rest: [string, string][] = []
    const work: [string, string][] = []
    const lines = trimmed.split(/\r?\n/)
    lines.forEach((line, i) => {
      const l = line.trim()
      if (!l || l.startsWith('#') || /^(date|日期)/i.test(l)) return
      const [date, type, name = ''] = l.split(/[\t,，\s]+/)
      if (type === '休' || type === 'rest' || type === 'holiday') rest.push([date ?? '', name])
      else if (type === '班' || type === 'work' || type === 'makeup') work.push([date ?? '', name])
      else throw appError('CALENDAR_IMPORT_INVALID', `第${i + 1}行：第二列应为“休”或“班”，实际为“${type ?? ''}”`)
    })
    const years = new Set([...rest, ...work].map(([d]) => d.slice(0, 4)))
    if (years.size !== 1) throw appError('CALENDAR_IMPORT_INVALID', '一个文件只能导入一个年份的日历')
    raw = { year: Number([...years][0]), restDays: rest, makeupWorkdays: work }
  }
  const parsed = CalendarYearSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error)
    throw appError('CALENDAR_IMPORT_INVALID', `日历数据有误：${issues[0]?.message ?? ''}`, { issues })
  }
  if (parsed.data.restDays.length === 0) throw appError('CALENDAR_IMPORT_INVALID', '日历中没有任何放假日期')
  return { year: parsed.data, source: typeof raw.source === 'string' && raw.source ? raw.source : '手工导入（国务院办公厅通知）' }
}

export function calendarImport(ctx: ServiceContext, input: { text: string; replace: boolean }) {
  const { year, source } = parseCalendarImport(input.text)
  const version = `import-${sha256Hex(canonical(year)).slice(0, 8)}`
  return change(
    ctx,
    'calendar',
    async (db, at) => {
      const existing = await calendarYearVersion(db, year.year)
      if (existing !== null && !input.replace) {
        throw appError('CALENDAR_YEAR_EXISTS', `${year.year}年的日历已存在（${existing}）；如需替换请选择“覆盖”`)
      }
      await saveCalendarYear(db, year, { source, version, at, actor: ctx.actor })
      return {
        year: year.year,
        version,
        restDays: year.restDays.length,
        makeupWorkdays: year.makeupWorkdays.length,
        replaced: existing !== null
      }
    },
    (r) => ({
      action: 'calendar.import',
      targetType: 'calendar',
      targetId: r.year,
      summary: `导入${r.year}年工作日历（放假${r.restDays}天，调休上班${r.makeupWorkdays}天）`,
      detail: { ...year, source, version }
    })
  )
}

export async function calendarPreview(ctx: ServiceContext, input: { start: string; length: number; unit: PeriodUnit }) {
  const r = (await loadCalendar(ctx.home.store)).add(input.start, input.length, input.unit)
  return { ...r, due: input.unit === 'hours' ? r.due : r.due.slice(0, 10) }
}
