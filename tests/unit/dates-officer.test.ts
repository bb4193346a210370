import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, chineseDate, daysBetween, isIsoDate, isoDateOf } from '../../src-main/core/dates'
import { certificateState, OfficerInputSchema } from '../../src-main/core/officer'
import { AgencyInputSchema } from '../../src-main/core/agency'
import { isValidLandline, isValidMobile, isValidPostcode } from '../../src-main/core/contact'

describe('ISO dates', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-01')).toBe(false)
    expect(isIsoDate('2026-12-31')).toBe(true)
  })
  it('addDays and daysBetween are inverse', () => {
    const day = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => daysBetween(d, addDays(d, n)) === n))
  })
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })
  it('takes the date at the agency (UTC+8)', () => {
    expect(isoDateOf(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25')
    expect(isoDateOf(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
  })
  it('formats Chinese dates', () => {
    expect(chineseDate('2026-11-04')).toBe('2026年11月4日')
  })
})

describe('certificate expiry state', () => {
  const today = '2026-11-25'
  it.each([
    ['2026-11-24', 'expired', -1],
    ['2026-11-25', 'expiring', 0],
    ['2026-12-25', 'expiring', 30],
    ['2026-12-26', 'valid', 31],
    ['2020-01-01', 'expired', -2520]
  ])('valid until %s → %s (%i days)', (validUntil, state, daysLeft) => {
    expect(certificateState(validUntil, today)).toEqual({ state, daysLeft })
  })
  it('honours a configured warning window', () => {
    expect(certificateState('2027-01-20', today, 60).state).toBe('expiring')
    expect(certificateState('2027-01-20', today, 30).state).toBe('valid')
  })
})

describe('input schemas', () => {
  it('rejects a bad officer with field-specific Chinese messages', () => {
    const r = OfficerInputSchema.safeParse({ name: '张', certNo: '12', validUntil: '2026-02-30' })
    expect(r.success).toBe(false)
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(byPath.name).toBe('姓名至少2个字')
    expect(byPath.certNo).toMatch(/执法证号应为4至32位/)
    expect(byPath.validUntil).toMatch(/有效日期/)
  })
  it('normalises an officer: trims, upper-cases the certificate number, fills defaults', () => {
    const o = OfficerInputSchema.parse({ name: ' 王建国 ', certNo: ' ab-1234 ', validUntil: '2027-01-01' })
    expect(o).toMatchObject({ name: '王建国', certNo: 'AB-1234', certType: '行政执法证', legalReviewer: false, post: '' })
  })
  it('checks the agency credit code, phone and postcode', () => {
    const base = {
      name: '某市应急管理局',
      shortName: '某',
      creditCode: '11360400MB1C23456B',
      address: '某路1号',
      reconsiderationBody: '某市人民政府',
      court: '某区人民法院'
    }
    expect(AgencyInputSchema.safeParse(base).success).toBe(true)
    const bad = AgencyInputSchema.safeParse({ ...base, creditCode: '11360400MB1C23456C', phone: '12345', postcode: '03200' })
    const msgs = bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`)
    expect(msgs).toContain('creditCode:统一社会信用代码校验位不正确，请核对后重新输入')
    expect(msgs.some((m) => m.startsWith('phone:'))).toBe(true)
    expect(msgs.some((m) => m.startsWith('postcode:'))).toBe(true)
  })
  it('recognises mobile, landline and postcode formats', () => {
    expect(isValidMobile('13812345678')).toBe(true)
    expect(isValidMobile('+86 138-1234-5678')).toBe(true)
    expect(isValidMobile('12812345678')).toBe(false)
    expect(isValidLandline('0792-8123456')).toBe(true)
    expect(isValidLandline('010-62345678转123')).toBe(true)
    expect(isValidLandline('12345')).toBe(false)
    expect(isValidPostcode('332000')).toBe(true)
    expect(isValidPostcode('032000')).toBe(false)
  })
})
