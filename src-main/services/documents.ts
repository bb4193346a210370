/**
 * Enforcement documents (执法文书): draft from a template with autofill, autosave with revisions, checks on
 * every save, issue (number from the gap-free sequence, DOCX rendered and frozen in the blob store), void,
 * and corrections as new versions.
 */
import { canTransition } from '../core/case'
import { isDecisionType, isGeneralDecisionType } from '../core/decisions'
import { checkDocument, type CheckContext, type Finding } from '../core/document-checks'
import { appError } from '../core/errors'
import type { GateProblem } from '../core/gates'
import { formatDocumentNumber, type TemplateType } from '../core/templates'
import type { DraftContext } from '../drafting/context'
import { loadManifest, templateType } from '../drafting/catalogue'
import { templateBytes } from './template-source'
import { renderDocx, TemplateError } from '../drafting/render'
import type { Scope } from '../store/engine/engine'
import { recordBlob } from '../store/blobs'
import { getSetting } from '../store/settings'
import { getAgency } from '../store/repos/agency'
import { findCase, nextNumber } from '../store/repos/cases'
import {
  caseDocuments,
  customTemplateTypes,
  documentRevisions,
  findDocument,
  findDocumentByNumber,
  insertDocument,
  markIssued,
  markVoided,
  type DocumentRecord
} from '../store/repos/documents'
import { caseReviews } from '../store/repos/review'
import { change, today, transact, type ServiceContext, type Tx } from './context'
import { phraseCategories, violationRange } from './basis'
import { documentActions, documentGroup } from '../core/document-actions'
import { mayCall } from './authorize'
import { chosenIds, SERVED_FIELD, servableDocuments, servedRows } from '../core/service-receipt'
import { fieldPhrases, phrasePrefill } from '../core/phrase-fields'
import { onDecisionVoided } from './publicity'
import { transitionCase } from './ops/case-status'
import { createDocument, mustContext, mustDoc, mustType, saveDraft } from './ops/documents'
import { documentGate, enforceGate } from './ops/review-gates'

/**
 * Issuing a general-procedure decision moves the case to 决定 (or 不予处罚) when its status allows, so the
 * decision date, the service and publicity deadlines start from the document itself.
 */
async function afterDecisionIssued(tx: Tx, d: DocumentRecord): Promise<void> {
  if (!isGeneralDecisionType(d.type)) return
  const c = await findCase(tx.db, d.caseId)
  const to = d.type === 'no_penalty_decision' ? 'no_penalty' : 'decided'
  if (c && c.procedure === 'general' && canTransition(c.procedure, c.status, to)) {
    await transitionCase(tx, { id: c.id, to, date: d.issuedOn!, note: `签发${d.title}${d.number ? `（${d.number}）` : ''}` })
  }
}

export const NUMBERING_SCHEMES = ['per-type', 'inherit-case'] as const

function checkContext(doc: DocumentRecord, ctx: DraftContext, t: string, date: string): CheckContext {
  const a = ctx.agency as Partial<CheckContext['agency'] & object>
  const party = ctx.party as { name?: string; address?: string }
  return {
    today: t,
    date,
    agency: a.name
      ? {
          name: a.name,
          address: a.address ?? '',
          reconsiderationBody: a.reconsiderationBody ?? '',
          court: a.court ?? '',
          bankName: a.bankName ?? '',
          bankAccountNo: a.bankAccountNo ?? ''
        }
      : null,
    party: party.name ? { name: party.name, address: party.address ?? '' } : null,
    officers: ctx.officers,
    violation:
      typeof doc.fields.violationId === 'string' && doc.fields.violationId
        ? violationRange(doc.fields.violationId, String(doc.fields.penaltySubject || 'unit'), String(doc.fields.penaltyStage || 'first'))
        : null
  }
}

/** The issued external documents of the case a 送达回执 may cover (core/service-receipt.ts). */
async function servable(db: Scope, caseId: number) {
  return servableDocuments(await caseDocuments(db, caseId), (type) => templateType(type)?.external ?? false)
}

