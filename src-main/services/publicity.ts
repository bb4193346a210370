/**
 * 行政处罚决定公示 (双公示): build the record from the issued decision with personal data redacted, publish it
 * (date and URL), withdraw it within 3 working days when the decision is revoked or changed, keep it up for the
 * minimum period and take it down after the maximum, and export it for the website.
 */
import { publicityActions } from '../core/publicity-actions'
import { appError } from '../core/errors'
import { chineseDate } from '../core/dates'
import { MEASURE_LABELS } from '../core/major-decision'
import {
  buildPublicityRecord,
  DEFAULT_PUBLICITY_POLICY,
  effectiveStatus,
  PUBLICITY_STATUS_LABELS,
  PUBLISHABLE_TYPES,
  PublicityPolicySchema,
  recordsCsv,
  recordsHtml,
  recordsJson,
  residualSensitive,
  summaryText,
  WITHDRAW_REASON_LABELS,
  type PublicityParty,
  type PublicityPolicy,
  type PublicityStatus,
  type WithdrawReason
} from '../core/publicity'
import type { Scope } from '../store/engine/engine'
import { getAgency } from '../store/repos/agency'
import { addCaseEvent, caseParties, findCase, updateCase } from '../store/repos/cases'
import { caseDeadlines } from '../store/repos/case-deadlines'
import { caseDocuments, findDocument, type DocumentRecord } from '../store/repos/documents'
import { partiesByIds } from '../store/repos/parties'
import { findPublicity, getProfile, insertPublicity, listPublicity, updatePublicity, type PublicityRow } from '../store/repos/review'
import { getSetting, setSetting } from '../store/settings'
import { change, today, type ServiceContext } from './context'
import { notAfterToday, writeExportFiles } from './guards'
import { loadCalendar } from './calendar'
import { recomputeDeadlines } from './ops/deadlines'

export async function publicityPolicy(db: Scope): Promise<PublicityPolicy> {
  return PublicityPolicySchema.parse(await getSetting(db, 'publicity.policy', DEFAULT_PUBLICITY_POLICY))
}

export async function publicitySetPolicy(ctx: ServiceContext, input: PublicityPolicy) {
  if (input.minMonths > input.maxMonths)
    throw appError('VALIDATION_FAILED', '最短公示期限不能长于最长公示期限', { issues: [{ path: 'minMonths', message: '长于最长期限' }] })
  await change(
    ctx,
    'publicity',
    (db) => setSetting(db, 'publicity.policy', input),
    () => ({
      action: 'publicity.policy',
      targetType: 'settings',
      targetId: 'publicity.policy',
      summary: `修改公示期限：最短${input.minMonths}个月，最长${input.maxMonths}个月`,
      detail: input
    })
  )
  return input
}

async function mustPub(db: Scope, id: number): Promise<PublicityRow> {
  const p = await findPublicity(db, id)
  if (!p) throw appError('PUBLICITY_NOT_FOUND', `未找到编号为 ${id} 的公示记录`)
  return p
}

function toParty(p: { kind: 'org' | 'sole' | 'person'; name: string; data: Record<string, unknown> }): PublicityParty {
  const s = (k: string) => (typeof p.data[k] === 'string' ? (p.data[k] as string) : undefined)
  const out: PublicityParty = { kind: p.kind, name: p.name }
  for (const [k, v] of [
    ['creditCode', s('creditCode')],
    ['idNumber', s('idNumber')],
    ['operatorIdNumber', s('operatorIdNumber')],
    ['legalRep', s('legalRep')],
    ['phone', s('phone')],
    ['address', s('address')]
  ] as const) {
    if (v) out[k] = v
  }
  return out
}

async function view(db: Scope, p: PublicityRow, t: string) {
  const status = effectiveStatus(p.status, p.maxUntil, t)
  const withdrawDue = (await caseDeadlines(db, p.caseId)).find((d) => d.code === 'publicity_withdrawal' && !d.metAt)?.due ?? null
  return {
    ...p,
    status,
    statusLabel: PUBLICITY_STATUS_LABELS[status],
    overdue: p.status === 'pending' && t > p.due,
    /** a published record whose decision was revoked or changed: take it down by this date */
    withdrawDue: p.status === 'published' ? withdrawDue : null,
    canRemoveEarly: p.status === 'published' && t >= p.minUntil,
    ...publicityActions({ status, withdrawnOn: p.withdrawnOn, maxUntil: p.maxUntil }, t),
    summary: summaryText(p.record)
  }
}
export type PublicityView = ReturnType<typeof view>

