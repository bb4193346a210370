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
 * - `handler`: the caller is one of the case's handlers (承办人), i.e. their officer record is on the case;
 * - `reviewer`: the caller is the legal reviewer assigned to the case's open review round and is not a
 *   handler of the case.
 * A head (负责人) passes `handler` where `headToo` is set.
 */
export type CaseRule = 'handler' | 'reviewer'

export interface AccessRule {
  /**
   * `anyone`: no sign-in (app info, sign-in itself); `setup`: only while the home has no users yet, or an
   * admin; `signed-in`: any active user; otherwise the roles of which the caller must hold one.
   */
  who: 'anyone' | 'setup' | 'signed-in' | readonly Role[]
  case?: CaseRule
  /** with `case: 'handler'`: a head passes too (approvals and supervision of every case) */
  headToo?: boolean
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

/** The per-case part: `handlers` are the case's officer ids, `assignedReviewer` the open round's reviewer. */
export function caseRefusal(
  rule: AccessRule,
  who: Principal,
  facts: { handlers: readonly number[]; assignedReviewer: number | null }
): { code: 'FORBIDDEN'; message: string } | null {
  if (!rule.case) return null
  const isHandler = who.officerId !== null && facts.handlers.includes(who.officerId)
  if (rule.case === 'handler') {
    if (isHandler) return null
    if (rule.headToo && who.roles.includes('head')) return null
    return { code: 'FORBIDDEN', message: rule.headToo ? '只有本案承办人或负责人可以执行此操作' : '只有本案承办人可以执行此操作' }
  }
  if (isHandler) return { code: 'FORBIDDEN', message: '本案承办人不得审核本案' }
  if (who.officerId === null || who.officerId !== facts.assignedReviewer) {
    return { code: 'FORBIDDEN', message: '只有本案指定的法制审核人员可以记录审核意见' }
  }
  return null
}
