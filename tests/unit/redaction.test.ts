import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findSensitive, maskIdNumber, redactText, type RedactionSubject } from '../../src-main/core/redaction'
import { isValidCreditCode } from '../../src-main/core/credit-code'
import { isValidResidentId } from '../../src-main/core/resident-id'
import {
  address,
  bankAccount,
  creditCheckChar,
  DAY,
  digitString,
  idCheckChar,
  isLegacyId,
  isLuhn,
  mobile,
  organisation,
  residentId
} from '../fixtures/people'

/** blanks, hyphens, dashes, brackets, dots and plus signs people put into numbers */
const stripSeparators = (s: string) => s.replace(/[\s\u2010-\u2015\uff0d().+（）-]/g, '')
const stripWhitespace = (s: string) => s.replace(/\s+/g, '')

// ---------------------------------------------------------------------------------------------------------------------
// examples

const FACTS =
  '经查，张三（身份证号码110101199003071234，联系电话13812345678，住北京市东城区某某路12号）于2026年11月25日' +
  '在北京某某建筑工程有限公司（统一社会信用代码91110000600037341L）承建的工地从事电焊作业，未取得特种作业操作证。' +
  '以上事实有现场检查记录、询问笔录等证据为证。'
const ZHANG: RedactionSubject = {
  idNumbers: ['110101199003071234'],
  phones: ['13812345678'],
  addresses: ['北京市东城区某某路12号']
}
const ORG_KEEP = { keep: ['北京某某建筑工程有限公司', '91110000600037341L'] }

describe('oracles', () => {
  it('agree with the validators in core', () => {
    expect(idCheckChar('11010119900307123')).toBe('3')
    expect(isValidResidentId('110101199003071233')).toBe(true)
    expect(creditCheckChar('91110000600037341')).toBe('L')
    expect(isValidCreditCode('91110000600037341L')).toBe(true)
    expect(isLuhn('6222021234567890128')).toBe(true)
  })
})

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters, or masks everything', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234')
    expect(maskIdNumber('11010119900307123X', 'partial')).toBe('110101********123X')
    expect(maskIdNumber('110101199003071234', 'full')).toBe('******************')
    expect(maskIdNumber('110101 19900307 1234')).toBe('110101 ******** 1234')
    expect(maskIdNumber('110101900307123')).toBe('110101******123')
    expect(maskIdNumber('E12345678')).toBe('*********')
  })
})