async function decisionOf(db: Scope, caseId: number, documentId?: number): Promise<DocumentRecord> {
  if (documentId !== undefined) {
    const d = await findDocument(db, documentId)
    if (!d || d.caseId !== caseId) throw appError('DOCUMENT_NOT_FOUND', `本案没有编号为 ${documentId} 的文书`)
    if (!PUBLISHABLE_TYPES.includes(d.type)) throw appError('PUBLICITY_NOT_APPLICABLE', `${d.title}不是行政处罚决定书，不需公示`)
    if (d.status !== 'issued') throw appError('DOCUMENT_NOT_ISSUED', `${d.title}${d.status === 'draft' ? '尚未签发' : '已作废'}，不能公示`)
    return d
  }
  const d = (await caseDocuments(db, caseId)).filter((x) => PUBLISHABLE_TYPES.includes(x.type) && x.status === 'issued').at(-1)
  if (!d) throw appError('PUBLICITY_NO_DECISION', '本案还没有已签发的行政处罚决定书，不能生成公示信息')
  return d
}

/** Build (or rebuild, while still pending) the 双公示 record of the case's issued penalty decision. */
export async function publicityBuild(ctx: ServiceContext, input: { caseId: number; documentId?: number | undefined }) {
  const t = today(ctx)
  const out = await change(
    ctx,
    'publicity',
    async (db, at) => {
      const c = await findCase(db, input.caseId)
      if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
      const agency = await getAgency(db)
      if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息')
      const d = await decisionOf(db, c.id, input.documentId)
      const policy = await publicityPolicy(db)
      const fine = d.fields.fine === '' || d.fields.fine === undefined || d.fields.fine === null ? null : Number(d.fields.fine)
      const penaltyText = String(d.fields.penalty ?? '')
      const warningOnly = (fine ?? 0) === 0 && /警告/.test(penaltyText)
      if (warningOnly && !policy.publishWarnings) throw appError('PUBLICITY_NOT_APPLICABLE', '按本机关的公示设置，仅给予警告的决定不公示')
      const links = (await caseParties(db, [c.id])).get(c.id) ?? []
      const parties = await partiesByIds(
        db,
        links.map((l) => l.partyId)
      )
      const main = parties.find((p) => p.id === links.find((l) => l.role === 'party')?.partyId) ?? parties[0]
      if (!main) throw appError('CASE_NO_PARTY', '案件没有当事人')
      const others = parties.filter((p) => p.id !== main.id)
      const profile = await getProfile(db, c.id)
      const src = {
        caseName: c.name,
        cause: c.cause,
        decision: {
          number: d.number ?? '',
          date: d.issuedOn!,
          facts: String(d.fields.facts ?? ''),
          violatedProvision: String(d.fields.violatedProvision ?? ''),
          penaltyBasis: String(d.fields.penaltyBasis ?? ''),
          penalty: penaltyText,
          fine,
          warning: /警告/.test(penaltyText)
        },
        measures: profile.measures.map((m) => MEASURE_LABELS[m]),
        confiscation: profile.confiscation,
        party: toParty(main),
        otherPersons: others.map(toParty),
        agency: { name: agency.name, creditCode: agency.creditCode, phone: agency.phone }
      }
      const { record, hits } = buildPublicityRecord(src, policy)
      // the last guard: nothing a redactor would still catch leaves the building
      const persons = [src.party, ...src.otherPersons]
      const residual = residualSensitive(
        record,
        {
          idNumbers: persons.flatMap((p) => [p.idNumber, p.operatorIdNumber].filter((x): x is string => !!x)),
          phones: persons.filter((p) => p.kind !== 'org').flatMap((p) => (p.phone ? [p.phone] : [])),
          addresses: persons.filter((p) => p.kind === 'person').flatMap((p) => (p.address ? [p.address] : []))
        },
        [
          agency.name,
          agency.creditCode,
          agency.phone,
          ...persons.filter((p) => p.kind !== 'person').flatMap((p) => [p.name, p.creditCode ?? ''])
        ].filter(Boolean)
      )
      if (residual.length)
        throw appError('PUBLICITY_REDACTION_INCOMPLETE', `公示信息中仍有${residual.length}处个人信息未能隐去，请检查决定书内容`)
      const due =
        (await caseDeadlines(db, c.id)).find((x) => x.code === 'publicity')?.due ??
        (await loadCalendar(db)).add(d.issuedOn!, 7, 'WD').due.slice(0, 10)
      const existing = await listPublicity(db, { caseId: c.id, limit: 100 })
      const same = existing.find((p) => p.decisionDocumentId === d.id && p.status !== 'withdrawn' && p.status !== 'corrected')
      if (same && same.status !== 'pending')
        throw appError('PUBLICITY_STATE_INVALID', `该决定已于${same.publishedOn}公示；如需更正，请先撤回`)
      let id: number
      if (same) {
        await updatePublicity(db, { ...same, record, redactions: hits.length, updatedAt: at })
        id = same.id
      } else {
        id = await insertPublicity(
          db,
          {
            caseId: c.id,
            decisionDocumentId: d.id,
            record,
            redactions: hits.length,
            due,
            minUntil: record.minUntil,
            maxUntil: record.publicUntil
          },
          at
        )
        // a corrected decision replaces the record withdrawn because the decision changed
        const replaced = existing.find((p) => p.status === 'withdrawn' && p.withdrawReason === 'changed' && p.supersededBy === null)
        if (replaced) await updatePublicity(db, { ...replaced, status: 'corrected', supersededBy: id, updatedAt: at })
      }
      await updateCase(db, { ...c, updatedAt: at })
      return { c, p: (await findPublicity(db, id))!, rebuilt: !!same, hits }
    },
    ({ c, p, rebuilt, hits }) => ({
      action: rebuilt ? 'publicity.rebuild' : 'publicity.build',
      targetType: 'publicity',
      targetId: p.id,
      caseId: String(c.id),
      summary: `${rebuilt ? '重新生成' : '生成'}行政处罚决定公示信息（${p.record.decisionNumber}，隐去个人信息${hits.length}处，${p.due}前公示）`,
      detail: { record: p.record, redactions: hits.map((h) => h.kind) }
    })
  )
  return view(ctx.home.store, out.p, t)
}

