/**
 * 重大执法决定法制审核: the catalogue (versioned), a case's triggers, the review rounds (submit → decide →
 * respond / coordinate), and the decision gates every door goes through before a decision is issued.
 */
import { CASE_STATUS_LABELS, DECIDED_STATUSES } from '../core/case'
import { appError } from '../core/errors'
import { decisionGate, type GateProblem, type GateState } from '../core/gates'
import { canRequestHearing, canSubmitReview, hearingActions, roundActions } from '../core/review-actions'
import {
  ASPECT_FORM_FIELD,
  HEAD_DECISION_LABELS,
  type HeadDecision,
  materialsChecklist,
  OPINION_FORM_CONCLUSION,
  REVIEW_ASPECTS,
  REVIEW_ASPECT_LABELS,
  REVIEW_OUTCOME_LABELS,
  reviewerProblem,
  type ReviewDecision
} from '../core/legal-review'
import {
  catalogueRows,
  discussionRequired,
  evaluateTriggers,
  hearingEligible,
  MajorCatalogueSchema,
  MEASURE_LABELS,
  type MajorCatalogue,
  type Measure
} from '../core/major-decision'
import { chineseDate } from '../core/dates'
import { csv, htmlPage, htmlTable, type Table } from '../core/tables'
import type { Db } from '../store/db'
import { addCaseEvent, caseDeadlines, caseEvents, caseOfficers, caseParties, findCase, updateCase } from '../store/repos/cases'
import { caseDocuments, findDocument, type DocumentRecord } from '../store/repos/documents'
import { findOfficer } from '../store/repos/officers'
import { getAgency } from '../store/repos/agency'
import {
  caseDiscussions,
  caseHearings,
  caseReviews,
  caseWaivers,
  catalogueOn,
  catalogueVersions,
  findReview,
  getProfile,
  insertCatalogue,
  insertReview,
  latestCatalogue,
  openReviews,
  saveProfile,
  updateReview,
  type ReviewRecord
} from '../store/repos/review'
import { change, today, type ServiceContext } from './context'
import { followStatus, mustCase, notAfterToday, writeExportFiles } from './guards'
import { loadCalendar } from './calendar'
import { activeRules, recomputeDeadlines, rulesSet } from './deadlines'
import { documentsCreate } from './documents'

/** Document types that carry the case's decision. */
export const DECISION_TYPES = ['penalty_decision_org', 'penalty_decision_person', 'no_penalty_decision', 'onsite_penalty_decision'] as const
export function isDecisionType(type: string): boolean {
  return (DECISION_TYPES as readonly string[]).includes(type)
}

