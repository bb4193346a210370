import { describe, expect, it } from 'vitest'
import { DOC_GROUPS, documentActions, documentGroup } from '../../src-main/core/document-actions'
import manifest from '../../templates/manifest.json'

describe('documentGroup', () => {
  it('every built-in type has a group other than "other"', () => {
    for (const t of (manifest as { types: { id: string; title: string }[] }).types) {
      const g = documentGroup(t.id, t.title)
      expect(DOC_GROUPS).toContain(g)
      expect(g).not.toBe('other')
    }
    expect(documentGroup('penalty_decision_org', '行政处罚决定书（单位）')).toBe('decision')
    expect(documentGroup('service_receipt', '')).toBe('execution')
  })
  it('an agency-added type is grouped by the words of its title, approvals first', () => {
    expect(documentGroup('x_approval', '延期审批表')).toBe('approval')
    expect(documentGroup('x_decision_approval', '处罚决定审批表')).toBe('approval')
    expect(documentGroup('x_check', '现场检查方案')).toBe('inspection')
    expect(documentGroup('x_inq', '勘验笔录')).toBe('investigation')
    expect(documentGroup('x_hear', '听证报告')).toBe('notice')
    expect(documentGroup('x_dec', '不予处罚决定书')).toBe('decision')
    expect(documentGroup('x_exec', '强制执行申请书')).toBe('execution')
    expect(documentGroup('x_misc', '卷内备考表')).toBe('other')
  })
})

describe('documentActions', () => {
  it('a draft may be neither voided nor corrected', () => {
    expect(documentActions({ id: 1, status: 'draft' }, [])).toEqual({ canVoid: false, canCorrect: false })
  })
  it('an issued document may be voided and corrected; a voided one corrected only', () => {
    expect(documentActions({ id: 1, status: 'issued' }, [])).toEqual({ canVoid: true, canCorrect: true })
    expect(documentActions({ id: 1, status: 'voided' }, [])).toEqual({ canVoid: false, canCorrect: true })
  })
  it('no second correction while one is drafted; an issued correction does not block another', () => {
    const all = [
      { supersedesId: null, status: 'issued' as const },
      { supersedesId: 1, status: 'draft' as const }
    ]
    expect(documentActions({ id: 1, status: 'issued' }, all).canCorrect).toBe(false)
    expect(documentActions({ id: 2, status: 'issued' }, all).canCorrect).toBe(true)
    expect(documentActions({ id: 1, status: 'issued' }, [{ supersedesId: 1, status: 'issued' }]).canCorrect).toBe(true)
  })
})
