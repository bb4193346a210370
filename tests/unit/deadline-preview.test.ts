import { describe, expect, it } from 'vitest'
import defaultRules from '../../resources/deadlines/default.json'
import { previewAlert, previewRule } from '../../src-main/core/deadline-preview'
import { DeadlineRuleSetSchema } from '../../src-main/core/deadlines'

const rules = DeadlineRuleSetSchema.parse(defaultRules).rules

describe('previewRule', () => {
  it('the default rules: 15 working days to file, 90 calendar days to decide, general procedure only', () => {
    expect(previewRule(rules, 'filing', 'general')).toEqual({ length: 15, unit: 'WD' })
    expect(previewRule(rules, 'decision', 'general')).toEqual({ length: 90, unit: 'CD' })
    expect(previewRule(rules, 'filing', 'summary')).toBeNull()
  })
  it("an agency's own rule set wins; a missing rule or one in hours previews nothing", () => {
    const edited = rules.map((r) => (r.code === 'filing' ? { ...r, length: 7, unit: 'CD' as const } : r))
    expect(previewRule(edited, 'filing', 'general')).toEqual({ length: 7, unit: 'CD' })
    expect(previewRule([], 'filing', 'general')).toBeNull()
    const hours = rules.map((r) => (r.code === 'decision' ? { ...r, unit: 'hours' as const } : r))
    expect(previewRule(hours, 'decision', 'general')).toBeNull()
  })
})

describe('previewAlert', () => {
  it('T-3, T-1 and overdue in calendar days', () => {
    expect(previewAlert('2026-11-30', '2026-11-26')).toBe('ok')
    expect(previewAlert('2026-11-29', '2026-11-26')).toBe('due3')
    expect(previewAlert('2026-11-27', '2026-11-26')).toBe('due1')
    expect(previewAlert('2026-11-26', '2026-11-26')).toBe('due1')
    expect(previewAlert('2026-11-25', '2026-11-26')).toBe('overdue')
  })
})
