/**
 * People and what they may do: the roles of an agency's users and the access rule each contract channel
 * declares (contract/access.ts). Pure: the services evaluate the per-case part against the store.
 */
import { z } from 'zod'

export const ROLES = ['admin', 'handler', 'reviewer', 'head', 'archivist', 'clerk'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  handler: '办案人员',
  reviewer: '法制审核人员',
  head: '负责人',
  archivist: '档案员',
  clerk: '内勤'
}

/** Who is calling: set by the door after sign-in, carried in the service context. */
export const PrincipalSchema = z.object({
  userId: z.number().int().positive(),
  login: z.string(),
  name: z.string(),
  officerId: z.number().int().positive().nullable(),
  roles: z.array(z.enum(ROLES))
})
export type Principal = z.infer<typeof PrincipalSchema>

/**
 * Per-case rules, checked against the case the input names (its `caseId`, or the case of the document,
 * review round or job it names):
 * - `handler`: the caller is one of the case's handlers (承办人), i.e. their user's officer record is on the case;
 *   or holds one of `anyCase`, roles that pass on every case (a head supervising every case; the clerks for a
 *   case's paperwork: registration, drafting, service, never approvals). With `ownOpinion`, a 法制审核意见书 is the
 *   reviewer's paperwork, not the handlers': on it, the reviewer who wrote it passes, the case's handlers do not.
 * - `reviewer`: the caller is the legal reviewer assigned to the case's open review round and is not a
 *   handler of the case.
 */
export type CaseRule = { kind: 'handler'; anyCase: readonly Role[]; ownOpinion?: boolean } | { kind: 'reviewer' }

export interface AccessRule {
  /**
   * `anyone`: no sign-in (app info, sign-in itself); `setup`: only while the home has no users yet, or an
   * admin; `signed-in`: any active user; otherwise the roles of which the caller must hold one.
   */
  who: 'anyone' | 'setup' | 'signed-in' | readonly Role[]
  case?: CaseRule
}

/** The first refusal a principal meets for a rule's role part, or null when the roles suffice. */
export function roleRefusal(
  rule: AccessRule,
  who: Principal | null,
  hasUsers: boolean
): { code: 'AUTH_REQUIRED' | 'FORBIDDEN'; message: string } | null {
  if (rule.who === 'anyone') return null
  if (rule.who === 'setup') {
    if (!hasUsers) return null
    if (!who) return { code: 'AUTH_REQUIRED', message: '请先登录' }
    return who.roles.includes('admin') ? null : { code: 'FORBIDDEN', message: `只有${ROLE_LABELS.admin}可以执行此操作` }
  }
  if (!who) return { code: 'AUTH_REQUIRED', message: '请先登录' }
  if (rule.who === 'signed-in') return null
  if (rule.who.some((r) => who.roles.includes(r))) return null
  return { code: 'FORBIDDEN', message: `只有${rule.who.map((r) => ROLE_LABELS[r]).join('或')}可以执行此操作` }
}

/** 甲、乙或丙 */
function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')}或${names.at(-1)}`
}

/**
 * The facts of the case a call is about: `handlers` are the case's officer ids, `assignedReviewer` the officer id
 * of the reviewer of the round named (or of the case's open round), `opinionOf` the officer id of the reviewer whose
 * 法制审核意见书 the named document is (null for any other document, or no document).
 */
export interface CaseFacts {
  handlers: readonly number[]
  assignedReviewer: number | null
  opinionOf?: number | null
}

/** The per-case part, or null when it holds; the refusal names, in Chinese, who may do it. */
export function caseRefusal(rule: AccessRule, who: Principal, facts: CaseFacts): { code: 'FORBIDDEN'; message: string } | null {
  const c = rule.case
  if (!c) return null
  const isHandler = who.officerId !== null && facts.handlers.includes(who.officerId)
  if (c.kind === 'handler') {
    const anyCase = c.anyCase.filter((r) => who.roles.includes(r))
    const opinionOf = c.ownOpinion ? (facts.opinionOf ?? null) : null
    if (opinionOf !== null) {
      // the reviewer's own opinion: only she (or a head supervising) may edit or issue it
      if (who.officerId === opinionOf && who.roles.includes('reviewer')) return null
      if (anyCase.includes('head')) return null
      return { code: 'FORBIDDEN', message: `法制审核意见书只有作出审核意见的${ROLE_LABELS.reviewer}或${ROLE_LABELS.head}可以修改、签发` }
    }
    if (isHandler || anyCase.length > 0) return null
    return { code: 'FORBIDDEN', message: `只有${orList(['本案承办人', ...c.anyCase.map((r) => ROLE_LABELS[r])])}可以执行此操作` }
  }
  if (isHandler) return { code: 'FORBIDDEN', message: '本案承办人不得审核本案' }
  if (who.officerId === null || who.officerId !== facts.assignedReviewer) {
    return { code: 'FORBIDDEN', message: '只有本案指定的法制审核人员可以记录审核意见' }
  }
  return null
}

/** Who sits in a collective discussion (集体讨论, 行政处罚法第五十七条第二款): the agency's heads (负责人). */
export function canAttendDiscussion(u: { roles: readonly Role[] }): boolean {
  return u.roles.includes('head')
}