export async function publicityPublish(ctx: ServiceContext, input: { id: number; publishedOn: string; url: string }) {
  const t = today(ctx)
  notAfterToday(ctx, input.publishedOn, 'publishedOn', '公示日期')
  const p = await change(
    ctx,
    'publicity',
    async (db, at) => {
      const p = await mustPub(db, input.id)
      if (p.status !== 'pending') throw appError('PUBLICITY_STATE_INVALID', `该公示信息${PUBLICITY_STATUS_LABELS[p.status]}，不能再次公示`)
      if (input.publishedOn < p.record.decisionDate)
        throw appError('VALIDATION_FAILED', `公示日期不能早于决定日期（${p.record.decisionDate}）`, {
          issues: [{ path: 'publishedOn', message: '早于决定日期' }]
        })
      const d = await findDocument(db, p.decisionDocumentId)
      if (!d || d.status !== 'issued') throw appError('DOCUMENT_NOT_ISSUED', '决定书已作废，不能公示')
      const u: PublicityRow = { ...p, status: 'published', publishedOn: input.publishedOn, url: input.url, updatedAt: at }
      await updatePublicity(db, u)
      await addCaseEvent(db, p.caseId, { type: 'published', date: input.publishedOn, note: input.url }, ctx.actor, at)
      await recomputeDeadlines(db, p.caseId)
      return u
    },
    (p) => ({
      action: 'publicity.publish',
      targetType: 'publicity',
      targetId: p.id,
      caseId: String(p.caseId),
      summary: `公示行政处罚决定（${p.record.decisionNumber}，${p.publishedOn}${p.publishedOn! > p.due ? `，逾期：应于${p.due}前公示` : ''}）：${p.url}`,
      detail: { publishedOn: p.publishedOn, url: p.url, due: p.due }
    })
  )
  return view(ctx.home.store, p, t)
}

