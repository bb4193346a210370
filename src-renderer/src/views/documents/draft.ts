/** Small pure helpers of the drafting page: the form's values, list fields, which fields offer the basis picker. */
import type { TemplateField } from '../../../../src-main/core/templates'

/** money and number fields: '' (a new draft's empty value) is shown and saved as null; lists are arrays */
export function normalise(fields: readonly TemplateField[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw }
  for (const f of fields) {
    if ((f.type === 'money' || f.type === 'number') && (out[f.key] === '' || out[f.key] === undefined)) out[f.key] = null
    if (f.type === 'list' && !Array.isArray(out[f.key])) out[f.key] = []
  }
  return out
}

/** The rows of a list field (made an empty list when missing). */
export function listOf(fields: Record<string, unknown>, key: string): Record<string, unknown>[] {
  if (!Array.isArray(fields[key])) fields[key] = []
  return fields[key] as Record<string, unknown>[]
}

/** the field describing the facts (违法事实), where a violation's fact template goes */
export function isFacts(f: Pick<TemplateField, 'key' | 'type'>): boolean {
  return f.type === 'textarea' && (/facts$/i.test(f.key) || f.key === 'violations')
}

export function offersBasis(f: Pick<TemplateField, 'key' | 'type'>): boolean {
  return f.type === 'citation' || isFacts(f)
}

/** Where the caret was last in the form: a phrase is inserted there. */
export interface Cursor {
  key: string
  row: number | null
  col: string | null
  start: number
  end: number
}
