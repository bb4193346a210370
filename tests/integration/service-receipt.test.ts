/**
 * 文书送达回执: the documents a receipt covers are picked from the case's issued external documents, which the
 * document view offers as the `documents` field's choices; documents.create and documents.save take their ids
 * (`serves`) and fill the rows from them. A wrong pick is refused and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows, fillFields, makeHome, type TestHome } from '../helpers'
import { filedOrgCase } from '../cast'
import { call, invoke } from '../../src-main/services'

let t: TestHome
let caseId: number
let noticeId: number
let noticeNumber: string
let questioningId: number
let draftId: number
const fails = async (channel: string, input: unknown) => {
  const r = await invoke(t.ctx, channel, input, { error: () => undefined })
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return r.error
}
const written = () => [countRows(t.home, 'documents'), countRows(t.home, 'activity_log')]

beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 0 })
  const officers = await call(t.ctx, 'officers.list', {})
  caseId = await filedOrgCase(t, [officers[1]!.id, officers[2]!.id], 10000)
  await call(t.ctx, 'cases.transition', { id: caseId, to: 'investigating', date: '2026-09-01' })
  const q = await call(t.ctx, 'documents.create', { caseId, type: 'questioning_notice', fields: fillFields('questioning_notice') })
  questioningId = (await call(t.ctx, 'documents.issue', { id: q.id, issuedOn: '2026-09-02' })).id
  await call(t.ctx, 'cases.transition', { id: caseId, to: 'internal_review', date: '2026-09-03' })
  const n = await call(t.ctx, 'documents.create', { caseId, type: 'penalty_notice', fields: fillFields('penalty_notice', { fine: 10000 }) })
  const issued = await call(t.ctx, 'documents.issue', { id: n.id, issuedOn: '2026-09-05' })
  noticeId = issued.id
  noticeNumber = issued.number!
  // a draft (not issued) and an internal document are not offered
  draftId = (await call(t.ctx, 'documents.create', { caseId, type: 'penalty_decision_org', fields: fillFields('penalty_decision_org') })).id
  await call(t.ctx, 'documents.create', { caseId, type: 'case_handling_approval' })
}, 60_000)
afterAll(() => t.cleanup())

describe('a service receipt', () => {
  it('offers the issued external documents and fills its rows from the ids chosen', async () => {
    const r = await call(t.ctx, 'documents.create', { caseId, type: 'service_receipt', serves: [noticeId] })
    expect(r.fields.documents).toEqual([{ title: '行政处罚告知书', number: noticeNumber }])
    expect(r.choices.documents!.map((c) => [c.id, c.chosen])).toEqual([
      [questioningId, false],
      [noticeId, true]
    ])
    // picking again replaces the rows, in the order picked
    const saved = await call(t.ctx, 'documents.save', { id: r.id, revision: r.revision, fields: {}, serves: [noticeId, questioningId] })
    expect((saved.fields.documents as { title: string }[]).map((d) => d.title)).toEqual(['行政处罚告知书', '询问通知书'])
    expect(saved.choices.documents!.every((c) => c.chosen)).toBe(true)
    // other documents offer no choices
    expect((await call(t.ctx, 'documents.get', { id: draftId })).choices).toEqual({})
  })

  it('refuses a document that is not an issued external one of the case, writing nothing', async () => {
    const before = written()
    for (const id of [draftId, 999999]) {
      expect(await fails('documents.create', { caseId, type: 'service_receipt', serves: [id] })).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('送达的文书应为本案已签发的对外文书'),
        details: { issues: [{ path: 'serves' }] }
      })
    }
    expect(await fails('documents.create', { caseId, type: 'inspection_record', serves: [noticeId] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'serves' }] }
    })
    expect(written()).toEqual(before)
  })
})
