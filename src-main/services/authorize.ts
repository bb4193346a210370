/**
 * Authorization at the boundary: `invoke` asks `authorize` before a handler runs. The channel's rule
 * (contract/access.ts) is checked against the caller's roles (core/roles.ts `roleRefusal`), then, where the rule
 * has a per-case part, against the case the input names (`caseRefusal`): its handlers (the officers on the case)
 * and the legal reviewer assigned to its review round. A refusal is an AppError value and nothing is written.
 */
import type { Channel } from '../contract'
import { ACCESS, CASE_CHANGES } from '../contract/access'
import { caseActions } from '../core/case'
import type { AppError } from '../core/errors'
import { caseRefusal, roleRefusal, type AccessRule, type CaseFacts, type Principal } from '../core/roles'
import type { Scope } from '../store/engine/engine'
import { caseOfficers, findCase } from '../store/repos/cases'
import { findDossier } from '../store/repos/dossiers'
import { findDocument } from '../store/repos/documents'
import { caseReviews, findHearing, findReview } from '../store/repos/review'
import { countUsers, findUser } from '../store/repos/users'
import { principalOf } from './auth'
import type { ServiceContext } from './context'

/** The roles a rule names, for the refusal's details (`setup` is the admin's once users exist). */
function rolesOf(rule: AccessRule): readonly string[] {
  return rule.who === 'setup' ? ['admin'] : typeof rule.who === 'string' ? [] : rule.who
}

/** The case a channel's input is about, its assigned reviewer where the input names a review round, and the document named. */
async function caseOf(
  db: Scope,
  channel: Channel,
  input: Record<string, unknown>
): Promise<{ caseId: number; reviewer?: number; documentId?: number } | null> {
  const num = (k: string) => (typeof input[k] === 'number' ? (input[k] as number) : null)
  const caseId = num('caseId')
  if (caseId !== null) return { caseId }
  const area = channel.slice(0, channel.indexOf('.'))
  if (area === 'cases' && num('id') !== null) return { caseId: num('id')! }
  const docId = area === 'documents' ? (num('documentId') ?? num('id')) : null
  if (docId !== null) {
    const d = await findDocument(db, docId)
    return d ? { caseId: d.caseId, documentId: d.id } : null
  }
  const reviewId = num('reviewId')
  if (reviewId !== null) {
    // the reviewer assigned to the round the input names (its state is the handler's to check)
    const r = await findReview(db, reviewId)
    return r ? { caseId: r.caseId, reviewer: r.reviewerId } : null
  }
  const hearingId = num('hearingId')
  if (hearingId !== null) {
    const h = await findHearing(db, hearingId)
    return h ? { caseId: h.caseId } : null
  }
  return null
}

/** The reviewer whose 法制审核意见书 the document is (the round's opinion, or a corrected version of it), or null. */
async function opinionReviewer(db: Scope, caseId: number, documentId: number): Promise<number | null> {
  const rounds = (await caseReviews(db, caseId)).filter((r) => r.opinionDocumentId !== null)
  for (let d = await findDocument(db, documentId), hops = 0; d && d.type === 'legal_review_opinion' && hops < 50; hops++) {
    const r = rounds.find((x) => x.opinionDocumentId === d!.id)
    if (r) return r.reviewerId
    d = d.supersedesId !== null ? await findDocument(db, d.supersedesId) : null
  }
  return null
}

/** The per-case facts: the case's officers, the reviewer of the round named or of the case's open round, the opinion's author. */
async function caseFacts(db: Scope, target: { caseId: number; reviewer?: number; documentId?: number }): Promise<CaseFacts> {
  const handlers = ((await caseOfficers(db, [target.caseId])).get(target.caseId) ?? []).map((o) => o.officerId)
  const assignedReviewer =
    target.reviewer ?? (await caseReviews(db, target.caseId)).find((r) => r.status === 'in_review')?.reviewerId ?? null
  const opinionOf = target.documentId !== undefined ? await opinionReviewer(db, target.caseId, target.documentId) : null
  return { handlers, assignedReviewer, opinionOf }
}