/** The field values the chosen documents (`serves`) fill on a 送达回执, or none when nothing was chosen. */
async function servedFields(
  db: Scope,
  caseId: number,
  type: string,
  serves: readonly number[] | undefined
): Promise<Record<string, unknown>> {
  if (serves === undefined) return {}
  const field = SERVED_FIELD[type]
  if (!field)
    throw appError('VALIDATION_FAILED', '只有文书送达回执可以选择所送达的文书', { issues: [{ path: 'serves', message: '此类文书不适用' }] })
  const r = servedRows(await servable(db, caseId), serves)
  if (!r.ok) {
    throw appError('VALIDATION_FAILED', `送达的文书应为本案已签发的对外文书（编号 ${r.unknown.join('、')} 不是）`, {
      issues: [{ path: 'serves', message: '不是本案已签发的对外文书' }]
    })
  }
  return { [field]: r.rows }
}

/** The rows the service offers for a draft's list fields (a 送达回执's documents), each marked if already listed. */
async function choicesOf(db: Scope, doc: DocumentRecord) {
  const field = SERVED_FIELD[doc.type]
  if (!field || doc.status !== 'draft') return {}
  const offered = await servable(db, doc.caseId)
  const chosen = new Set(chosenIds(offered, doc.fields[field]))
  return { [field]: offered.map((c) => ({ ...c, chosen: chosen.has(c.id) })) }
}

/** What the state allows (core/document-actions), kept where this caller may make the call (authorize.ts mayCall). */
async function callerActions(ctx: ServiceContext, d: { id: number; status: string }, a: { canVoid: boolean; canCorrect: boolean }) {
  const may = (channel: 'documents.save' | 'documents.issue' | 'documents.void' | 'documents.correct') =>
    mayCall(ctx, channel, { id: d.id })
  return {
    mayEdit: d.status === 'draft' && (await may('documents.save')),
    mayIssue: d.status === 'draft' && (await may('documents.issue')),
    canVoid: a.canVoid && (await may('documents.void')),
    canCorrect: a.canCorrect && (await may('documents.correct'))
  }
}

async function view(ctx: ServiceContext, doc: DocumentRecord, findings?: Finding[]) {
  const db = ctx.home.store
  const type = mustType(doc.type)
  let f = findings
  let gates: GateProblem[] = []
  if (doc.status === 'draft') {
    const t = today(ctx)
    if (!f) f = checkDocument(type, doc.fields, checkContext(doc, await mustContext(db, doc.caseId, t), t, t))
    // a decision also waits for the procedural steps (review, notice, windows, hearing, discussion)
    gates = await documentGate(db, doc, t)
  }
  return {
    ...doc,
    findings: f ?? [],
    gates,
    canIssue: doc.status === 'draft' && !(f ?? []).some((x) => x.severity === 'error') && gates.length === 0,
    ...(await callerActions(ctx, doc, documentActions(doc, await caseDocuments(db, doc.caseId)))),
    revisions: (await documentRevisions(db, doc.id)).length,
    phrases: doc.status === 'draft' ? fieldPhrases(type.fields, doc.type, phraseCategories(doc.type)) : {},
    prefill: doc.status === 'draft' ? phrasePrefill(await mustContext(db, doc.caseId, today(ctx))) : {},
    choices: await choicesOf(db, doc)
  }
}
export type DocumentView = ReturnType<typeof view>

export async function templatesList(ctx: ServiceContext) {
  const custom = new Set(await customTemplateTypes(ctx.home.store))
  return loadManifest().manifest.types.map((t) => ({
    id: t.id,
    title: t.title,
    prefix: t.prefix,
    external: t.external,
    handSigned: t.handSigned,
    procedures: t.procedures,
    fields: t.fields,
    custom: custom.has(t.id),
    group: documentGroup(t.id, t.title)
  }))
}

export async function documentsCreate(
  ctx: ServiceContext,
  input: { caseId: number; type: string; fields?: Record<string, unknown> | undefined; serves?: number[] | undefined }
) {
  return view(
    ctx,
    await transact(ctx, async (tx) =>
      createDocument(tx, {
        caseId: input.caseId,
        type: input.type,
        fields: { ...input.fields, ...(await servedFields(tx.db, input.caseId, input.type, input.serves)) }
      })
    )
  )
}

/**
 * Autosave: only the manifest's fields; `revision` must be the one the editor loaded (no lost updates). A 送达回执's
 * `serves` (ids of the case's issued documents) fills its documents.
 */
