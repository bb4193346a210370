import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countRows, makeHome, VALID_AGENCY, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import type { AppError } from '../../src-main/core/errors'
import { LATEST_SCHEMA_VERSION } from '../../src-main/store/migrations'

let t: TestHome
beforeEach(async () => {
  t = await makeHome('2026-11-25T02:00:00Z') // 2026-11-25 in China
})
afterEach(() => t.cleanup())

async function fails(channel: string, input: unknown): Promise<AppError> {
  const r = await invoke(t.ctx, channel, input, { error: () => undefined })
  if (r.ok) throw new Error(`expected ${channel} to fail`)
  return r.error
}

describe('agency profile', () => {
  it('is absent on a fresh home, then saved, replaced and recorded', async () => {
    expect(await call(t.ctx, 'agency.get', {})).toBeNull()
    const saved = await call(t.ctx, 'agency.set', { ...VALID_AGENCY, creditCode: '11360400mb1c23456b' })
    expect(saved.creditCode).toBe('11360400MB1C23456B') // normalised
    expect(await call(t.ctx, 'agency.get', {})).toMatchObject({ name: '江州市应急管理局', bankAccountNo: '' })
    await call(t.ctx, 'agency.set', { ...VALID_AGENCY, phone: '13812345678' })
    expect((await call(t.ctx, 'agency.get', {}))!.phone).toBe('13812345678')
    const log = await call(t.ctx, 'audit.list', { targetType: 'agency' })
    expect(log.map((e) => e.summary)).toEqual(['修改执法主体信息：江州市应急管理局', '登记执法主体：江州市应急管理局'])
    expect(t.events).toContainEqual({ type: 'data.changed', area: 'agency', action: 'agency.set' })
  })

  it('rejects a bad credit code with a specific message and writes nothing', async () => {
    const before = countRows(t.home, 'activity_log')
    const e = await fails('agency.set', { ...VALID_AGENCY, creditCode: '11360400MB1C23456C' })
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.details?.issues).toContainEqual({ path: 'creditCode', message: '统一社会信用代码校验位不正确，请核对后重新输入' })
    expect(await call(t.ctx, 'agency.get', {})).toBeNull()
    expect(countRows(t.home, 'activity_log')).toBe(before)
  })

  it('requires the appeal bodies', async () => {
    const e = await fails('agency.set', { ...VALID_AGENCY, reconsiderationBody: '  ' })
    expect(e.details?.issues?.[0]).toEqual({ path: 'reconsiderationBody', message: '请填写行政复议机关' })
  })
})