/**
 * Take a record down. Revoked, changed, unlawful or void decisions come down at once (within 3 working days);
 * credit-repair removal only after the minimum period; expiry only after the maximum period.
 */
export async function publicityWithdraw(ctx: ServiceContext, input: { id: number; reason: WithdrawReason; date: string; note: string }) {
  const t = today(ctx)
  notAfterToday(ctx, input.date, 'date', '撤回日期')
  const p = await change(
    ctx,
    'publicity',
    async (db, at) => {
      const p = await mustPub(db, input.id)
      if (p.status !== 'published') throw appError('PUBLICITY_STATE_INVALID', `该公示信息${PUBLICITY_STATUS_LABELS[p.status]}，无需撤回`)
      if (input.date < (p.publishedOn ?? ''))
        throw appError('VALIDATION_FAILED', `撤回日期不能早于公示日期（${p.publishedOn}）`, {
          issues: [{ path: 'date', message: '早于公示日期' }]
        })
      if (input.reason === 'credit_repair' && input.date < p.minUntil) {
        throw appError(
          'PUBLICITY_PERIOD',
          `安全生产领域行政处罚信息最短公示期限为一年，至${chineseDate(p.minUntil)}届满；届满前不能因信用修复提前下架`,
          { issues: [{ path: 'date', message: `早于${p.minUntil}` }] }
        )
      }
      if (input.reason === 'expired' && input.date < p.maxUntil) {
        throw appError('PUBLICITY_PERIOD', `最长公示期限至${chineseDate(p.maxUntil)}届满，尚未到期`, {
          issues: [{ path: 'date', message: `早于${p.maxUntil}` }]
        })
      }
      if (!input.note.trim() && input.reason !== 'expired')
        throw appError('VALIDATION_FAILED', '请写明撤回说明', { issues: [{ path: 'note', message: '请写明说明' }] })
      const status: PublicityStatus =
        input.reason === 'credit_repair' ? 'removed_early' : input.reason === 'expired' ? 'expired' : 'withdrawn'
      const u: PublicityRow = {
        ...p,
        status,
        withdrawnOn: input.date,
        withdrawReason: input.reason,
        withdrawNote: input.note,
        updatedAt: at
      }
      await updatePublicity(db, u)
      await addCaseEvent(
        db,
        p.caseId,
        { type: 'publicity_withdrawn', date: input.date, note: WITHDRAW_REASON_LABELS[input.reason] },
        ctx.actor,
        at
      )
      await recomputeDeadlines(db, p.caseId)
      return u
    },
    (p) => ({
      action: 'publicity.withdraw',
      targetType: 'publicity',
      targetId: p.id,
      caseId: String(p.caseId),
      summary: `撤回行政处罚决定公示（${p.record.decisionNumber}，${input.date}）：${WITHDRAW_REASON_LABELS[input.reason]}${input.note ? `，${input.note}` : ''}`,
      detail: input
    })
  )
  return view(ctx.home.store, p, t)
}

/** The decision was revoked or changed (by review, litigation or the agency): the 3-working-day withdrawal clock starts. */
export async function publicityDecisionChanged(ctx: ServiceContext, input: { caseId: number; date: string; reason: string }) {
  await change(
    ctx,
    'publicity',
    async (db, at) => {
      const c = await findCase(db, input.caseId)
      if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
      await recordDecisionChanged(db, c.id, input.date, input.reason, ctx.actor, at)
      return c
    },
    (c) => ({
      action: 'publicity.decision_changed',
      targetType: 'case',
      targetId: c.id,
      caseId: String(c.id),
      summary: `${c.name}：处罚决定被撤销或者变更（${input.date}）：${input.reason}`,
      detail: input
    })
  )
  return publicityViews(ctx.home.store, today(ctx), { caseId: input.caseId, limit: 50 })
}