export async function documentsSave(
  ctx: ServiceContext,
  input: { id: number; revision: number; fields: Record<string, unknown>; serves?: number[] | undefined }
) {
  const doc = await transact(ctx, async (tx) => {
    const d = await mustDoc(tx.db, input.id)
    if (d.status !== 'draft')
      throw appError('DOCUMENT_NOT_DRAFT', `${d.title}已${d.status === 'issued' ? '签发' : '作废'}，不能修改；如需更正请新建版本`)
    if (isDecisionType(d.type)) {
      const inReview = (await caseReviews(tx.db, d.caseId)).find((r) => r.documentId === d.id && r.status === 'in_review')
      if (inReview) throw appError('DOCUMENT_UNDER_REVIEW', `${d.title}正在法制审核中（第${inReview.round}轮），审核意见作出前不能修改`)
    }
    if (d.revision !== input.revision) {
      throw appError(
        'DOCUMENT_REVISION_CONFLICT',
        `文书已被他人修改（当前第${d.revision}稿，你编辑的是第${input.revision}稿），请重新打开后再改`
      )
    }
    return saveDraft(tx, d, { ...input.fields, ...(await servedFields(tx.db, d.caseId, d.type, input.serves)) })
  })
  return view(ctx, doc)
}

export async function documentsGet(ctx: ServiceContext, input: { id: number }) {
  return view(ctx, await mustDoc(ctx.home.store, input.id))
}

export async function documentsList(ctx: ServiceContext, input: { caseId: number }) {
  if (!(await findCase(ctx.home.store, input.caseId))) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
  const all = await caseDocuments(ctx.home.store, input.caseId)
  return Promise.all(
    all.map(async (d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      status: d.status,
      version: d.version,
      number: d.number,
      issuedOn: d.issuedOn,
      supersedesId: d.supersedesId,
      updatedAt: d.updatedAt,
      ...(await callerActions(ctx, d, documentActions(d, all)))
    }))
  )
}

export async function documentsCheck(ctx: ServiceContext, input: { id: number }) {
  return (await view(ctx, await mustDoc(ctx.home.store, input.id))).findings
}

function renderData(ctx: DraftContext, doc: DocumentRecord, number: string, date: string): Record<string, unknown> {
  return { ...ctx, f: doc.fields, doc: { number, date } }
}

/** The current draft (or the issued file) as DOCX bytes, base64: for the live preview and downloads. */
export async function documentsFile(ctx: ServiceContext, input: { id: number }) {
  const db = ctx.home.store
  const doc = await mustDoc(db, input.id)
  const fileName = `${doc.title}${doc.number ? `（${doc.number}）` : `（草稿第${doc.revision}稿）`}.docx`
  if (doc.docxSha256) return { fileName, base64: ctx.home.blobs.get(doc.docxSha256).toString('base64'), issued: true }
  const t = today(ctx)
  const { bytes } = await templateBytes(ctx.home, doc.type)
  try {
    const out = renderDocx(bytes, renderData(await mustContext(db, doc.caseId, t), doc, '（签发时编号）', t))
    return { fileName, base64: out.toString('base64'), issued: false }
  } catch (err) {
    if (err instanceof TemplateError)
      throw appError('TEMPLATE_INVALID', err.message, { issues: err.details.map((d) => ({ path: d.tag ?? '', message: d.reason ?? '' })) })
    throw err
  }
}

async function assignNumber(db: Scope, type: TemplateType, caseId: number, year: number): Promise<string | null> {
  if (!type.prefix) return null
  const agency = await getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，无法编号')
  const scheme = await getSetting<(typeof NUMBERING_SCHEMES)[number]>(db, 'numbering.scheme', 'per-type')
  if (scheme === 'inherit-case') {
    const c = await findCase(db, caseId)
    const m = c?.number ? /〔(\d{4})〕(\d+)号$/.exec(c.number) : null
    if (!m) throw appError('CASE_NOT_FILED', '案件尚未立案，按“沿用立案号”的编号方式无法编号')
    const number = formatDocumentNumber(agency.shortName, type.prefix, Number(m[1]), Number(m[2]))
    const taken = await findDocumentByNumber(db, number)
    if (taken)
      throw appError('DOCUMENT_NUMBER_TAKEN', `文号${number}已被使用（文书编号 ${taken.id}）；同一案件的同类文书只能有一份沿用立案号`)
    return number
  }
  return formatDocumentNumber(agency.shortName, type.prefix, year, await nextNumber(db, `doc:${type.prefix}`, year))
}

