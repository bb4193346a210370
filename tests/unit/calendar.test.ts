import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { execFileSync } from 'node:child_process'
import cn from '../../resources/calendars/cn.json'
import { CalendarYearSchema, dayOfWeek, estimatedRestDay, WorkCalendar, type CalendarData } from '../../src-main/core/calendar'
import { addDays } from '../../src-main/core/dates'

const data: CalendarData = {
  version: cn.version,
  years: Object.entries(cn.years).map(([year, y]) =>
    CalendarYearSchema.parse({ year: Number(year), restDays: y.restDays, makeupWorkdays: y.makeupWorkdays })
  )
}
const cal = new WorkCalendar(data)

describe('bundled calendar data', () => {
  it('covers 2020–2026 and is in sync with the chinese-days package', () => {
    expect(cal.officialYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026])
    execFileSync(process.execPath, ['scripts/build-calendar.mjs', '--check'])
  })
  it('has the published 2026 make-up workdays', () => {
    const y2026 = data.years.find((y) => y.year === 2026)!
    expect(y2026.makeupWorkdays.map(([d]) => d)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10'
    ])
  })
})

// Every expectation below was worked out by hand from the State Council schedules (weekday of each date checked).
describe('working-day periods (start day not counted; make-up days count)', () => {
  it.each([
    // 2026
    ['2026-09-28', 7, '2026-10-13'], // National Day; Sat 10-10 is a make-up workday
    ['2026-02-12', 5, '2026-02-26'], // Spring Festival; Sat 02-14 worked
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'], // Saturday make-up day
    ['2026-10-09', 2, '2026-10-12'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-27', 2, '2026-03-02'],
    ['2026-04-30', 3, '2026-05-08'],
    ['2026-04-30', 4, '2026-05-09'],
    ['2026-06-18', 1, '2026-06-22'], // Dragon Boat Festival Fri 06-19
    ['2026-09-18', 1, '2026-09-20'], // Sunday make-up day before Mid-Autumn
    ['2026-09-24', 2, '2026-09-29'],
    ['2026-01-01', 1, '2026-01-04'],
    ['2026-11-25', 7, '2026-12-04'],
    ['2026-11-25', 0, '2026-11-25'],
    // 2025
    ['2025-09-30', 1, '2025-10-09'], // eight-day National Day + Mid-Autumn break
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-10-10', 1, '2025-10-11'],
    ['2025-01-24', 3, '2025-02-05'], // Sun 01-26 worked, then Spring Festival 01-28..02-04
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-05-30', 1, '2025-06-03'],
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-30', 1, '2025-05-06'],
    // 2024
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-02', 1, '2024-02-04'],
    ['2024-09-13', 1, '2024-09-14'],
    ['2024-09-14', 1, '2024-09-18'],
    ['2024-09-30', 1, '2024-10-08'],
    ['2024-10-11', 1, '2024-10-12'],
    ['2024-06-07', 1, '2024-06-11'],
    ['2024-12-31', 1, '2025-01-02'],
    ['2024-04-26', 1, '2024-04-28']
  ])('%s + %i WD = %s', (start, n, due) => {
    expect(cal.addWorkingDays(start, n)).toMatchObject({ due, verified: true, calendarVersion: 'chinese-days-1.5.7' })
  })
})

describe('calendar-day periods (a last day on a rest day moves to the next working day)', () => {
  it.each([
    ['2026-09-15', 15, '2026-09-30', undefined],
    ['2026-09-16', 15, '2026-10-08', '2026-10-01'],
    ['2026-10-26', 5, '2026-11-02', '2026-10-31'],
    ['2026-02-05', 15, '2026-02-24', '2026-02-20'],
    ['2026-09-05', 15, '2026-09-20', undefined] // a Sunday, but a make-up workday
  ])('%s + %i CD = %s', (start, n, due, rolledFrom) => {
    const r = cal.addCalendarDays(start, n)
    expect(r.due).toBe(due)
    expect(r.rolledFrom).toBe(rolledFrom)
    expect(r.verified).toBe(true)
  })
})

describe('month periods (民法典 art. 202, then the rest-day rule)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'], // no 31 February; the 28th is a Saturday make-up workday
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-04-01', 6, '2025-10-09'], // lands on National Day, rolls past the eight-day break
    ['2026-04-03', 3, '2026-07-03']
  ])('%s + %i months = %s', (start, n, due) => {
    expect(cal.addMonths(start, n).due).toBe(due)
  })
})

describe('years without official data', () => {
  it('flags results that touch them as unverified and still skips weekends and fixed holidays', () => {
    expect(cal.addWorkingDays('2026-12-31', 1)).toMatchObject({ due: '2027-01-04', verified: false, unverifiedYears: [2027] })
    expect(cal.addCalendarDays('2026-11-25', 90)).toMatchObject({ due: '2027-02-23', verified: false })
    expect(cal.addMonths('2026-08-31', 6)).toMatchObject({ due: '2027-03-01', rolledFrom: '2027-02-28', verified: false })
    expect(cal.day('2027-10-01')).toMatchObject({ workday: false, reason: 'holiday', name: '国庆节', verified: false })
  })
  it('estimates lunar holidays that agree with the official schedules of 2020–2026', () => {
    for (const y of data.years) {
      const official = new Set(y.restDays.map(([d]) => d))
      for (let d = `${y.year}-01-01`; d.startsWith(String(y.year)); d = addDays(d, 1)) {
        const est = estimatedRestDay(d)
        if (est) expect(official.has(d), `${d} estimated as ${est}`).toBe(true)
      }
    }
  })
})

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 365 * 7 - 30 }).map((n) => addDays('2020-01-01', n))
  it('a working-day deadline is a working day, later than the start, with exactly n working days in between', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const { due } = cal.addWorkingDays(start, n)
        return due > start && cal.isWorkday(due) && cal.workingDaysBetween(start, due) === n && cal.workingDaysBetween(due, start) === -n
      }),
      { numRuns: 500 }
    )
  })
  it('a calendar-day deadline is a working day no earlier than start + n, with only rest days skipped', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (start, n) => {
        const r = cal.addCalendarDays(start, n)
        const plain = addDays(start, n)
        if (!cal.isWorkday(r.due) || r.due < plain) return false
        for (let d = plain; d < r.due; d = addDays(d, 1)) if (cal.isWorkday(d)) return false
        return true
      }),
      { numRuns: 500 }
    )
  })
  it('weekends are rest days unless listed as make-up workdays', () => {
    fc.assert(
      fc.property(day, (d) => {
        const info = cal.day(d)
        const weekend = dayOfWeek(d) === 0 || dayOfWeek(d) === 6
        return weekend ? info.workday === (info.reason === 'makeup') : info.workday === (info.reason === 'weekday')
      }),
      { numRuns: 1000 }
    )
  })
})

describe('calendar import validation', () => {
  it('rejects dates outside the year, duplicates, and make-up days that are not weekends', () => {
    const r = CalendarYearSchema.safeParse({
      year: 2027,
      restDays: [
        ['2027-01-01', '元旦'],
        ['2026-12-31', 'x'],
        ['2027-01-01', '元旦']
      ],
      makeupWorkdays: [['2027-01-04', '周一']]
    })
    expect(r.success).toBe(false)
    const msgs = r.error!.issues.map((i) => i.message)
    expect(msgs).toEqual(
      expect.arrayContaining(['2026-12-31 不属于 2027 年', '2027-01-01 重复出现', '2027-01-04 不是周末，不能作为调休上班日'])
    )
  })
})
