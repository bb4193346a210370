/**
 * The people of a demo home, as signed-in principals for the per-case rules: the handlers of one case, a handler
 * of another, the legal reviewer assigned to it (刘芳) and another legal reviewer, a head, a clerk and an archivist.
 * Each is a user linked to an officer record where the role needs one; `door` gives a context that `invoke`
 * authorizes like a real door (requireAuth, the principal re-read from the store on every call).
 */
import { call, createContext, type ServiceContext } from '../src-main/services'
import type { Principal } from '../src-main/core/roles'
import type { TestHome } from './helpers'

export const CAST_PASSWORD = 'cast-pass-2026'

export type Part = 'handler' | 'handler2' | 'otherHandler' | 'reviewer' | 'otherReviewer' | 'head' | 'clerk' | 'archivist'

export interface Cast {
  /** who plays each part */
  people: Record<Part, Principal>
  /** the officers of the case the parts are about: 李晓红 and 赵刚, who hold only the handler role */
  caseOfficerIds: [number, number]
  /** the legal reviewer to assign (刘芳) */
  reviewerOfficerId: number
}

export const door = (t: TestHome, principal: Principal | null): ServiceContext =>
  createContext(t.home, { actor: 'door', now: t.ctx.now, requireAuth: true, principal, version: 'test' })

/**
 * On a home with the demo foundation loaded (`demo.load` with 0 cases): three more officers (赵刚, 李晓红's partner
 * on the case; 钱进, a handler of another case; 孔丽, a second legal reviewer), their accounts and a clerk-only
 * account, so that every part is played by someone holding only that part (王建国 and 陈志强 are heads too).
 */
export async function makeCast(t: TestHome): Promise<Cast> {
  const officers = await call(t.ctx, 'officers.list', {})
  const byName = (n: string) => officers.find((o) => o.name === n)!
  const qian = await call(t.ctx, 'officers.add', { name: '钱进', certNo: '36040019008', validUntil: '2029-12-31', post: '科员' })
  const kong = await call(t.ctx, 'officers.add', {
    name: '孔丽',
    certNo: '36040019009',
    validUntil: '2029-12-31',
    post: '法规科科员',
    legalReviewer: true
  })
  const fresh = (login: string, name: string, roles: Principal['roles'], officerId: number | null) =>
    call(t.ctx, 'users.add', { login, name, roles, officerId, password: CAST_PASSWORD })
  await fresh('qianjin', '钱进', ['handler'], qian.id)
  await fresh('kongli', '孔丽', ['reviewer'], kong.id)
  await fresh('neiqin', '内勤小吴', ['clerk'], null)
  // a second pure handler on the case: 陈志强 is a head in the demo, so 李晓红's partner is a new handler account
  const zhao = await call(t.ctx, 'officers.add', { name: '赵刚', certNo: '36040019010', validUntil: '2029-12-31', post: '科员' })
  await fresh('zhaogang', '赵刚', ['handler'], zhao.id)
  const users = await call(t.ctx, 'users.list', {})
  const as = (login: string): Principal => {
    const u = users.find((x) => x.login === login)!
    return { userId: u.id, login: u.login, name: u.name, officerId: u.officerId, roles: u.roles }
  }
  return {
    people: {
      handler: as('lixh'),
      handler2: as('zhaogang'),
      otherHandler: as('qianjin'),
      reviewer: as('liufang'),
      otherReviewer: as('kongli'),
      head: as('zhouwb'),
      clerk: as('neiqin'),
      archivist: as('zhaomin')
    },
    caseOfficerIds: [byName('李晓红').id, zhao.id],
    reviewerOfficerId: byName('刘芳').id
  }
}

/**
 * A general-procedure case against a company (江州市恒远化工有限公司, 动火作业未审批), registered on 2026-08-31 and filed on
 * 2026-09-01 by `officerIds`, with an intended fine: the common start of the tests of who may act on a case.
 */
export async function filedOrgCase(t: TestHome, officerIds: readonly number[], fine: number): Promise<number> {
  const party = await call(t.ctx, 'parties.add', {
    kind: 'org',
    name: '江州市恒远化工有限公司',
    creditCode: '91360402MA35XK7Q25',
    address: '江州市浔阳区化工园区18号',
    legalRep: '郑海涛'
  })
  return (
    await call(t.ctx, 'cases.registerAndFile', {
      register: {
        source: 'inspection',
        sourceDate: '2026-08-31',
        procedure: 'general',
        cause: '动火作业未审批',
        facts: '动火作业未审批。',
        parties: [{ partyId: party.id }],
        officerIds: [...officerIds],
        intendedPenalty: { warning: false, fine }
      },
      filedOn: '2026-09-01'
    })
  ).id
}
