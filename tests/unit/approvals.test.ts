import { describe, expect, it } from 'vitest'
import {
  APPROVAL_KINDS,
  APPROVAL_OUTCOMES,
  approvalFormText,
  approvalMove,
  availableApprovals,
  manualTransitions,
  stepRequired
} from '../../src-main/core/approvals'
import { allowedTransitions, CASE_STATUSES, PROCEDURES } from '../../src-main/core/case'

describe('the moves a step owns (core/approvals.ts)', () => {
  it('推进 offers every machine move except 立案审批, 结案审批, 立卷 and 归档', () => {
    for (const p of PROCEDURES)
      for (const from of CASE_STATUSES) {
        const manual = manualTransitions(p, from)
        for (const to of allowedTransitions(p, from)) expect(manual.includes(to), `${p} ${from}→${to}`).toBe(!stepRequired(from, to))
      }
    expect(stepRequired('filing_approval', 'filed')?.step).toBe('approvals.record')
    expect(stepRequired('closing_approval', 'closed')?.step).toBe('approvals.record')
    expect(stepRequired('closed', 'dossier')?.step).toBe('dossiers.archive')
    expect(stepRequired('dossier', 'archived')?.step).toBe('dossiers.archive')
    expect(stepRequired('registered', 'filed')).toBeNull()
  })

  it('every approval that is available moves the case along the status machine', () => {
    for (const p of PROCEDURES)
      for (const s of CASE_STATUSES)
        for (const kind of availableApprovals(p, s))
          for (const outcome of APPROVAL_OUTCOMES) {
            const to = approvalMove(kind, outcome)
            if (to) expect(allowedTransitions(p, s), `${p} ${s} ${kind} ${outcome}`).toContain(to)
          }
    expect(availableApprovals('general', 'filing_approval')).toEqual(['filing'])
    expect(availableApprovals('summary', 'closing_approval')).toEqual(['closing'])
    expect(availableApprovals('general', 'notice')).toEqual(['handling'])
    expect(availableApprovals('general', 'archived')).toEqual([])
    expect(APPROVAL_KINDS.map((k) => approvalMove(k, 'approved'))).toEqual(['filed', null, 'closed'])
  })

  it('names the step for a status only a step reaches, whatever the case is in now', () => {
    // 推进 to 已归档 from the middle of a case skips every step on the way: the answer names the archive job
    expect(stepRequired('internal_review', 'archived')).toMatchObject({ step: 'dossiers.archive' })
    expect(stepRequired('investigating', 'dossier')).toMatchObject({ step: 'dossiers.archive' })
    expect(stepRequired('executing', 'closed')).toMatchObject({ step: 'approvals.record' })
    expect(stepRequired('internal_review', 'archived')?.message).toContain('归档')
    // a move 推进 may make needs no step
    expect(stepRequired('investigating', 'internal_review')).toBeNull()
    expect(stepRequired('registered', 'filed')).toBeNull()
  })

  it('writes the opinion, the head and the date for the printed form', () => {
    expect(approvalFormText('rejected', '证据不足', '周文斌', '2026-03-05')).toBe('不同意。证据不足\n负责人：周文斌\u30002026年3月5日')
  })
})
