/** Small helpers for the document screens: field visibility, list rows, dates, inserting text, the void prompt. */
import type { TemplateField } from '../../../src-main/core/templates'
import { chineseDate } from '../../../src-main/core/dates'
import { ElMessageBox } from 'element-plus'

export interface WhenContext {
  fields: Record<string, unknown>
  partyKind: string | null
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0
  return v !== undefined && v !== null && v !== false && v !== '' && v !== 0
}

/** A manifest `when` ("f.partyRefused", "party.isOrg"): is the field shown? Unknown conditions show it. */
export function fieldVisible(f: Pick<TemplateField, 'when'>, ctx: WhenContext): boolean {
  if (!f.when) return true
  const [root, key] = f.when.split('.')
  if (root === 'f' && key) return truthy(ctx.fields[key])
  if (root === 'party' && ctx.partyKind) {
    if (key === 'isOrg') return ctx.partyKind === 'org'
    if (key === 'isSole') return ctx.partyKind === 'sole'
    if (key === 'isPerson') return ctx.partyKind === 'person'
  }
  return true
}

/** an empty list item with the columns of a list field */
export function emptyItem(f: TemplateField): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const c of f.item ?? []) out[c.key] = c.type === 'boolean' ? false : c.type === 'money' || c.type === 'number' ? null : ''
  return out
}

/** 2026-11-25 → 2026年11月25日 (the form the phrase guides ask for in running text) */
export const cnDate = (iso: string): string => chineseDate(iso.slice(0, 10))

/** Ask why an issued document is voided; null when the user cancels. */
export async function askVoidReason(t: (key: string, values?: Record<string, unknown>) => string, title: string): Promise<string | null> {
  try {
    const r = await ElMessageBox.prompt(t('documents.voidReason'), t('documents.voidTitle', { title }), {
      confirmButtonText: t('documents.void'),
      cancelButtonText: t('common.cancel'),
      inputPattern: /\S{2,}/,
      inputErrorMessage: t('documents.voidReasonRequired')
    })
    return (r as { value?: string }).value?.trim() ?? ''
  } catch {
    return null
  }
}

/** Insert `text` into `value` at [start, end), or append it (on a new line for multi-line fields). */
export function insertText(
  value: string,
  text: string,
  at: { start: number; end: number } | null,
  multiline: boolean
): { value: string; caret: number } {
  if (at && at.start >= 0 && at.start <= value.length) {
    const end = Math.max(at.start, Math.min(at.end, value.length))
    return { value: value.slice(0, at.start) + text + value.slice(end), caret: at.start + text.length }
  }
  const sep = value === '' ? '' : multiline ? '\n' : ''
  const next = value + sep + text
  return { value: next, caret: next.length }
}