describe('redactText: examples', () => {
  it('masks ID, phone and address inside a facts paragraph and keeps the organisation', () => {
    const { text, hits } = redactText(FACTS, ZHANG, ORG_KEEP)
    expect(text).toBe(
      '经查，张三（身份证号码110101********1234，联系电话138****5678，住（住址已隐去））于2026年11月25日' +
        '在北京某某建筑工程有限公司（统一社会信用代码91110000600037341L）承建的工地从事电焊作业，未取得特种作业操作证。' +
        '以上事实有现场检查记录、询问笔录等证据为证。'
    )
    expect(hits.map((h) => h.kind)).toEqual(['id', 'phone', 'address'])
    expect(FACTS.slice(hits[0]!.start, hits[0]!.end)).toBe('110101199003071234')
    expect(FACTS.slice(hits[2]!.start, hits[2]!.end)).toBe('北京市东城区某某路12号')
    expect(findSensitive(text, ZHANG, ORG_KEEP)).toEqual([])
    expect(findSensitive(FACTS, ZHANG, ORG_KEEP)).toHaveLength(3)
  })

  it('supports the full ID mask', () => {
    expect(redactText('身份证号110101199003071233。', {}, { idMask: 'full' }).text).toBe('身份证号******************。')
  })

  it('finds valid ID numbers that are not listed, also grouped, with x, or in the 15-digit form', () => {
    const cases: [string, string][] = [
      ['号码110101199003071233，', '号码110101********1233，'],
      ['号码 110101 19900307 1233 。', '号码 110101 ******** 1233 。'],
      ['号码110101-1990-0307-1233。', '号码110101-****-****-1233。'],
      ['号码11010519491231002x。', '号码110105********002x。'],
      ['号码１１０１０１１９９００３０７１２３３。', '号码１１０１０１********１２３３。'],
      ['老证号110101900307123。', '老证号110101******123。']
    ]
    for (const [input, output] of cases) expect(redactText(input, {}).text).toBe(output)
    expect(isValidResidentId('11010519491231002X')).toBe(true)
  })

  it('leaves an unlisted 18-digit number with a wrong check digit, but masks a listed one exactly', () => {
    expect(redactText('号码110101199003071234。', {}).text).toBe('号码110101199003071234。')
    expect(redactText('号码110101 19900307 1234。', ZHANG).text).toBe('号码110101 ******** 1234。')
  })

  it('masks mobile numbers in the usual spellings', () => {
    const cases: [string, string][] = [
      ['电话13812345678。', '电话138****5678。'],
      ['电话138-1234-5678。', '电话138-****-5678。'],
      ['电话138 1234 5678。', '电话138 **** 5678。'],
      ['电话+86 139 1234 5678。', '电话+86 139 **** 5678。'],
      ['电话8613912345678。', '电话86139****5678。'],
      ['电话(+86)13912345678。', '电话(+86)139****5678。'],
      ['电话：19912345678', '电话：199****5678']
    ]
    for (const [input, output] of cases) expect(redactText(input, {}).text).toBe(output)
  })

  it('masks landline subscriber digits and keeps the area code', () => {
    const cases: [string, string][] = [
      ['电话010-12345678。', '电话010-********。'],
      ['电话0755-1234567。', '电话0755-*******。'],
      ['电话(0571)87654321。', '电话(0571)********。'],
      ['电话（0571）87654321。', '电话（0571）********。'],
      ['电话0571 87654321。', '电话0571 ********。'],
      ['电话057187654321。', '电话0571********。'],
      ['电话+86 10 62345678。', '电话+86 10 ********。']
    ]
    for (const [input, output] of cases) expect(redactText(input, {}).text).toBe(output)
    // a listed landline is also found without its area code
    expect(redactText('值班室87654321。', { phones: ['0571-87654321'] }).text).toBe('值班室********。')
  })

  it('does not take digits out of a longer run for a phone', () => {
    for (const text of [
      '编号138123456789。',
      '编号913812345678。',
      '金额1381234567800元。',
      '应急罚〔2026〕13812345678号',
      '[2026]第13812345678号'
    ]) {
      expect(redactText(text, {}).text).toBe(text)
    }
  })

  it('masks bank accounts: listed, by Luhn, or after a keyword; the last 4 digits stay', () => {
    expect(redactText('卡6222021234567890128。', {}).text).toBe('卡***************0128。')
    expect(redactText('开户账号：6222 0212 3456 7890 12。', {}).text).toBe('开户账号：**** **** **** **90 12。')
    expect(redactText('银行账户：中国工商银行 1234567890123。', {}).text).toBe('银行账户：中国工商银行 *********0123。')
    // neither listed, nor Luhn-valid, nor after a keyword
    expect(redactText('编号6222021234567890129。', {}).text).toBe('编号6222021234567890129。')
    // listed, written with or without blanks every 4 digits
    const subject = { bankAccounts: ['6222 0212 3456 7890 129'] }
    expect(redactText('编号6222021234567890129。', subject).text).toBe('编号***************0129。')
    expect(redactText('编号6222-0212-3456-7890-129。', subject).text).toBe('编号****-****-****-***0-129。')
  })

  it('masks a listed address also with other whitespace or without its province/city/district', () => {
    const subject = { addresses: ['广东省深圳市南山区科苑路15号3栋501室'] }
    const cases: [string, string][] = [
      ['住广东省深圳市南山区科苑路15号3栋501室。', '住（住址已隐去）。'],
      ['住广东省 深圳市 南山区 科苑路 15号 3栋 501室。', '住（住址已隐去）。'],
      ['住南山区科苑路15号3栋501室。', '住（住址已隐去）。'],
      ['住科苑路15号3栋501室。', '住（住址已隐去）。'],
      ['住科苑路１５号３栋５０１室。', '住（住址已隐去）。']
    ]
    for (const [input, output] of cases) expect(redactText(input, subject).text).toBe(output)
    expect(redactText('住广东省深圳市南山区科苑路15号3栋501室。', {}).text).toBe('住广东省深圳市南山区科苑路15号3栋501室。')
  })

  it('never alters kept strings, even when they look like personal data', () => {
    // an all-digit credit code that happens to pass the ID checksum is masked unless kept
    const code = '110101199003071233'
    expect(redactText(`代码${code}。`, {}).text).not.toContain(code)
    expect(redactText(`代码${code}。`, {}, { keep: [code] }).text).toBe(`代码${code}。`)
    const org = '第13812345678号仓储有限公司'
    expect(redactText(`${org}。`, {}, { keep: [org] }).text).toBe(`${org}。`)
    // a kept name overlapping a listed value wins too
    expect(redactText('张三修理部13812345678', { phones: ['13812345678'] }, { keep: ['张三修理部13812345678'] }).text).toBe(
      '张三修理部13812345678'
    )
  })

  it('leaves unkept credit codes alone when they are not ID numbers', () => {
    // 17 digits + letter (the 17-digit run would pass Luhn) and an all-digit code
    const codes = ['91110000600037341L', '914403001922038216', '9113812345678ABCD' + creditCheckChar('9113812345678ABCD')]
    for (const code of codes) {
      expect(isValidCreditCode(code)).toBe(true)
      expect(redactText(`统一社会信用代码：${code}，账号：`, {}).text).toBe(`统一社会信用代码：${code}，账号：`)
    }
  })

  it('is not a no-op and does not over-redact', () => {
    const benign =
      '依据《中华人民共和国安全生产法》第九十七条第一项、第一百一十条的规定，决定处以罚款人民币50000元（大写：伍万元整），' +
      '于20261125前缴纳。文号：京应急罚〔2026〕12号，案号2026-0012，执法证号11010023001，邮编100010，' +
      '罚款1,234,567.89元，检查时间2026年11月25日10时30分，整改期限30日，第3车间，电话12350。'
    expect(redactText(benign, ZHANG, ORG_KEEP)).toEqual({ text: benign, hits: [] })
    const mixed = `${benign}当事人手机13912345678。`
    const redacted = redactText(mixed, ZHANG, ORG_KEEP)
    expect(redacted.text).toBe(`${benign}当事人手机139****5678。`)
    expect(redacted.hits).toEqual([{ kind: 'phone', start: benign.length + 5, end: benign.length + 16 }])
  })

  it('never returns overlapping hits and findSensitive of the output is empty', () => {
    const text = '电话138 1234 5678 6222 0212 3456 7890 128 110101 19900307 1233-13912345678'
    const { text: out, hits } = redactText(text, {})
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end)
    expect(hits.map((h) => h.kind)).toEqual(['phone', 'bank', 'id', 'phone'])
    expect(findSensitive(out, {})).toEqual([])
  })

  it('repeats until nothing is left when a mask leaves digits that form a new number with their neighbours', () => {
    // masking 13812341381 leaves "1381", which with "2345 678" spells the mobile 13812345678
    const text = '电话13812341381 2345 678。'
    const { text: out, hits } = redactText(text, {})
    expect(out).toBe('电话138****138* ***5 678。')
    expect(findSensitive(out, {})).toEqual([])
    expect(hits).toEqual([{ kind: 'phone', start: 2, end: 22 }])
  })
})

