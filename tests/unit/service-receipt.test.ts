/** core/service-receipt.ts: which documents a 送达回执 may cover, and its rows from the ids chosen. */
import { describe, expect, it } from 'vitest'
import { chosenIds, servableDocuments, servedRows } from '../../src-main/core/service-receipt'

const docs = [
  { id: 1, type: 'penalty_notice', status: 'issued', title: '行政处罚告知书', number: '（江）应急告〔2026〕1号' },
  { id: 2, type: 'penalty_decision_org', status: 'draft', title: '行政处罚决定书（单位）', number: null },
  { id: 3, type: 'case_handling_approval', status: 'issued', title: '案件处理呈批表', number: '（江）应急批〔2026〕1号' },
  { id: 4, type: 'service_receipt', status: 'issued', title: '文书送达回执', number: null },
  { id: 5, type: 'questioning_notice', status: 'voided', title: '询问通知书', number: '（江）应急询〔2026〕1号' },
  { id: 6, type: 'questioning_notice', status: 'issued', title: '询问通知书', number: '（江）应急询〔2026〕2号' }
]
const external = (type: string) => !['case_handling_approval', 'service_receipt'].includes(type)

describe('service receipt', () => {
  it('offers the issued external documents only', () => {
    expect(servableDocuments(docs, external).map((d) => d.id)).toEqual([1, 6])
  })
  it('fills the rows in the order chosen, or names the ids not offered', () => {
    const choices = servableDocuments(docs, external)
    expect(servedRows(choices, [6, 1, 6])).toEqual({
      ok: true,
      rows: [
        { title: '询问通知书', number: '（江）应急询〔2026〕2号' },
        { title: '行政处罚告知书', number: '（江）应急告〔2026〕1号' }
      ]
    })
    expect(servedRows(choices, [1, 2, 3])).toEqual({ ok: false, unknown: [2, 3] })
  })
  it('knows which choices a draft already lists, by number', () => {
    const choices = servableDocuments(docs, external)
    expect(chosenIds(choices, [{ title: '询问通知书', number: '（江）应急询〔2026〕2号' }])).toEqual([6])
    expect(chosenIds(choices, [{ title: '询问通知书', number: '（江）应急询〔2026〕1号' }])).toEqual([])
    expect(chosenIds(choices, 'not a list')).toEqual([])
  })
})
