/**
 * Deadline engine (期限). Pure: rules (configuration) + the case's dated events + a calendar → deadlines.
 * Each deadline records the rule-set version and the calendar version that produced it.
 */
import { z } from 'zod'
import { addDays, daysBetween } from './dates'
import type { PeriodUnit, WorkCalendar } from './calendar'
import { PROCEDURES, type Procedure } from './case'

/** Dated facts of a case that start or complete deadlines. */
export const CASE_EVENT_TYPES = [
  'registered',
  'filed',
  'notice_served',
  'decided',
  'served',
  'paid',
  'published',
  'closed',
  'archived',
  'not_filed',
  'transferred',
  'no_penalty',
  'revoked',
  'terminated',
  'suspended',
  'resumed',
  'review_submitted',
  'review_decided',
  'hearing_requested',
  'hearing_held',
  'discussion_held',
  'waived',
  /** the decision was revoked or changed: a published record must come down */
  'decision_changed',
  'publicity_withdrawn',
  /** any other status change, recorded for the timeline */
  'status'
] as const
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number]

export const DeadlineRuleSchema = z.object({
  code: z.string().regex(/^[a-z_]+$/, { message: '规则代码只能包含小写字母和下划线' }),
  label: z.string().min(1),
  trigger: z.enum(CASE_EVENT_TYPES),
  length: z.number().int().min(0).max(3650),
  unit: z.enum(['WD', 'CD', 'months', 'hours']),
  kind: z.enum(['duty', 'window']),
  procedures: z.array(z.enum(PROCEDURES)).min(1),
  completedBy: z.array(z.enum(CASE_EVENT_TYPES)),
  extendable: z.boolean(),
  /** only for cases with a fine (no payment period for a warning) */
  onlyWithFine: z.boolean().default(false),
  source: z.string().min(1, { message: '请注明法律依据或规定来源' })
})
export type DeadlineRule = z.output<typeof DeadlineRuleSchema>

export const DeadlineRuleSetSchema = z.object({
  name: z.string().min(1),
  rules: z.array(DeadlineRuleSchema).refine((rs) => new Set(rs.map((r) => r.code)).size === rs.length, { message: '规则代码不能重复' })
})
export type DeadlineRuleSet = z.output<typeof DeadlineRuleSetSchema>

export interface CaseEvent {
  type: CaseEventType
  date: string
}

export type DeadlineAdjustment =
  | { code: string; kind: 'extension'; length: number; reason: string; approvedBy: string }
  | { code: string; kind: 'exclusion'; from: string; to: string; reason: string }

export type AlertLevel = 'met' | 'overdue' | 'due1' | 'due3' | 'ok'

export interface ComputedDeadline {
  code: string
  label: string
  kind: 'duty' | 'window'
  trigger: CaseEventType
  start: string
  length: number
  unit: PeriodUnit
  /** extension length in the rule's unit, and the length added for excluded periods */
  extension: number
  excluded: number
  due: string
  verified: boolean
  calendarVersion: string
  ruleVersion: number
  metAt: string | null
  source: string
}

/** Length of an excluded period measured in the rule's unit (inclusive of both ends). */
function excludedLength(cal: WorkCalendar, unit: PeriodUnit, from: string, to: string): number {
  if (to < from) return 0
  if (unit === 'WD') return cal.workingDaysBetween(addDays(from, -1), to)
  if (unit === 'CD') return daysBetween(from, to) + 1
  return 0 // month and hour periods are not suspended day by day
}

export function computeDeadlines(
  procedure: Procedure,
  events: readonly CaseEvent[],
  rules: readonly DeadlineRule[],
  ruleVersion: number,
  cal: WorkCalendar,
  adjustments: readonly DeadlineAdjustment[] = [],
  options: { hasFine: boolean } = { hasFine: true }
): ComputedDeadline[] {
  const out: ComputedDeadline[] = []
  for (const rule of rules) {
    if (!rule.procedures.includes(procedure)) continue
    if (rule.onlyWithFine && !options.hasFine) continue
    // the latest occurrence of the trigger starts the period (a repeated notice restarts its windows)
    const starts = events
      .filter((e) => e.type === rule.trigger)
      .map((e) => e.date)
      .sort()
    const start = starts.at(-1)
    if (!start) continue
    const completion = events
      .filter((e) => rule.completedBy.includes(e.type) && e.date >= start)
      .map((e) => e.date)
      .sort()[0]
    const mine = adjustments.filter((a) => a.code === rule.code)
    const extension = rule.extendable ? mine.reduce((n, a) => n + (a.kind === 'extension' ? a.length : 0), 0) : 0
    const excluded = mine.reduce((n, a) => n + (a.kind === 'exclusion' ? excludedLength(cal, rule.unit, a.from, a.to) : 0), 0)
    const r = cal.add(start, rule.length + extension + excluded, rule.unit)
    out.push({
      code: rule.code,
      label: rule.label,
      kind: rule.kind,
      trigger: rule.trigger,
      start,
      length: rule.length,
      unit: rule.unit,
      extension,
      excluded,
      due: r.due.slice(0, 10),
      verified: r.verified,
      calendarVersion: r.calendarVersion,
      ruleVersion,
      metAt: completion ?? null,
      source: rule.source
    })
  }
  return out
}

/**
 * Workbench alert level: T-3, T-1, overdue (calendar days to the due date). A window (a period the party may
 * use, e.g. for statements) that has run out is done, not overdue.
 */
export function alertLevel(due: string, today: string, metAt: string | null, kind: 'duty' | 'window' = 'duty'): AlertLevel {
  if (metAt) return 'met'
  const left = daysBetween(today, due)
  if (kind === 'window' && left < 0) return 'met'
  if (left < 0) return 'overdue'
  if (left <= 1) return 'due1'
  if (left <= 3) return 'due3'
  return 'ok'
}

export const ALERT_LABELS: Record<AlertLevel, string> = {
  met: '已完成',
  overdue: '已逾期',
  due1: '1日内到期',
  due3: '3日内到期',
  ok: '未到期'
}

export const STATUS_EVENT: Partial<Record<string, CaseEventType>> = {
  filed: 'filed',
  notice: 'notice_served',
  decided: 'decided',
  served: 'served',
  closed: 'closed',
  archived: 'archived',
  not_filed: 'not_filed',
  transferred: 'transferred',
  no_penalty: 'no_penalty',
  revoked: 'revoked',
  terminated: 'terminated'
}

/** Statuses in which no deadline matters any more. */
export const FINISHED_STATUSES = ['archived', 'not_filed'] as const