function num(v: unknown): number | null {
  if (v === '' || v === null || v === undefined) return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

const live = (docs: DocumentRecord[]) => docs.filter((d) => d.status !== 'voided')

// ------------------------------------------------------------------------------------------------ catalogue

export function catalogueGet(ctx: ServiceContext) {
  const v = latestCatalogue(ctx.home.db)
  return {
    version: v.version,
    catalogue: v.catalogue,
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    history: catalogueVersions(ctx.home.db)
  }
}

export function catalogueSet(ctx: ServiceContext, input: MajorCatalogue) {
  const cat = MajorCatalogueSchema.parse(input)
  // the review period lives in the deadline rules (one source for the workbench); the catalogue edits it
  const rules = activeRules(ctx.home.db)
  const rule = rules.rules.find((r) => r.code === 'legal_review')
  if (rule && rule.length !== cat.reviewDays) {
    rulesSet(ctx, {
      name: rules.name,
      rules: rules.rules.map((r) => (r.code === 'legal_review' ? { ...r, length: cat.reviewDays } : r)),
      recomputeOpen: true
    })
  }
  const version = change(
    ctx,
    'review',
    (db, at) => insertCatalogue(db, cat, ctx.actor, at),
    (v) => ({
      action: 'review.catalogue.set',
      targetType: 'major_catalogue',
      targetId: v,
      summary: `修订重大执法决定法制审核目录（第${v}版：${cat.name}）`,
      detail: cat
    })
  )
  return { ...catalogueGet(ctx), version }
}

function catalogueTable(cat: MajorCatalogue): Table {
  return {
    title: cat.name,
    headers: ['序号', '审核事项', '标准', '依据'],
    rows: catalogueRows(cat).map((r) => [String(r.no), r.item, r.standard, r.basis])
  }
}

export function catalogueRender(ctx: ServiceContext) {
  const agency = getAgency(ctx.home.db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，请先在“设置 › 执法主体”中填写')
  const { catalogue: cat, version } = latestCatalogue(ctx.home.db)
  const t = catalogueTable(cat)
  const meta = `第${version}版，自${chineseDate(cat.effectiveFrom)}起施行；法制审核期限：收到完整材料之日起${cat.reviewDays}个工作日`
  return {
    files: [
      { name: '重大执法决定法制审核目录清单.csv', mime: 'text/csv;charset=utf-8', content: csv(t) },
      {
        name: '重大执法决定法制审核目录清单.html',
        mime: 'text/html;charset=utf-8',
        content: htmlPage(`${agency.name}<br>重大执法决定法制审核目录清单`, meta, htmlTable(t))
      }
    ]
  }
}

export function catalogueExport(ctx: ServiceContext, input: { outDir: string }) {
  const { files } = catalogueRender(ctx)
  return change(
    ctx,
    'review',
    () => ({ files: writeExportFiles(input.outDir, files) }),
    (r) => ({
      action: 'review.catalogue.export',
      targetType: 'major_catalogue',
      targetId: null,
      summary: `导出重大执法决定法制审核目录清单（${r.files.length} 个文件）`,
      detail: { outDir: input.outDir }
    })
  )
}

// ------------------------------------------------------------------------------------------------ assessment

export interface Assessment {
  catalogueVersion: number
  catalogue: MajorCatalogue
  facts: {
    fine: number
    confiscation: number
    measures: Measure[]
    hearingHeld: boolean
    departure: boolean
    manualFlags: string[]
    partyKinds: ('org' | 'sole' | 'person')[]
  }
  triggers: ReturnType<typeof evaluateTriggers>
  hearing: { eligible: boolean; reasons: string[] }
  discussionRequired: boolean
}

/**
 * Evaluate the case against the catalogue in force on `date` (a version takes effect on its effective date):
 * the largest fine intended, noticed or drafted so far counts.
 */
export function assessCase(db: Db, caseId: number, date: string): Assessment {
  const c = mustCase(db, caseId)
  const { version, catalogue } = catalogueOn(db, date)
  const profile = getProfile(db, caseId)
  const docs = live(caseDocuments(db, caseId))
  const fines = [
    c.intendedPenalty.fine,
    ...docs
      .filter((d) => isDecisionType(d.type) || d.type === 'penalty_notice' || d.type === 'hearing_notice')
      .map((d) => num(d.fields.fine) ?? 0)
  ]
  const departure = profile.departure || docs.some((d) => d.type === 'case_handling_approval' && d.fields.discretionTier === '减轻处罚')
  const partyKinds = (caseParties(db, [caseId]).get(caseId) ?? [])
    .filter((p) => p.role === 'party')
    .map((p) => p.kind as 'org' | 'sole' | 'person')
  const facts = {
    fine: Math.max(0, ...fines),
    confiscation: profile.confiscation,
    measures: profile.measures,
    hearingHeld: caseHearings(db, caseId).some((h) => h.status === 'held'),
    departure,
    manualFlags: profile.manualFlags,
    partyKinds: partyKinds.length ? partyKinds : (['org'] as ('org' | 'sole' | 'person')[])
  }
  const triggers = evaluateTriggers(catalogue, facts)
  return {
    catalogueVersion: version,
    catalogue,
    facts,
    triggers,
    hearing: hearingEligible(catalogue, facts),
    discussionRequired: discussionRequired(catalogue, triggers)
  }
}

export function reviewSetProfile(
  ctx: ServiceContext,
  input: { caseId: number; measures: Measure[]; confiscation: number; departure: boolean; departureReason: string; manualFlags: string[] }
) {
  change(
    ctx,
    'review',
    (db, at) => {
      const c = mustCase(db, input.caseId)
      const { catalogue } = catalogueOn(db, today(ctx))
      const unknown = input.manualFlags.filter((f) => !catalogue.manualFlags.some((m) => m.code === f))
      if (unknown.length)
        throw appError('VALIDATION_FAILED', `目录中没有这些标记：${unknown.join('、')}`, {
          issues: [{ path: 'manualFlags', message: '未知标记' }]
        })
      if (input.departure && !input.departureReason.trim()) {
        throw appError('VALIDATION_FAILED', '偏离裁量基准的，须写明理由', {
          issues: [{ path: 'departureReason', message: '请写明偏离裁量基准的理由' }]
        })
      }
      const before = getProfile(db, c.id)
      saveProfile(
        db,
        c.id,
        {
          measures: input.measures,
          confiscation: input.confiscation,
          departure: input.departure,
          departureReason: input.departureReason.trim(),
          manualFlags: input.manualFlags
        },
        at
      )
      updateCase(db, { ...c, updatedAt: at })
      return { c, before }
    },
    ({ c, before }) => ({
      action: 'review.profile',
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `${c.name}：登记拟作出的处理（${[...input.measures.map((m) => MEASURE_LABELS[m]), input.confiscation ? `没收${input.confiscation}元` : ''].filter(Boolean).join('、') || '无其他处理'}${input.manualFlags.length ? `；标记：${input.manualFlags.join('、')}` : ''}）`,
      detail: { before, after: input }
    })
  )
  return reviewShow(ctx, { caseId: input.caseId })
}

// ------------------------------------------------------------------------------------------------ gates

/** Collect the state the gates look at. `draft` is the decision document being issued, or null. */
export function gateState(
  db: Db,
  caseId: number,
  opts: { draft: DocumentRecord | null; decisionDate: string; kind: 'penalty' | 'no_penalty' }
): GateState {
  const c = mustCase(db, caseId)
  const a = assessCase(db, caseId, opts.decisionDate)
  const events = caseEvents(db, caseId)
  const docs = live(caseDocuments(db, caseId))
  const notices = docs.filter((d) => (d.type === 'penalty_notice' || d.type === 'hearing_notice') && d.status === 'issued')
  const lastNotice = notices.at(-1)
  const servedOn =
    events
      .filter((e) => e.type === 'notice_served')
      .map((e) => e.date)
      .sort()
      .at(-1) ?? null
  const dl = new Map(caseDeadlines(db, caseId).map((d) => [d.code, d.due]))
  const waivers = caseWaivers(db, caseId).filter((w) => servedOn !== null && w.date >= servedOn)
  const hearing = caseHearings(db, caseId).at(-1) ?? null
  const review = caseReviews(db, caseId).at(-1) ?? null
  const draft = opts.draft
  const defenceReviewed =
    (draft && typeof draft.fields.defenceSummary === 'string' && draft.fields.defenceSummary.trim() !== '') ||
    docs.some(
      (d) => d.type === 'case_handling_approval' && typeof d.fields.defenceReview === 'string' && d.fields.defenceReview.trim() !== ''
    )
  const fine = draft ? num(draft.fields.fine) : c.intendedPenalty.fine > 0 ? c.intendedPenalty.fine : null
  return {
    procedure: c.procedure,
    kind: opts.kind,
    filed: c.filedOn !== null || events.some((e) => e.type === 'filed'),
    decisionDate: opts.decisionDate,
    fine,
    warning: c.intendedPenalty.warning || (draft ? /警告/.test(String(draft.fields.penalty ?? '')) : false),
    partyKinds: a.facts.partyKinds,
    triggers: a.triggers,
    draft: draft ? { id: draft.id, revision: draft.revision } : null,
    review: review ? { status: review.status, documentId: review.documentId, revision: review.documentRevision } : null,
    notice: {
      servedOn,
      fine: lastNotice ? num(lastNotice.fields.fine) : null,
      hearingRights: lastNotice ? lastNotice.type === 'hearing_notice' || lastNotice.fields.hearingEligible === true : false
    },
    windows: { statement: dl.get('statement'), hearing_request: dl.get('hearing_request') },
    waived: { statement: waivers.some((w) => w.right === 'statement'), hearing: waivers.some((w) => w.right === 'hearing') },
    hearing: hearing
      ? {
          requested: hearing.status !== 'not_eligible',
          eligible: hearing.eligible,
          held: hearing.status === 'held',
          waived: hearing.status === 'waived'
        }
      : null,
    discussionRequired: a.discussionRequired,
    discussionHeld: caseDiscussions(db, caseId).some(
      (d) => d.heldOn <= opts.decisionDate && (d.conclusion === 'penalty' || d.conclusion === 'no_penalty')
    ),
    statementsMade: docs.some((d) => d.type === 'statement_record'),
    statementsReviewed: Boolean(defenceReviewed)
  }
}

export function decisionKind(type: string): 'penalty' | 'no_penalty' {
  return type === 'no_penalty_decision' ? 'no_penalty' : 'penalty'
}

/** The gate problems for issuing `doc` on `date` (empty for documents that are not decisions). */
export function documentGate(db: Db, doc: DocumentRecord, date: string): GateProblem[] {
  if (!isDecisionType(doc.type)) return []
  return decisionGate(gateState(db, doc.caseId, { draft: doc, decisionDate: date, kind: decisionKind(doc.type) }))
}

/** Throw the first problem as a typed error naming the missing step; the rest travel in details. */
export function enforceGate(problems: GateProblem[]): void {
  const first = problems[0]
  if (!first) return
  throw appError(first.code, first.message, {
    step: first.step,
    fix: first.fix,
    gates: problems,
    issues: problems.map((p) => ({ path: p.step, message: p.message }))
  })
}

// ------------------------------------------------------------------------------------------------ review rounds

function reviewView(db: Db, r: ReviewRecord) {
  const reviewer = findOfficer(db, r.reviewerId)
  return { ...r, reviewerName: reviewer?.name ?? '', statusLabel: r.status === 'in_review' ? '审核中' : REVIEW_OUTCOME_LABELS[r.status] }
}

function mustReview(db: Db, id: number): ReviewRecord {
  const r = findReview(db, id)
  if (!r) throw appError('REVIEW_NOT_FOUND', `未找到编号为 ${id} 的法制审核`)
  return r
}

function latestDecisionDraft(db: Db, caseId: number): DocumentRecord | null {
  return (
    caseDocuments(db, caseId)
      .filter((d) => isDecisionType(d.type) && d.status === 'draft')
      .at(-1) ?? null
  )
}

function materialsNow(ctx: ServiceContext, caseId: number) {
  const db = ctx.home.db
  const evidence = db.prepare('SELECT id, kind, description FROM evidence WHERE case_id = ? ORDER BY id').all(caseId) as {
    id: number
    kind: 'evidence' | 'scan' | 'av'
    description: string
  }[]
  return materialsChecklist({
    documents: caseDocuments(db, caseId).map((d) => ({ id: d.id, type: d.type, title: d.title, status: d.status })),
    evidence,
    hearingHeld: caseHearings(db, caseId).some((h) => h.status === 'held')
  })
}

/** The reviewer is still a qualified, active legal reviewer and not a handler of the case. */
function mustBeReviewer(db: Db, caseId: number, reviewerId: number) {
  const officerIds = (caseOfficers(db, [caseId]).get(caseId) ?? []).map((o) => o.officerId)
  const reviewer = findOfficer(db, reviewerId)
  const problem = reviewerProblem(
    reviewer ? { id: reviewer.id, name: reviewer.name, legalReviewer: reviewer.legalReviewer, active: reviewer.active } : null,
    officerIds
  )
  if (problem || !reviewer)
    throw appError('REVIEWER_INVALID', problem ?? '未找到该审核人员', { issues: [{ path: 'reviewerId', message: problem ?? '未找到' }] })
  return reviewer
}

export function reviewSubmit(
  ctx: ServiceContext,
  input: { caseId: number; reviewerId: number; documentId?: number | undefined; note: string; submittedOn?: string | undefined }
) {
  const t = today(ctx)
  const on = input.submittedOn ?? t
  notAfterToday(ctx, on, 'submittedOn', '提交日期')
  const r = change(
    ctx,
    'review',
    (db, at) => {
      const c = mustCase(db, input.caseId)
      if (c.procedure !== 'general') throw appError('REVIEW_STATE_INVALID', '简易程序案件不适用重大执法决定法制审核')
      if (!c.filedOn) throw appError('REVIEW_STATE_INVALID', '案件尚未立案，不能提交法制审核')
      const rounds = caseReviews(db, c.id)
      const last = rounds.at(-1)
      if (last?.status === 'in_review') throw appError('REVIEW_STATE_INVALID', `第${last.round}轮法制审核尚未作出结论，不能重复提交`)
      const reviewer = mustBeReviewer(db, c.id, input.reviewerId)
      let draft: DocumentRecord | null = null
      if (input.documentId !== undefined) {
        draft = findDocument(db, input.documentId)
        if (!draft || draft.caseId !== c.id || !isDecisionType(draft.type) || draft.status !== 'draft') {
          throw appError('VALIDATION_FAILED', '送审的决定书应为本案尚未签发的处罚（不予处罚）决定书草稿', {
            issues: [{ path: 'documentId', message: '不是本案的决定书草稿' }]
          })
        }
      } else draft = latestDecisionDraft(db, c.id)
      const a = assessCase(db, c.id, on)
      // the same date the workbench shows: the legal_review deadline rule (the catalogue's review days edit it)
      const rule = activeRules(db).rules.find((r) => r.code === 'legal_review')
      const due = loadCalendar(db)
        .add(on, rule?.length ?? a.catalogue.reviewDays, rule?.unit ?? 'WD')
        .due.slice(0, 10)
      const id = insertReview(
        db,
        {
          caseId: c.id,
          round: (last?.round ?? 0) + 1,
          catalogueVersion: a.catalogueVersion,
          triggers: a.triggers,
          materials: materialsNow(ctx, c.id),
          documentId: draft?.id ?? null,
          documentRevision: draft?.revision ?? null,
          reviewerId: input.reviewerId,
          submittedOn: on,
          submittedBy: ctx.actor,
          submitNote: input.note,
          due
        },
        at
      )
      addCaseEvent(db, c.id, { type: 'review_submitted', date: on, note: `提交法制审核（第${(last?.round ?? 0) + 1}轮）` }, ctx.actor, at)
      followStatus(db, findCase(db, c.id)!, 'legal_review', on, '提交法制审核', ctx.actor, at)
      recomputeDeadlines(db, c.id)
      return { c, review: findReview(db, id)!, reviewer }
    },
    ({ c, review, reviewer }) => ({
      action: 'review.submit',
      targetType: 'legal_review',
      targetId: review.id,
      caseId: String(c.id),
      summary: `${c.name}：提交法制审核（第${review.round}轮，审核人员${reviewer.name}，${review.due}前完成${review.documentId ? `，决定书草稿第${review.documentRevision}稿` : '，未附决定书草稿'}）`,
      detail: {
        review: {
          ...review,
          materials: review.materials.map((m) => ({ code: m.code, present: m.present, refs: m.refs.map((x) => `${x.kind}:${x.id}`) }))
        }
      }
    })
  )
  return reviewView(ctx.home.db, r.review)
}

export function reviewDecide(ctx: ServiceContext, input: { reviewId: number; decision: ReviewDecision; decidedOn?: string | undefined }) {
  const t = today(ctx)
  const on = input.decidedOn ?? t
  notAfterToday(ctx, on, 'decidedOn', '审核日期')
  const out = change(
    ctx,
    'review',
    (db, at) => {
      const r = mustReview(db, input.reviewId)
      if (r.status !== 'in_review')
        throw appError('REVIEW_STATE_INVALID', `第${r.round}轮法制审核已作出结论（${REVIEW_OUTCOME_LABELS[r.status]}）`)
      if (on < r.submittedOn)
        throw appError('VALIDATION_FAILED', `审核日期不能早于提交日期（${r.submittedOn}）`, {
          issues: [{ path: 'decidedOn', message: '早于提交日期' }]
        })
      const c = mustCase(db, r.caseId)
      const reviewer = mustBeReviewer(db, c.id, r.reviewerId)
      // the draft must not have changed while it was under review
      if (r.documentId !== null) {
        const d = findDocument(db, r.documentId)
        if (d && d.status === 'draft' && d.revision !== r.documentRevision) {
          throw appError(
            'REVIEW_STATE_INVALID',
            `送审后决定书草稿已修改（送审第${r.documentRevision}稿，现为第${d.revision}稿），请承办人员重新提交`
          )
        }
      }
      const decision = input.decision
      const decided: ReviewRecord = { ...r, status: decision.outcome, decidedOn: on, decidedBy: reviewer.name, decision, updatedAt: at }
      // the 法制审核意见书 is drafted from the opinion, in the same transaction
      const updated: ReviewRecord = { ...decided, opinionDocumentId: draftOpinion(ctx, decided).id }
      updateReview(db, updated)
      addCaseEvent(
        db,
        c.id,
        { type: 'review_decided', date: on, note: `法制审核意见：${REVIEW_OUTCOME_LABELS[decision.outcome]}` },
        ctx.actor,
        at
      )
      recomputeDeadlines(db, c.id)
      return { c, r: updated }
    },
    ({ c, r }) => ({
      action: 'review.decide',
      targetType: 'legal_review',
      targetId: r.id,
      caseId: String(c.id),
      summary: `${c.name}：法制审核意见“${REVIEW_OUTCOME_LABELS[input.decision.outcome]}”（第${r.round}轮，${r.decidedBy}；法制审核意见书文书编号 ${r.opinionDocumentId}）`,
      detail: { reviewId: r.id, round: r.round, decidedOn: r.decidedOn, decision: input.decision }
    })
  )
  return reviewView(ctx.home.db, findReview(ctx.home.db, out.r.id)!)
}

function draftOpinion(ctx: ServiceContext, r: ReviewRecord) {
  const d = r.decision!
  const proposal = r.documentId ? findDocument(ctx.home.db, r.documentId) : null
  const aspects = REVIEW_ASPECTS.map(
    (a) => `${REVIEW_ASPECT_LABELS[a]}：${d.aspects[a].ok ? '无异议' : '存在问题'}${d.aspects[a].note ? `。${d.aspects[a].note}` : ''}`
  ).join('\n')
  const fields: Record<string, unknown> = {
    submittedOn: r.submittedOn,
    reviewers: r.decidedBy ?? '',
    triggers: r.triggers.map((t) => `${t.label}：${t.reason}`).join('；') || '承办机构提请审核',
    proposal: proposal ? String(proposal.fields.penalty ?? proposal.fields.reason ?? '') : r.submitNote,
    crimeSuspected: d.crimeSuspected,
    opinion: `${d.opinion}\n${aspects}${d.changes ? `\n${r.status === 'returned' ? '需补充' : '需修改'}：${d.changes}` : ''}`,
    conclusion: OPINION_FORM_CONCLUSION[d.outcome]
  }
  for (const a of REVIEW_ASPECTS) fields[ASPECT_FORM_FIELD[a]] = d.aspects[a].ok
  return documentsCreate(ctx, { caseId: r.caseId, type: 'legal_review_opinion', fields })
}

/** The handlers accept the opinion, or disagree (then a coordination record and the head's call follow). */
export function reviewRespond(ctx: ServiceContext, input: { reviewId: number; accept: boolean; note: string; date?: string | undefined }) {
  const on = input.date ?? today(ctx)
  const r = change(
    ctx,
    'review',
    (db, at) => {
      const r = mustReview(db, input.reviewId)
      if (r.status === 'in_review') throw appError('REVIEW_STATE_INVALID', '审核尚未作出结论')
      if (r.response) throw appError('REVIEW_STATE_INVALID', '已登记过承办机构的意见')
      if (!input.accept && !input.note.trim())
        throw appError('VALIDATION_FAILED', '有异议的，请写明理由', { issues: [{ path: 'note', message: '请写明异议理由' }] })
      const u: ReviewRecord = {
        ...r,
        response: input.accept ? 'accepted' : 'disagreed',
        responseNote: input.note,
        respondedOn: on,
        updatedAt: at
      }
      updateReview(db, u)
      return u
    },
    (r) => ({
      action: 'review.respond',
      targetType: 'legal_review',
      targetId: r.id,
      caseId: String(r.caseId),
      summary: `承办机构${input.accept ? '采纳' : '对'}第${r.round}轮法制审核意见${input.accept ? '' : '提出异议'}${input.note ? `：${input.note}` : ''}`,
      detail: input
    })
  )
  return reviewView(ctx.home.db, r)
}

export function reviewCoordinate(
  ctx: ServiceContext,
  input: { reviewId: number; coordination: string; headName: string; headDecision: HeadDecision; date?: string | undefined }
) {
  const on = input.date ?? today(ctx)
  const r = change(
    ctx,
    'review',
    (db, at) => {
      const r = mustReview(db, input.reviewId)
      if (r.response !== 'disagreed') throw appError('REVIEW_STATE_INVALID', '承办机构对审核意见无异议的，无需协调')
      if (r.coordinatedOn) throw appError('REVIEW_STATE_INVALID', '已登记协调意见和负责人决定')
      const u: ReviewRecord = {
        ...r,
        coordination: input.coordination,
        headName: input.headName,
        headDecision: input.headDecision,
        coordinatedOn: on,
        updatedAt: at
      }
      updateReview(db, u)
      return u
    },
    (r) => ({
      action: 'review.coordinate',
      targetType: 'legal_review',
      targetId: r.id,
      caseId: String(r.caseId),
      summary: `法制审核意见分歧协调：${input.coordination}；${input.headName}决定：${HEAD_DECISION_LABELS[input.headDecision]}`,
      detail: input
    })
  )
  return reviewView(ctx.home.db, r)
}

export function reviewShow(ctx: ServiceContext, input: { caseId: number }) {
  const db = ctx.home.db
  const c = mustCase(db, input.caseId)
  const a = assessCase(db, c.id, today(ctx))
  const profile = getProfile(db, c.id)
  const draft = latestDecisionDraft(db, c.id)
  const t = today(ctx)
  const gates =
    c.procedure === 'general'
      ? decisionGate(gateState(db, c.id, { draft, decisionDate: t, kind: draft ? decisionKind(draft.type) : 'penalty' }))
      : []
  const officerIds = (caseOfficers(db, [c.id]).get(c.id) ?? []).map((o) => o.officerId)
  const reviewers = (db.prepare('SELECT id FROM officers WHERE legal_reviewer = 1 AND active = 1 ORDER BY name').all() as { id: number }[])
    .map((r) => findOfficer(db, r.id)!)
    .map((o) => ({ id: o.id, name: o.name, eligible: !officerIds.includes(o.id), reason: officerIds.includes(o.id) ? '本案承办人员' : '' }))
  return {
    caseId: c.id,
    caseName: c.name,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    procedure: c.procedure,
    catalogueVersion: a.catalogueVersion,
    triggers: a.triggers,
    facts: a.facts,
    hearing: a.hearing,
    discussionRequired: a.discussionRequired,
    profile,
    manualFlagOptions: a.catalogue.manualFlags,
    materials: materialsNow(ctx, c.id),
    decisionDraft: draft ? { id: draft.id, title: draft.title, revision: draft.revision } : null,
    rounds: caseReviews(db, c.id).map((r, _, all) => ({ ...reviewView(db, r), ...roundActions(r, all, t) })),
    canSubmit: canSubmitReview(caseReviews(db, c.id).at(-1) ?? null, gates),
    decided: DECIDED_STATUSES.includes(c.status),
    reviewers,
    gates,
    hearings: caseHearings(db, c.id).map((h) => ({ ...h, ...hearingActions(h) })),
    canRequestHearing: canRequestHearing(caseHearings(db, c.id)),
    waivers: caseWaivers(db, c.id),
    discussions: caseDiscussions(db, c.id)
  }
}

/** Reviews waiting for a decision, for the reviewer's workbench. */
export function reviewQueue(ctx: ServiceContext, input: { reviewerId?: number | undefined }) {
  const db = ctx.home.db
  const t = today(ctx)
  return openReviews(db, input.reviewerId).map((r) => {
    const c = findCase(db, r.caseId)!
    return { ...reviewView(db, r), caseName: c.name, caseNumber: c.number, overdue: r.due < t }
  })
}