describe('officers', () => {
  const add = (name: string, certNo: string, validUntil: string, extra: Record<string, unknown> = {}) =>
    call(t.ctx, 'officers.add', { name, certNo, validUntil, ...extra })

  it('lists officers with their certificate state on today and on a chosen date', async () => {
    await add('王建国', '36040019001', '2028-01-01')
    await add('陈志强', '36040019003', '2026-12-10', { legalReviewer: true })
    await add('赵敏', '36040019004', '2026-11-05')
    const list = await call(t.ctx, 'officers.list', {})
    expect(list.map((o) => [o.name, o.expiry.state, o.expiry.daysLeft])).toEqual([
      ['王建国', 'valid', 402],
      ['陈志强', 'expiring', 15],
      ['赵敏', 'expired', -20]
    ])
    expect(list[1]!.legalReviewer).toBe(true)
    const later = await call(t.ctx, 'officers.list', { asOf: '2026-12-11' })
    expect(later.map((o) => o.expiry.state)).toEqual(['valid', 'expired', 'expired'])
  })

  it('refuses a duplicate certificate number, naming the holder, and writes nothing', async () => {
    await add('王建国', '36040019001', '2028-01-01')
    const before = countRows(t.home, 'activity_log')
    const e = await fails('officers.add', { name: '王建', certNo: '36040019001', validUntil: '2028-01-01' })
    expect(e).toMatchObject({ code: 'OFFICER_CERT_DUPLICATE', message: '执法证号 36040019001 已登记给 王建国（编号 1）' })
    expect(e.details?.issues).toEqual([{ path: 'certNo', message: '执法证号已登记给 王建国' }])
    expect(countRows(t.home, 'officers')).toBe(1)
    expect(countRows(t.home, 'activity_log')).toBe(before)
  })

  it('edits selected fields, keeps the rest, and records before and after', async () => {
    const o = await add('王建国', '36040019001', '2028-01-01', { post: '科员' })
    t.setNow('2026-11-26T02:00:00Z')
    const edited = await call(t.ctx, 'officers.edit', { id: o.id, patch: { post: '副支队长', validUntil: '2030-06-30' } })
    expect(edited).toMatchObject({ name: '王建国', post: '副支队长', validUntil: '2030-06-30', certNo: '36040019001' })
    expect(edited.updatedAt > edited.createdAt).toBe(true)
    // an edit of one field leaves every other field as it was
    const renamed = await call(t.ctx, 'officers.edit', { id: o.id, patch: { name: '王建华' } })
    expect(renamed).toMatchObject({ name: '王建华', post: '副支队长', certType: '行政执法证', legalReviewer: false })
    await call(t.ctx, 'officers.edit', { id: o.id, patch: { legalReviewer: true } })
    expect(await call(t.ctx, 'officers.edit', { id: o.id, patch: { unit: '法规科' } })).toMatchObject({
      post: '副支队长',
      legalReviewer: true
    })
    const entry = (await call(t.ctx, 'audit.list', { targetType: 'officer', targetId: String(o.id) })).find(
      (e) => e.detail && (e.detail as { after?: { post?: string } }).after?.post === '副支队长' && e.summary.includes('职务')
    )
    expect(entry!.summary).toBe('修改执法人员 王建国 的信息（职务、有效期）')
    expect(entry!.detail).toMatchObject({ before: { post: '科员' }, after: { post: '副支队长' } })
  })

  it("cannot take another officer's certificate number by editing", async () => {
    await add('王建国', '36040019001', '2028-01-01')
    const b = await add('李晓红', '36040019002', '2028-01-01')
    expect((await fails('officers.edit', { id: b.id, patch: { certNo: '36040019001' } })).code).toBe('OFFICER_CERT_DUPLICATE')
    // keeping one's own number is fine
    expect((await call(t.ctx, 'officers.edit', { id: b.id, patch: { certNo: '36040019002', unit: '支队' } })).unit).toBe('支队')
  })

  it('deactivates (never deletes) and reactivates', async () => {
    const o = await add('王建国', '36040019001', '2028-01-01')
    const d = await call(t.ctx, 'officers.deactivate', { id: o.id, reason: '调离执法岗位' })
    expect(d).toMatchObject({ active: false, deactivationReason: '调离执法岗位' })
    expect(await call(t.ctx, 'officers.list', {})).toEqual([])
    expect(await call(t.ctx, 'officers.list', { includeInactive: true })).toHaveLength(1)
    expect(countRows(t.home, 'officers')).toBe(1)
    expect((await fails('officers.deactivate', { id: o.id })).code).toBe('OFFICER_STATE_UNCHANGED')
    expect(await call(t.ctx, 'officers.reactivate', { id: o.id })).toMatchObject({ active: true, deactivatedAt: null })
  })

  it('reports unknown ids and malformed input as typed errors', async () => {
    expect(await fails('officers.get', { id: 42 })).toMatchObject({ code: 'OFFICER_NOT_FOUND', message: '未找到编号为 42 的执法人员' })
    expect((await fails('officers.edit', { id: 1, patch: {} })).code).toBe('VALIDATION_FAILED')
    expect((await fails('officers.edit', { id: 1, patch: { salary: 1 } })).code).toBe('VALIDATION_FAILED')
    expect((await fails('officers.get', { id: 'abc' })).code).toBe('VALIDATION_FAILED')
    expect((await fails('no.such.channel', {})).code).toBe('UNKNOWN_CHANNEL')
  })

  it('reports the app state for the first-run screen', async () => {
    expect(await call(t.ctx, 'app.info', {})).toMatchObject({
      agencyConfigured: false,
      officerCount: 0,
      today: '2026-11-25',
      schemaVersion: LATEST_SCHEMA_VERSION,
      isEmpty: true
    })
    const r = await call(t.ctx, 'demo.load', { cases: 0 })
    expect(r).toMatchObject({ officers: 7, agency: true })
    expect(await call(t.ctx, 'app.info', {})).toMatchObject({ agencyConfigured: true, officerCount: 7 })
    const states = (await call(t.ctx, 'officers.list', {})).map((o) => o.expiry.state)
    expect(states.filter((s) => s === 'expired')).toHaveLength(1)
    expect(states.filter((s) => s === 'expiring')).toHaveLength(1)
    expect((await fails('demo.load', {})).code).toBe('DEMO_NOT_EMPTY')
  })
})