type Refusal = { ok: false; error: AppError }

/**
 * The caller part, checked before the input is even parsed (an unsigned caller learns nothing of a channel's
 * input): the channel's roles. Returns the refusal, or the principal as the store knows it now (a user deactivated
 * since sign-in is refused; one whose roles changed acts with the current ones). Trusted in-process contexts
 * (no principal, no `requireAuth`) pass unchecked.
 */
export async function authorizeCaller(ctx: ServiceContext, channel: Channel): Promise<{ ok: true; principal: Principal | null } | Refusal> {
  if (!ctx.requireAuth && !ctx.principal) return { ok: true, principal: null }
  const rule: AccessRule = ACCESS[channel]
  if (rule.who === 'anyone') return { ok: true, principal: ctx.principal }
  const db = ctx.home.store
  let principal: Principal | null = null
  if (ctx.principal) {
    const u = await findUser(db, ctx.principal.userId)
    if (!u || !u.active) {
      return { ok: false, error: { code: 'AUTH_REQUIRED', message: '账户已停用或不存在，请重新登录', details: { channel } } }
    }
    principal = principalOf(u)
  }
  const byRole = roleRefusal(rule, principal, rule.who === 'setup' ? (await countUsers(db)) > 0 : true)
  if (byRole) return { ok: false, error: { ...byRole, details: { channel, roles: rolesOf(rule) } } }
  return { ok: true, principal }
}

/**
 * The per-case part, on the parsed input: the case it names (its `caseId`; `id` for cases.*; the document's case
 * for documents.*; the round's for `reviewId`; the hearing's for `hearingId`), its handlers and assigned reviewer.
 * Returns the refusal or null.
 */
export async function authorizeCase(
  channel: Channel,
  ctx: ServiceContext,
  principal: Principal | null,
  input: unknown
): Promise<Refusal | null> {
  const rule: AccessRule = ACCESS[channel]
  if (!rule.case || !principal) return null
  const target = await caseOf(ctx.home.store, channel, (input ?? {}) as Record<string, unknown>)
  // an unknown case, document or round is the handler's to report (CASE_NOT_FOUND, …)
  if (!target) return null
  const byCase = caseRefusal(rule, principal, await caseFacts(ctx.home.store, target))
  return byCase ? { ok: false, error: { ...byCase, details: { channel, roles: rolesOf(rule), caseId: target.caseId } } } : null
}

/**
 * The seal: a channel that changes a case (contract/access.ts `CASE_CHANGES`) is refused with CASE_SEALED when the
 * case its input names is archived, whoever calls (trusted in-process callers too). Returns the refusal or null.
 */
export async function sealedRefusal(ctx: ServiceContext, channel: Channel, input: unknown): Promise<Refusal | null> {
  if (!CASE_CHANGES.has(channel)) return null
  const db = ctx.home.store
  const target = await caseOf(db, channel, (input ?? {}) as Record<string, unknown>)
  const c = target ? await findCase(db, target.caseId) : null
  if (!c || !caseActions(c.status).sealed) return null
  const d = await findDossier(db, c.id)
  const when = d?.archivedOn ? `已于${d.archivedOn}归档封存${d.archiveNumber ? `（归档号 ${d.archiveNumber}）` : ''}` : '已归档封存'
  return {
    ok: false,
    error: { code: 'CASE_SEALED', message: `案件“${c.name}”${when}，不能再作任何修改，只能查阅`, details: { channel, caseId: c.id } }
  }
}

/**
 * May the caller make this call? The role part, the per-case part and the seal, as `invoke` checks them (the input
 * is taken as given, not parsed): for the views, so that a screen offers only what its user may do.
 */
export async function mayCall(ctx: ServiceContext, channel: Channel, input: Record<string, unknown>): Promise<boolean> {
  const caller = await authorizeCaller(ctx, channel)
  return (
    caller.ok &&
    (await authorizeCase(channel, ctx, caller.principal, input)) === null &&
    (await sealedRefusal(ctx, channel, input)) === null
  )
}