async function recordDecisionChanged(db: Scope, caseId: number, date: string, reason: string, actor: string, at: string): Promise<boolean> {
  const live = await listPublicity(db, { caseId, status: 'published', limit: 50 })
  if (!live.length) return false
  await addCaseEvent(db, caseId, { type: 'decision_changed', date, note: reason }, actor, at)
  await recomputeDeadlines(db, caseId)
  return true
}

/** Called inside the void transaction of a decision: a published record of it must come down. */
export async function onDecisionVoided(ctx: ServiceContext, d: DocumentRecord, reason: string, date: string): Promise<void> {
  const db = ctx.home.store
  const at = ctx.now().toISOString()
  if ((await listPublicity(db, { caseId: d.caseId, status: 'published', limit: 50 })).some((p) => p.decisionDocumentId === d.id)) {
    await recordDecisionChanged(db, d.caseId, date, `决定书作废：${reason}`, ctx.actor, at)
  }
  // a pending record of a voided decision is meaningless: drop it from the queue
  for (const p of (await listPublicity(db, { caseId: d.caseId, status: 'pending', limit: 50 })).filter(
    (x) => x.decisionDocumentId === d.id
  )) {
    await updatePublicity(db, {
      ...p,
      status: 'withdrawn',
      withdrawnOn: date,
      withdrawReason: 'void',
      withdrawNote: `决定书作废（未公示）：${reason}`,
      updatedAt: at
    })
  }
}

export function publicityList(
  ctx: ServiceContext,
  input: { caseId?: number | undefined; status?: PublicityStatus | undefined; limit: number }
) {
  return publicityViews(ctx.home.store, today(ctx), input)
}

/** The publicity records as the lists show them (status as of `t`), newest first. */
async function publicityViews(
  db: Scope,
  t: string,
  input: { caseId?: number | undefined; status?: PublicityStatus | undefined; limit: number }
) {
  // 已到期下架 covers records taken down at expiry and published ones past their maximum period
  const statuses = input.status === 'expired' ? (['published', 'expired'] as const) : input.status ? [input.status] : [undefined]
  const rows: PublicityRow[] = []
  for (const status of statuses) rows.push(...(await listPublicity(db, { caseId: input.caseId, limit: 100_000, status })))
  rows.sort((a, b) => b.id - a.id)
  const views = await Promise.all(rows.map((p) => view(db, p, t)))
  return views.filter((v) => !input.status || v.status === input.status).slice(0, input.limit)
}

export async function publicityGet(ctx: ServiceContext, input: { id: number }) {
  return view(ctx.home.store, await mustPub(ctx.home.store, input.id), today(ctx))
}

/** What the website shows today: published records inside their display period. */
export function publicityRender(ctx: ServiceContext) {
  return renderPublicity(ctx)
}

async function renderPublicity(ctx: ServiceContext) {
  const db = ctx.home.store
  const agency = await getAgency(db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息')
  const t = today(ctx)
  const records = (await listPublicity(db, { status: 'published', limit: 100_000 }))
    .filter((p) => effectiveStatus(p.status, p.maxUntil, t) === 'published')
    .sort((a, b) => (a.record.decisionDate < b.record.decisionDate ? 1 : -1))
    .map((p) => p.record)
  const meta = { agency: agency.name, generatedOn: t }
  return {
    count: records.length,
    files: [
      { name: '行政处罚决定公示.csv', mime: 'text/csv;charset=utf-8', content: recordsCsv(records) },
      { name: '行政处罚决定公示.json', mime: 'application/json', content: recordsJson(records, meta) },
      { name: '行政处罚决定公示.html', mime: 'text/html;charset=utf-8', content: recordsHtml(records, meta) }
    ]
  }
}

export async function publicityExport(ctx: ServiceContext, input: { outDir: string }) {
  const { files, count } = await renderPublicity(ctx)
  return change(
    ctx,
    'publicity',
    () => ({ count, files: writeExportFiles(input.outDir, files) }),
    (r) => ({
      action: 'publicity.export',
      targetType: 'publicity',
      targetId: null,
      summary: `导出行政处罚决定公示（${r.count}条，CSV/JSON/HTML）`,
      detail: { outDir: input.outDir, count: r.count }
    })
  )
}
