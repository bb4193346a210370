import { describe, expect, it } from 'vitest'
import { publicityActions } from '../../src-main/core/publicity-actions'
import { PUBLICITY_STATUSES } from '../../src-main/core/publicity'

describe('publicityActions', () => {
  it('a pending record may be published, a published one withdrawn', () => {
    expect(publicityActions({ status: 'pending', withdrawnOn: null })).toEqual({ canPublish: true, canWithdraw: false })
    expect(publicityActions({ status: 'published', withdrawnOn: null })).toEqual({ canPublish: false, canWithdraw: true })
  })
  it('an expired record may be withdrawn until its takedown is recorded', () => {
    expect(publicityActions({ status: 'expired', withdrawnOn: null }).canWithdraw).toBe(true)
    expect(publicityActions({ status: 'expired', withdrawnOn: '2029-01-02' }).canWithdraw).toBe(false)
  })
  it('withdrawn, corrected and removed records offer nothing', () => {
    for (const status of PUBLICITY_STATUSES.filter((s) => !['pending', 'published', 'expired'].includes(s))) {
      expect(publicityActions({ status, withdrawnOn: null })).toEqual({ canPublish: false, canWithdraw: false })
    }
  })
})
