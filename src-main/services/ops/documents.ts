/**
 * Drafting a document inside the open transaction (a review opinion is drafted from the reviewer's decision, a
 * 集体讨论记录 from the discussion), and saving a draft's fields.
 */
import { appError } from '../../core/errors'
import { draftFieldsSchema, emptyValue, type TemplateType } from '../../core/templates'
import { toFieldIssues } from '../../core/validation'
import { templateType } from '../../drafting/catalogue'
import { resolvePath, type DraftContext } from '../../drafting/context'
import { buildContext } from '../draft-context'
import type { Scope } from '../../store/engine/engine'
import { findDocument, insertDocument, saveDraftFields, type DocumentRecord } from '../../store/repos/documents'
import { today, type Tx } from '../context'

export function mustType(id: string): TemplateType {
  const t = templateType(id)
  if (!t) throw appError('TEMPLATE_NOT_FOUND', `没有“${id}”这种文书`)
  return t
}

export async function mustDoc(db: Scope, id: number): Promise<DocumentRecord> {
  const d = await findDocument(db, id)
  if (!d) throw appError('DOCUMENT_NOT_FOUND', `未找到编号为 ${id} 的文书`)
  return d
}

/** The case data a template fills itself from (autofill) and renders with. */
export async function mustContext(db: Scope, caseId: number, t: string): Promise<DraftContext> {
  const c = await buildContext(db, caseId, t)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${caseId} 的案件`)
  return c
}

/** A first draft of `type`: autofilled from the case, then `fields` on top; appends `document.create`. */
export async function createDocument(
  tx: Tx,
  input: { caseId: number; type: string; fields?: Record<string, unknown> | undefined }
): Promise<DocumentRecord> {
  const { db, at, ctx } = tx
  const type = mustType(input.type)
  const c = await mustContext(db, input.caseId, today(ctx))
  const fields: Record<string, unknown> = {}
  for (const f of type.fields) {
    const v = f.autofill ? resolvePath(c, f.autofill) : undefined
    fields[f.key] = v === undefined || v === null ? emptyValue(f) : v
  }
  const extra = draftFieldsSchema(type).safeParse({ ...fields, ...(input.fields ?? {}) })
  if (!extra.success) {
    const issues = toFieldIssues(extra.error)
    throw appError('VALIDATION_FAILED', `文书内容有误：${issues[0]?.message ?? ''}（${issues[0]?.path ?? ''}）`, { issues })
  }
  const id = await insertDocument(db, {
    caseId: input.caseId,
    type: type.id,
    title: type.title,
    version: 1,
    supersedesId: null,
    fields: extra.data,
    createdBy: ctx.actor,
    at
  })
  const d = (await findDocument(db, id))!
  await tx.record('documents', {
    action: 'document.create',
    targetType: 'document',
    targetId: d.id,
    caseId: String(d.caseId),
    summary: `起草${d.title}`,
    detail: { type: d.type, fields: d.fields }
  })
  return d
}

/** New values for a draft's fields (checked against the manifest), saved as its next revision; appends `document.save`. */
export async function saveDraft(tx: Tx, d: DocumentRecord, fields: Record<string, unknown>): Promise<DocumentRecord> {
  const { db, at, ctx } = tx
  const parsed = draftFieldsSchema(mustType(d.type)).safeParse({ ...d.fields, ...fields })
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error)
    throw appError('VALIDATION_FAILED', `文书内容有误：${issues[0]?.message ?? ''}（${issues[0]?.path ?? ''}）`, { issues })
  }
  await saveDraftFields(db, d.id, parsed.data, d.revision + 1, ctx.actor, at)
  const after = (await findDocument(db, d.id))!
  await tx.record('documents', {
    action: 'document.save',
    targetType: 'document',
    targetId: after.id,
    caseId: String(after.caseId),
    summary: `保存${after.title}草稿（第${after.revision}稿）`,
    detail: {
      changed: Object.keys(fields).filter((k) => JSON.stringify(d.fields[k]) !== JSON.stringify(after.fields[k])),
      fields: after.fields
    }
  })
  return after
}
