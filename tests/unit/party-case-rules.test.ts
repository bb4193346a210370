import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isValidResidentId, residentIdCheckChar, residentIdInfo, residentIdProblem } from '../../src-main/core/resident-id'
import { maskResidentId, PartyInputSchema } from '../../src-main/core/party'
import {
  allowedTransitions,
  caseActions,
  CASE_STATUSES,
  composeCaseName,
  officerProblems,
  PROCEDURES,
  summaryProblem,
  type CaseStatus
} from '../../src-main/core/case'
import { addDays } from '../../src-main/core/dates'

const digit = fc.integer({ min: 0, max: 9 }).map(String)
const birth = fc.integer({ min: 0, max: 36500 }).map((n) => addDays('1920-01-01', n).replace(/-/g, ''))
const validId = fc
  .tuple(fc.integer({ min: 110000, max: 829999 }), birth, fc.array(digit, { minLength: 3, maxLength: 3 }))
  .map(([area, b, seq]) => {
    const body = `${area}${b}${seq.join('')}`
    return body + residentIdCheckChar(body)
  })

describe('resident ID number (GB 11643)', () => {
  it('accepts generated numbers and rejects every single-digit substitution', () => {
    fc.assert(
      fc.property(validId, (id) => isValidResidentId(id)),
      { numRuns: 2000 }
    )
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'.split('')), (id, pos, ch) => {
        fc.pre(id[pos] !== ch && !(pos < 17 && ch === 'X'))
        return !isValidResidentId(id.slice(0, pos) + ch + id.slice(pos + 1))
      }),
      { numRuns: 3000 }
    )
  })
  it('names the problem, including impossible or future birth dates', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull() // the standard's own example
    expect(residentIdProblem('11010519491231002x')).toBeNull()
    expect(residentIdProblem('110105194912310021')).toBe('checksum')
    expect(residentIdProblem('11010519491231002')).toBe('length')
    expect(residentIdProblem('1101051949123100AX')).toBe('charset')
    const feb30 = '11010519490230002'
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30))).toBe('birthDate')
    const future = '11010520270101002'
    expect(residentIdProblem(future + residentIdCheckChar(future), '2026-11-25')).toBe('birthDate')
  })
  it('derives sex and birth date, and masks for display', () => {
    expect(residentIdInfo('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: '女' })
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X')
  })
  it('a person whose entered sex or birth date contradicts the ID is rejected', () => {
    const base = { kind: 'person', name: '张三丰', idNumber: '11010519491231002X', address: '江州市某路1号' }
    expect(PartyInputSchema.parse(base)).toMatchObject({ sex: '女', birthDate: '1949-12-31' })
    const r = PartyInputSchema.safeParse({ ...base, sex: '男', birthDate: '1950-01-01' })
    expect(r.error!.issues.map((i) => i.message)).toEqual(['性别与身份证号码不符（应为女）', '出生日期与身份证号码不符（应为1949-12-31）'])
  })
})

describe('summary procedure limits (rule 2)', () => {
  it.each([
    [{ warning: true, fine: 0 }, ['person'], null],
    [{ warning: false, fine: 200 }, ['person'], null],
    [{ warning: false, fine: 201 }, ['person'], /超过简易程序限额（公民200元以下/],
    [{ warning: false, fine: 3000 }, ['org'], null],
    [{ warning: false, fine: 3000.01 }, ['org'], /法人或者其他组织3000元以下/],
    [{ warning: false, fine: 500 }, ['sole'], /公民200元/], // a sole proprietor counts as a citizen by default
    [{ warning: false, fine: 500 }, ['org', 'person'], /公民200元/], // with a natural person among the parties the lower limit applies
    [{ warning: false, fine: 0 }, ['org'], /须载明拟给予的行政处罚/]
  ] as const)('%o for %o', (penalty, kinds, expected) => {
    const p = summaryProblem(penalty, kinds)
    if (expected === null) expect(p).toBeNull()
    else expect(p).toMatch(expected)
  })
  it('can count sole proprietors as organisations where the province says so', () => {
    expect(summaryProblem({ warning: false, fine: 500 }, ['sole'], 'org')).toBeNull()
  })
})

