import { describe, expect, it } from 'vitest'
import { publicityActions } from '../../src-main/core/publicity-actions'
import { PUBLICITY_STATUSES } from '../../src-main/core/publicity'

const M = '2029-11-25'
const T = '2027-01-10'

describe('publicityActions', () => {
  it('a pending record may be published, a published one withdrawn', () => {
    expect(publicityActions({ status: 'pending', withdrawnOn: null, maxUntil: M }, T)).toMatchObject({
      canPublish: true,
      canWithdraw: false
    })
    expect(publicityActions({ status: 'published', withdrawnOn: null, maxUntil: M }, T)).toMatchObject({
      canPublish: false,
      canWithdraw: true
    })
  })
  it('an expired record may be withdrawn until its takedown is recorded', () => {
    expect(publicityActions({ status: 'expired', withdrawnOn: null, maxUntil: M }, T).canWithdraw).toBe(true)
    expect(publicityActions({ status: 'expired', withdrawnOn: '2029-01-02', maxUntil: M }, T).canWithdraw).toBe(false)
  })
  it('withdrawn, corrected and removed records offer nothing', () => {
    for (const status of PUBLICITY_STATUSES.filter((s) => !['pending', 'published', 'expired'].includes(s))) {
      expect(publicityActions({ status, withdrawnOn: null, maxUntil: M }, T)).toMatchObject({ canPublish: false, canWithdraw: false })
    }
  })
  it('the reason 已到期 is open from the last day of the maximum period on', () => {
    const p = { status: 'published' as const, withdrawnOn: null, maxUntil: M }
    expect(publicityActions(p, '2029-11-24').canTakeDownExpired).toBe(false)
    expect(publicityActions(p, '2029-11-25').canTakeDownExpired).toBe(true)
    expect(publicityActions(p, '2029-11-26').canTakeDownExpired).toBe(true)
  })
})
