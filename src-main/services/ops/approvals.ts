/**
 * Recording a head's approval (负责人审批) inside the open transaction: the approval row naming the head, the move
 * it makes (立案审批 → 已立案 / 不予立案, 结案审批 → 已结案 / back to 执行中; 案件处理审批 moves nothing), and the
 * approval form of the case filled with the opinion, the head's name and the date (its draft updated, or a new
 * draft), so the printed form names that head. Shared by `approvals.record` and the demo.
 */
import {
  APPROVAL_FORMS,
  APPROVAL_KIND_LABELS,
  APPROVAL_OUTCOME_LABELS,
  approvalFormText,
  approvalMove,
  availableApprovals,
  type ApprovalKind,
  type ApprovalOutcome
} from '../../core/approvals'
import { CASE_STATUS_LABELS } from '../../core/case'
import { appError } from '../../core/errors'
import { draftFieldsSchema } from '../../core/templates'
import { insertApproval, type ApprovalRecord } from '../../store/repos/approvals'
import { caseDocuments, findDocument, saveDraftFields, type DocumentRecord } from '../../store/repos/documents'
import { today, type Tx } from '../context'
import { mustCase, notAfterToday } from '../guards'
import { fileCase, transitionCase } from './case-status'
import { createDocument, mustType } from './documents'

export interface ApprovalInput {
  caseId: number
  kind: ApprovalKind
  outcome: ApprovalOutcome
  opinion: string
  /** the day of the decision (default today) */
  date?: string | undefined
}

/** Who decided: the signed-in head (their user id and name), or a name alone for a trusted in-process caller. */
export interface Approver {
  userId: number | null
  name: string
}

/** Put the head's opinion on the case's approval form: its latest draft, or a new draft. Null when the form does not apply. */
async function fillForm(tx: Tx, caseId: number, kind: ApprovalKind, text: string): Promise<DocumentRecord | null> {
  const { db, at, ctx } = tx
  const form = APPROVAL_FORMS[kind]
  const c = await mustCase(db, caseId)
  const type = mustType(form.type)
  if (!type.procedures.includes(c.procedure)) return null
  const draft = (await caseDocuments(db, caseId)).filter((d) => d.type === form.type && d.status === 'draft').at(-1)
  if (!draft) return createDocument(tx, { caseId, type: form.type, fields: { [form.field]: text } })
  const fields = draftFieldsSchema(type).parse({ ...draft.fields, [form.field]: text })
  await saveDraftFields(db, draft.id, fields, draft.revision + 1, ctx.actor, at)
  const saved = (await findDocument(db, draft.id))!
  await tx.record('documents', {
    action: 'document.save',
    targetType: 'document',
    targetId: saved.id,
    caseId: String(caseId),
    summary: `${APPROVAL_KIND_LABELS[kind]}意见写入${saved.title}草稿（第${saved.revision}稿）`,
    detail: { changed: [form.field], fields: saved.fields }
  })
  return saved
}

export async function recordApproval(tx: Tx, input: ApprovalInput, approver: Approver): Promise<ApprovalRecord> {
  const { db, at, ctx } = tx
  const c = await mustCase(db, input.caseId)
  if (!availableApprovals(c.procedure, c.status).includes(input.kind)) {
    throw appError('APPROVAL_NOT_AVAILABLE', `案件当前状态为“${CASE_STATUS_LABELS[c.status]}”，不能作${APPROVAL_KIND_LABELS[input.kind]}`, {
      kind: input.kind,
      status: c.status
    })
  }
  const date = input.date ?? today(ctx)
  notAfterToday(ctx, date, 'date', '审批日期')
  const verdict = APPROVAL_OUTCOME_LABELS[input.outcome]
  const note = `${APPROVAL_KIND_LABELS[input.kind]}：负责人${approver.name}${verdict}`
  const to = approvalMove(input.kind, input.outcome)
  if (to === 'filed') await fileCase(tx, { id: c.id, filedOn: date, note }, 'approvals.record')
  else if (to) await transitionCase(tx, { id: c.id, to, date, note }, 'approvals.record')
  const doc = await fillForm(tx, c.id, input.kind, approvalFormText(input.outcome, input.opinion, approver.name, date))
  const row = {
    caseId: c.id,
    kind: input.kind,
    outcome: input.outcome,
    opinion: input.opinion,
    approverUserId: approver.userId,
    approverName: approver.name,
    decidedOn: date,
    decidedAt: at,
    documentId: doc?.id ?? null
  }
  const record: ApprovalRecord = { id: await insertApproval(db, row), ...row }
  await tx.record('approvals', {
    action: 'approval.record',
    targetType: 'case',
    targetId: c.id,
    caseId: String(c.id),
    summary: `${c.name}：${note}（${input.opinion}）`,
    detail: { ...record, from: c.status, to }
  })
  return record
}