describe('officers (rule 1)', () => {
  const o = (id: number, certNo: string, validUntil = '2030-01-01', active = true) => ({
    id,
    name: `人员${id}`,
    certNo,
    validUntil,
    active
  })
  it('needs two distinct certificates, active and valid on the date', () => {
    expect(officerProblems([o(1, 'A1'), o(2, 'A2')], '2026-11-25')).toEqual([])
    expect(officerProblems([o(1, 'A1')], '2026-11-25')[0]!.code).toBe('OFFICERS_TOO_FEW')
    expect(officerProblems([o(1, 'A1'), o(2, 'A1')], '2026-11-25')[0]!.code).toBe('OFFICERS_TOO_FEW')
    expect(officerProblems([o(1, 'A1'), o(2, 'A2', '2026-11-24')], '2026-11-25')).toEqual([
      { code: 'OFFICER_CERT_EXPIRED', message: '执法人员人员2的执法证（A2）已于2026-11-24到期' }
    ])
    // valid on the day it expires, and judged on the date of the act, not today
    expect(officerProblems([o(1, 'A1'), o(2, 'A2', '2026-11-25')], '2026-11-25')).toEqual([])
    expect(officerProblems([o(1, 'A1'), o(2, 'A2', '2026-11-24')], '2026-11-20')).toEqual([])
    expect(officerProblems([o(1, 'A1'), o(2, 'A2', '2030-01-01', false)], '2026-11-25')[0]!.code).toBe('OFFICER_INACTIVE')
  })
})

describe('status machine', () => {
  const reachableFrom = (procedure: (typeof PROCEDURES)[number], start: CaseStatus) => {
    const seen = new Set<CaseStatus>([start])
    const queue: CaseStatus[] = [start]
    while (queue.length) {
      for (const n of allowedTransitions(procedure, queue.shift()!)) {
        if (!seen.has(n)) {
          seen.add(n)
          queue.push(n)
        }
      }
    }
    return seen
  }
  const reachable = (procedure: (typeof PROCEDURES)[number]) => reachableFrom(procedure, 'registered')
  it('reaches every status in the general procedure, and archiving from every non-final status', () => {
    expect([...reachable('general')].sort()).toEqual([...CASE_STATUSES].sort())
    for (const s of CASE_STATUSES) {
      if (s === 'not_filed' || s === 'archived') continue
      expect(reachableFrom('general', s).has('archived'), `${s} → archived`).toBe(true)
    }
  })
  it('keeps summary cases out of the filing and notice steps', () => {
    const r = reachable('summary')
    for (const s of ['filing_approval', 'filed', 'notice', 'hearing', 'legal_review'] as const) expect(r.has(s)).toBe(false)
    expect(r.has('archived')).toBe(true)
  })
  it('has no way out of archived or not_filed', () => {
    for (const p of PROCEDURES) {
      expect(allowedTransitions(p, 'archived')).toEqual([])
      expect(allowedTransitions(p, 'not_filed')).toEqual([])
    }
  })
  it('names cases "<party><violation>案"', () => {
    expect(composeCaseName('江州市鑫达化工有限公司', '未按规定对从业人员进行安全生产教育和培训')).toBe(
      '江州市鑫达化工有限公司未按规定对从业人员进行安全生产教育和培训案'
    )
    expect(composeCaseName('某公司', '未设置警示标志案')).toBe('某公司未设置警示标志案')
    // 案 that belongs to a word is kept, and the case still ends in 案
    expect(composeCaseName('某公司', '未按照规定制定生产安全事故应急救援预案')).toBe('某公司未按照规定制定生产安全事故应急救援预案案')
    expect(composeCaseName('某公司', '未对重大危险源登记建档备案')).toBe('某公司未对重大危险源登记建档备案案')
  })
})

describe('case actions by status', () => {
  it('open cases take new steps; only an archived case is sealed', () => {
    expect(caseActions('investigating')).toEqual({ open: true, sealed: false })
    expect(caseActions('closed')).toEqual({ open: false, sealed: false })
    expect(caseActions('archived')).toEqual({ open: false, sealed: true })
  })
})
