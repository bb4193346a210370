/** core/roles.ts: the role part and the per-case part of an access rule, and who sits in a collective discussion. */
import { describe, expect, it } from 'vitest'
import { canAttendDiscussion, caseRefusal, roleRefusal, type AccessRule, type Principal, type Role } from '../../src-main/core/roles'

const who = (roles: Role[], officerId: number | null = null): Principal => ({ userId: 1, login: 'u', name: '某人', officerId, roles })
const paperwork: AccessRule = { who: ['handler', 'head', 'clerk'], case: { kind: 'handler', anyCase: ['head', 'clerk'] } }
const approval: AccessRule = { who: ['handler', 'head'], case: { kind: 'handler', anyCase: ['head'] } }
const handlersOnly: AccessRule = { who: ['handler'], case: { kind: 'handler', anyCase: [] } }
const document: AccessRule = { who: ['handler', 'head', 'reviewer'], case: { kind: 'handler', anyCase: ['head'], ownOpinion: true } }
const decide: AccessRule = { who: ['reviewer'], case: { kind: 'reviewer' } }
const facts = { handlers: [10, 11], assignedReviewer: 20 }

describe('caseRefusal', () => {
  it("passes the case's handlers and the roles that pass on any case, and names them when it refuses", () => {
    expect(caseRefusal(paperwork, who(['handler'], 10), facts)).toBeNull()
    expect(caseRefusal(paperwork, who(['clerk']), facts)).toBeNull()
    expect(caseRefusal(paperwork, who(['head']), facts)).toBeNull()
    expect(caseRefusal(paperwork, who(['handler'], 12), facts)?.message).toBe('只有本案承办人、负责人或内勤可以执行此操作')
    expect(caseRefusal(approval, who(['handler', 'clerk'], 12), facts)?.message).toBe('只有本案承办人或负责人可以执行此操作')
    expect(caseRefusal(handlersOnly, who(['handler'], 12), facts)?.message).toBe('只有本案承办人可以执行此操作')
    expect(caseRefusal({ who: ['handler'] }, who(['handler'], 12), facts)).toBeNull()
  })

  it("makes a review opinion its reviewer's (or a head's), not the handlers'", () => {
    const opinion = { ...facts, opinionOf: 20 }
    expect(caseRefusal(document, who(['reviewer'], 20), opinion)).toBeNull()
    expect(caseRefusal(document, who(['head']), opinion)).toBeNull()
    expect(caseRefusal(document, who(['handler'], 10), opinion)?.message).toBe(
      '法制审核意见书只有作出审核意见的法制审核人员或负责人可以修改、签发'
    )
    expect(caseRefusal(document, who(['reviewer'], 21), opinion)).not.toBeNull()
    // on another document the reviewer is no handler
    expect(caseRefusal(document, who(['reviewer'], 20), facts)?.message).toBe('只有本案承办人或负责人可以执行此操作')
    expect(caseRefusal(document, who(['handler'], 10), facts)).toBeNull()
  })

  it('lets only the assigned reviewer, who is no handler of the case, decide', () => {
    expect(caseRefusal(decide, who(['reviewer'], 20), facts)).toBeNull()
    expect(caseRefusal(decide, who(['reviewer'], 21), facts)?.message).toBe('只有本案指定的法制审核人员可以记录审核意见')
    expect(caseRefusal(decide, who(['reviewer', 'handler'], 10), { ...facts, assignedReviewer: 10 })?.message).toBe(
      '本案承办人不得审核本案'
    )
  })
})

describe('roleRefusal and the discussion', () => {
  it('names the roles in Chinese', () => {
    expect(roleRefusal(paperwork, who(['archivist']), true)?.message).toBe('只有办案人员或负责人或内勤可以执行此操作')
    expect(roleRefusal(paperwork, null, true)?.code).toBe('AUTH_REQUIRED')
  })
  it('seats the heads', () => {
    expect(canAttendDiscussion(who(['handler', 'head']))).toBe(true)
    expect(canAttendDiscussion(who(['reviewer']))).toBe(false)
  })
})
