/**
 * Property: whatever persons and free-text facts a decision carries, no valid ID number, mobile number or
 * configured (home) address of a natural person survives in any publicity export (the record, the summary,
 * CSV, JSON, HTML), while organisation names and credit codes stay verbatim.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  buildPublicityRecord,
  DEFAULT_PUBLICITY_POLICY,
  recordsCsv,
  recordsHtml,
  recordsJson,
  summaryText,
  type PublicityParty,
  type PublicitySource
} from '../../src-main/core/publicity'
import { address, mobile, organisation, residentId } from '../fixtures/people'

const NAMES = ['张三', '李四', '王五', '赵晓明', '钱学军', '孙丽']
const FILLER = fc.string({
  unit: fc.constantFrom(...'经查当事人于在仓库车间检查中发现未按规定作业并责令改正，。；、：'.split('')),
  minLength: 0,
  maxLength: 15
})

const person = fc.record({ name: fc.constantFrom(...NAMES), id: residentId, phone: mobile, home: address })

/** A facts paragraph that mentions every identifier in one of the ways clerks write them. */
const facts = (p: { name: string; id: string; phone: string; home: { full: string; tail: string } }, org: { name: string; code: string }) =>
  fc
    .tuple(
      FILLER,
      FILLER,
      FILLER,
      fc.constantFrom('身份证号码', '公民身份号码：', '身份证号'),
      fc.constantFrom('联系电话', '手机', '电话：'),
      fc.constantFrom('住', '住址：', '家住'),
      fc.boolean(),
      fc.boolean()
    )
    .map(
      ([a, b, c, idLabel, phoneLabel, homeLabel, groupId, tailOnly]) =>
        `${a}${p.name}（${idLabel}${groupId ? `${p.id.slice(0, 6)} ${p.id.slice(6, 14)} ${p.id.slice(14)}` : p.id}，${phoneLabel}${p.phone}，${homeLabel}${tailOnly ? p.home.tail : p.home.full}）${b}在${org.name}（统一社会信用代码${org.code}）${c}作业。`
    )

describe('publicity exports', () => {
  it('never carry a natural person’s ID number, mobile or home address; keep organisations', () => {
    fc.assert(
      fc.property(person, person, organisation, fc.boolean(), fc.integer({ min: 1, max: 500 }), (p, other, org, personIsParty, fineK) => {
        fc.pre(p.id !== other.id && !org.name.includes(p.name))
        return fc.assert(
          fc.property(facts(p, org), (text) => {
            const toParty = (x: typeof p): PublicityParty => ({
              kind: 'person',
              name: x.name,
              idNumber: x.id,
              phone: x.phone,
              address: x.home.full
            })
            const orgParty: PublicityParty = { kind: 'org', name: org.name, creditCode: org.code, legalRep: other.name, phone: other.phone }
            const src: PublicitySource = {
              caseName: `${personIsParty ? p.name : org.name}违章动火作业案`,
              cause: '动火作业未执行审批制度',
              decision: {
                number: '（江）应急罚〔2026〕7号',
                date: '2026-10-22',
                facts: text,
                violatedProvision: '《中华人民共和国安全生产法》第四十三条',
                penaltyBasis: '《中华人民共和国安全生产法》第一百零一条第（四）项',
                penalty: `罚款人民币${fineK}000元`,
                fine: fineK * 1000,
                warning: false
              },
              measures: [],
              confiscation: 0,
              party: personIsParty ? toParty(p) : orgParty,
              otherPersons: personIsParty ? [orgParty, toParty(other)] : [toParty(p), toParty(other)],
              agency: { name: '江州市应急管理局', creditCode: '11360400MB1C23456B', phone: '0792-8123456' }
            }
            const { record } = buildPublicityRecord(src, DEFAULT_PUBLICITY_POLICY)
            const meta = { agency: '江州市应急管理局', generatedOn: '2026-10-30' }
            const outputs = [
              JSON.stringify(record),
              summaryText(record),
              recordsCsv([record]),
              recordsJson([record], meta),
              recordsHtml([record], meta)
            ]
            for (const out of outputs) {
              const flat = out.replace(/[\s-]/g, '')
              for (const secret of [p.id, p.phone, p.home.tail, other.id]) expect(flat).not.toContain(secret.replace(/\s/g, ''))
              expect(out).toContain(org.name)
              expect(out).toContain(org.code)
            }
            if (personIsParty) expect(record.idNumberMasked).toBe(`${p.id.slice(0, 6)}********${p.id.slice(14)}`)
          }),
          { numRuns: 3 }
        )
      }),
      { numRuns: 150, seed: 6 }
    )
  })
})