// ---------------------------------------------------------------------------------------------------------------------
// properties

type Role = 'benign' | 'sensitive' | 'separator'
interface Segment {
  text: string
  role: Role
}
const seg = (text: string, role: Role): Segment => ({ text, role })

const FILLER_CHARS = [
  ...'经查当事人于在某检查中发现存在未按规定的安全隐患并责令限期改正依据作出如下处罚决定现场作业人员联系方式住所'.split(''),
  '，',
  '。',
  '；',
  '、',
  '（',
  '）',
  '：',
  ' ',
  '\n',
  '\u3000'
]
const filler = fc.string({ unit: fc.constantFrom(...FILLER_CHARS), minLength: 1, maxLength: 12 })
/** what separates blocks: Chinese filler, or a bare separator that makes digit groups of neighbouring blocks one chain */
const between = fc.oneof(
  filler.map((t) => seg(t, 'benign')),
  fc.constantFrom(' ', '-', ' - ', '  ', '，', '\n').map((t) => seg(t, 'separator'))
)

const idFormats = fc.constantFrom<(id: string) => string>(
  (id) => id,
  (id) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
  (id) => `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
  (id) => id.toLowerCase()
)
const mobileFormats = fc.constantFrom<(m: string) => string>(
  (m) => m,
  (m) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
  (m) => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
  (m) => `+86 ${m}`,
  (m) => `+86-${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`
)
const bankFormats = fc.constantFrom<(b: string) => string>(
  (b) => b,
  (b) => b.replace(/(\d{4})(?=\d)/g, '$1 ')
)

const person = fc.record({
  id: residentId,
  idListed: fc.boolean(),
  idFormat: idFormats,
  mobile,
  mobileListed: fc.boolean(),
  mobileFormat: mobileFormats,
  address,
  addressForm: fc.constantFrom('full', 'spaced', 'tail'),
  bank: bankAccount,
  bankListed: fc.boolean(),
  bankFormat: bankFormats,
  labelled: fc.boolean()
})
type Person = typeof person extends fc.Arbitrary<infer T> ? T : never

/** An 18-digit account that is also a valid credit code is left alone unless listed (credit codes win over Luhn). */
const bankListed = (p: Person) => p.bankListed || (p.bank.length === 18 && isValidCreditCode(p.bank))

function personBlocks(p: Person): Segment[][] {
  const label = (text: string) => (p.labelled ? [seg(text, 'benign')] : [])
  const addr =
    p.addressForm === 'tail' ? p.address.tail : p.addressForm === 'spaced' ? p.address.full.replace(/(区|市)/g, '$1 ') : p.address.full
  return [
    [...label('身份证号码'), seg(p.idFormat(p.id), 'sensitive')],
    [...label('联系电话：'), seg(p.mobileFormat(p.mobile), 'sensitive')],
    [...label('住'), seg(addr, 'sensitive')],
    [...label('开户银行账号：'), seg(p.bankFormat(p.bank), 'sensitive')]
  ]
}

function subjectsOf(persons: readonly Person[]): RedactionSubject {
  return {
    idNumbers: persons.filter((p) => p.idListed).map((p) => p.id),
    phones: persons.filter((p) => p.mobileListed).map((p) => p.mobile),
    addresses: persons.map((p) => p.address.full),
    bankAccounts: persons.filter(bankListed).map((p) => p.bank)
  }
}

const benignBlock = fc.oneof(
  fc.integer({ min: 1, max: 999_999 }).map((n) => [seg(`罚款人民币${n}元`, 'benign')]),
  fc.integer({ min: 0, max: 3650 }).map((d) => {
    const iso = new Date(Date.UTC(2020, 0, 1) + d * DAY).toISOString().slice(0, 10)
    return [
      seg(`于${iso.replace(/-/g, '')}检查`, 'benign'),
      seg(`，${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8))}日`, 'benign')
    ]
  }),
  fc
    .constantFrom('《中华人民共和国安全生产法》第九十七条第一项', '《安全生产违法行为行政处罚办法》第四十五条', '《行政处罚法》第三十二条')
    .map((t) => [seg(`依据${t}`, 'benign')]),
  fc.oneof(mobile, digitString(4)).map((n) => [seg(`京应急罚〔2026〕${n}号`, 'benign')])
)

function orgBlock(o: { name: string; code: string }): Segment[] {
  return [seg(o.name, 'benign'), seg('（统一社会信用代码', 'benign'), seg(o.code, 'benign'), seg('）', 'benign')]
}

function document(persons: Person[], orgs: { name: string; code: string }[], extra: Segment[][]) {
  const blocks = [...persons.flatMap(personBlocks), ...orgs.map(orgBlock), ...extra]
  return fc
    .tuple(
      fc.shuffledSubarray(blocks, { minLength: blocks.length }),
      fc.array(between, { minLength: blocks.length + 1, maxLength: blocks.length + 1 })
    )
    .map(([order, gaps]) => {
      const segments: Segment[] = [gaps[0]!]
      order.forEach((block, i) => segments.push(...block, gaps[i + 1]!))
      let at = 0
      const placed = segments.map((s) => {
        const start = at
        at += s.text.length
        return { ...s, start, end: at }
      })
      return { text: segments.map((s) => s.text).join(''), placed }
    })
}

const scenario = fc
  .tuple(
    fc.array(person, { minLength: 1, maxLength: 3 }),
    fc.array(organisation, { minLength: 0, maxLength: 3 }),
    fc.array(benignBlock, { maxLength: 4 })
  )
  .chain(([persons, orgs, extra]) => document(persons, orgs, extra).map((doc) => ({ persons, orgs, ...doc })))

function assertNothingSurvives(
  out: string,
  persons: readonly Person[],
  orgs: readonly { name: string; code: string }[],
  subjects: RedactionSubject
) {
  const flat = stripSeparators(out).toUpperCase()
  const compact = stripWhitespace(out)
  for (const p of persons) {
    expect(flat).not.toContain(p.id)
    expect(flat).not.toContain(p.mobile)
    expect(flat).not.toContain(p.bank)
    expect(compact).not.toContain(p.address.full)
    expect(compact).not.toContain(p.address.tail)
  }
  // whatever digits are left (organisations' codes and names blanked out) form no ID or mobile number
  let rest = out
  for (const o of orgs) rest = rest.split(o.code).join('|').split(o.name).join('|')
  rest = rest.replace(/〔\d{4}〕\d+号/g, '|')
  for (const m of stripSeparators(rest).matchAll(/\d+[Xx]?/g)) {
    const run = m[0].toUpperCase()
    expect(run.length === 18 && isValidResidentId(run)).toBe(false)
    expect(run.length === 15 && isLegacyId(run)).toBe(false)
    expect(/^(?:86)?1[3-9]\d{9}$/.test(run)).toBe(false)
  }
  expect(findSensitive(out, subjects, { keep: orgs.flatMap((o) => [o.name, o.code]) })).toEqual([])
}

describe('redactText: properties', () => {
  it('removes every ID, mobile, listed address and bank account of the persons and keeps organisations and benign text', () => {
    fc.assert(
      fc.property(scenario, ({ persons, orgs, text, placed }) => {
        const subjects = subjectsOf(persons)
        const keep = orgs.flatMap((o) => [o.name, o.code])
        const { text: out, hits } = redactText(text, subjects, { keep })
        assertNothingSurvives(out, persons, orgs, subjects)
        // no hit touches benign text; hits do not overlap; every sensitive segment is hit
        for (const h of hits) {
          for (const s of placed)
            if (s.role === 'benign') expect(h.start < s.end && s.start < h.end, `hit ${JSON.stringify(h)} on "${s.text}"`).toBe(false)
        }
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end)
        for (const s of placed) if (s.role === 'sensitive') expect(hits.some((h) => h.start < s.end && s.start < h.end)).toBe(true)
        // benign segments survive unchanged, in order
        let at = 0
        for (const s of placed) {
          if (s.role !== 'benign') continue
          const i = out.indexOf(s.text, at)
          expect(i, `benign "${s.text}" lost`).toBeGreaterThanOrEqual(0)
          at = i + s.text.length
        }
      }),
      { numRuns: 300 }
    )
  })

  it('keeps credit codes that are not listed in keep, and redacts nothing in a text without personal data', () => {
    const orgsOnly = fc
      .tuple(fc.array(organisation, { minLength: 1, maxLength: 4 }), fc.array(benignBlock, { maxLength: 4 }))
      .chain(([orgs, extra]) => document([], orgs, extra).map((doc) => ({ orgs, ...doc })))
    fc.assert(
      fc.property(orgsOnly, ({ text }) => {
        expect(redactText(text, {})).toEqual({ text, hits: [] })
      }),
      { numRuns: 300 }
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(scenario, ({ persons, orgs, text }) => {
        const subjects = subjectsOf(persons)
        const options = { keep: orgs.map((o) => o.name) }
        const once = redactText(text, subjects, options).text
        expect(redactText(once, subjects, options)).toEqual({ text: once, hits: [] })
      }),
      { numRuns: 100 }
    )
  })
})
