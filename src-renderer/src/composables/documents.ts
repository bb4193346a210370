/** Small pure helpers for the document screens: type groups, field visibility, values. */
import type { TemplateField } from '../../../src-main/core/templates'
import { chineseDate } from '../../../src-main/core/dates'
import { ElMessageBox } from 'element-plus'

export const DOC_GROUPS = ['inspection', 'investigation', 'notice', 'decision', 'execution', 'approval', 'other'] as const
export type DocGroup = (typeof DOC_GROUPS)[number]

/** the built-in types by id; agency-added ids fall back to their titles */
const GROUP_OF: Record<string, DocGroup> = {
  inspection_record: 'inspection',
  rectification_order: 'inspection',
  reinspection_opinion: 'inspection',
  onsite_measure_decision: 'inspection',
  questioning_notice: 'investigation',
  questioning_transcript: 'investigation',
  evidence_preservation_notice: 'investigation',
  penalty_notice: 'notice',
  hearing_notice: 'notice',
  statement_record: 'notice',
  penalty_decision_org: 'decision',
  penalty_decision_person: 'decision',
  onsite_penalty_decision: 'decision',
  service_receipt: 'execution',
  fine_demand_notice: 'execution',
  case_transfer: 'execution',
  case_filing_approval: 'approval',
  case_handling_approval: 'approval',
  legal_review_opinion: 'approval',
  collective_discussion_record: 'approval',
  case_closing_approval: 'approval'
}

export function docGroup(id: string, title: string): DocGroup {
  const known = GROUP_OF[id]
  if (known) return known
  if (/审批|呈批|审核|集体讨论/.test(title)) return 'approval'
  if (/检查|整改|复查/.test(title)) return 'inspection'
  if (/询问|笔录|证据|勘验|调查/.test(title)) return 'investigation'
  if (/告知|听证|陈述/.test(title)) return 'notice'
  if (/决定/.test(title)) return 'decision'
  if (/催告|催缴|执行|送达|移送/.test(title)) return 'execution'
  return 'other'
}

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