/** 签发: checks must pass; the number is taken inside the transaction, so numbers are gap-free and never reused. */
export async function documentsIssue(ctx: ServiceContext, input: { id: number; issuedOn?: string | undefined }) {
  const t = today(ctx)
  const issuedOn = input.issuedOn ?? t
  if (issuedOn > t) throw appError('VALIDATION_FAILED', '签发日期不能晚于今天')
  const doc = await change(
    ctx,
    'documents',
    async (db, at, tx) => {
      const d = await mustDoc(db, input.id)
      if (d.status !== 'draft') throw appError('DOCUMENT_NOT_DRAFT', `${d.title}已${d.status === 'issued' ? '签发' : '作废'}`)
      const type = mustType(d.type)
      const c = await mustContext(db, d.caseId, t)
      const findings = checkDocument(type, d.fields, checkContext(d, c, t, issuedOn))
      const errors = findings.filter((f) => f.severity === 'error')
      if (errors.length) {
        throw appError('DOCUMENT_CHECK_FAILED', `文书检查未通过（${errors.length}项）：${errors[0]!.message}`, {
          issues: errors.map((e) => ({ path: e.field ?? '', message: e.message })),
          findings
        })
      }
      enforceGate(await documentGate(db, d, issuedOn))
      const number = await assignNumber(db, type, d.caseId, Number(issuedOn.slice(0, 4)))
      const tpl = await templateBytes(ctx.home, d.type, db)
      let docx: Buffer
      try {
        docx = renderDocx(tpl.bytes, renderData(c, d, number ?? '', issuedOn))
      } catch (err) {
        if (err instanceof TemplateError) throw appError('TEMPLATE_INVALID', err.message)
        throw err
      }
      const blob = await recordBlob(db, ctx.home.blobs, docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', at)
      await markIssued(db, d.id, { number, docxSha256: blob.sha256, templateSha256: tpl.sha256, issuedOn, actor: ctx.actor, at })
      const issued = (await findDocument(db, d.id))!
      await afterDecisionIssued(tx, issued)
      return issued
    },
    (d) => ({
      action: 'document.issue',
      targetType: 'document',
      targetId: d.id,
      caseId: String(d.caseId),
      summary: `签发${d.title}${d.number ? `（${d.number}）` : ''}`,
      detail: { number: d.number, docxSha256: d.docxSha256, issuedOn: d.issuedOn, fields: d.fields }
    })
  )
  return view(ctx, doc, [])
}

export async function documentsVoid(ctx: ServiceContext, input: { id: number; reason: string }) {
  const doc = await change(
    ctx,
    'documents',
    async (db, at) => {
      const d = await mustDoc(db, input.id)
      if (d.status !== 'issued')
        throw appError('DOCUMENT_NOT_ISSUED', d.status === 'draft' ? '草稿无需作废，可直接删除或继续修改' : `${d.title}已作废`)
      await markVoided(db, d.id, input.reason, at)
      if (isDecisionType(d.type)) await onDecisionVoided(ctx, d, input.reason, today(ctx))
      return (await findDocument(db, d.id))!
    },
    (d) => ({
      action: 'document.void',
      targetType: 'document',
      targetId: d.id,
      caseId: String(d.caseId),
      summary: `作废${d.title}（${d.number ?? '无文号'}）：${input.reason}`,
      detail: { number: d.number, reason: input.reason }
    })
  )
  return view(ctx, doc, [])
}

/** A correction of an issued document is a new draft version; the issued one stays as it is. */
export async function documentsCorrect(ctx: ServiceContext, input: { id: number }) {
  const doc = await change(
    ctx,
    'documents',
    async (db, at) => {
      const d = await mustDoc(db, input.id)
      if (d.status === 'draft') throw appError('DOCUMENT_NOT_ISSUED', '草稿可直接修改，无需新建版本')
      const open = (await caseDocuments(db, d.caseId)).find((x) => x.supersedesId === d.id && x.status === 'draft')
      if (open) throw appError('DOCUMENT_CORRECTION_OPEN', `已有更正中的新版本（文书编号 ${open.id}）`)
      const id = await insertDocument(db, {
        caseId: d.caseId,
        type: d.type,
        title: d.title,
        version: d.version + 1,
        supersedesId: d.id,
        fields: d.fields,
        createdBy: ctx.actor,
        at
      })
      return (await findDocument(db, id))!
    },
    (d) => ({
      action: 'document.correct',
      targetType: 'document',
      targetId: d.id,
      caseId: String(d.caseId),
      summary: `更正${d.title}：新建第${d.version}版（原文书编号 ${d.supersedesId}）`,
      detail: { supersedes: d.supersedesId, version: d.version }
    })
  )
  return view(ctx, doc)
}
