/**
 * The deadlines the case form previews while a case is being registered: 立案期限 from the date the matter came
 * to light, 作出处理决定期限 from the filing date, each by the agency's current rule set. Pure.
 */
import { alertLevel, type AlertLevel, type DeadlineRule } from './deadlines'

/**
 * The length and unit of rule `code` for a case of `procedure`, or null when the rule set has none that
 * applies or it counts in hours (no calendar date to preview).
 */
export function previewRule(
  rules: readonly Pick<DeadlineRule, 'code' | 'length' | 'unit' | 'procedures'>[],
  code: string,
  procedure: string
): { length: number; unit: Exclude<DeadlineRule['unit'], 'hours'> } | null {
  const r = rules.find((x) => x.code === code)
  if (!r || r.unit === 'hours' || !(r.procedures as readonly string[]).includes(procedure)) return null
  return { length: r.length, unit: r.unit }
}

/** The alert a previewed due date would carry today (the workbench's T-3 / T-1 / overdue). */
export function previewAlert(due: string, today: string): AlertLevel {
  return alertLevel(due, today, null)
}
