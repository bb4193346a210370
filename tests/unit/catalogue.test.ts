import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import catalogueJson from '../../resources/violations/catalogue.json'
import statuteJson from '../../resources/violations/work-safety-law-2021.json'
import standardJson from '../../resources/phrases/standard-language.json'
import draftingJson from '../../resources/phrases/drafting-guides.json'
import {
  basisSentence,
  CatalogueSchema,
  categoriesFor,
  citation,
  fillSnippet,
  findCategory,
  LAW_WORK_SAFETY,
  parseChineseNumeral,
  PHRASE_DOC_TYPES,
  PhraseLibrarySchema,
  PhraseSnippetSchema,
  placeholdersOf,
  provisionText,
  StatuteSchema,
  statutoryRange,
  toChineseNumeral,
  violatedSentence
} from '../../src-main/core/catalogue'

const catalogue = CatalogueSchema.parse(catalogueJson)
const statute = StatuteSchema.parse(statuteJson)
const standard = PhraseLibrarySchema.parse(standardJson)
const drafting = PhraseLibrarySchema.parse(draftingJson)
const libraries = [standard, drafting]

describe('Chinese numerals', () => {
  it('writes known values', () => {
    const known: Array<[number, string]> = [
      [1, '一'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [15, '十五'],
      [20, '二十'],
      [28, '二十八'],
      [41, '四十一'],
      [99, '九十九'],
      [100, '一百'],
      [101, '一百零一'],
      [105, '一百零五'],
      [110, '一百一十'],
      [112, '一百一十二'],
      [119, '一百一十九'],
      [120, '一百二十'],
      [200, '二百'],
      [305, '三百零五'],
      [999, '九百九十九']
    ]
    for (const [n, text] of known) expect(toChineseNumeral(n)).toBe(text)
  })
  it('round-trips every number from 1 to 999 and is injective', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), (n) => parseChineseNumeral(toChineseNumeral(n)) === n))
    const all = new Set<string>()
    for (let n = 1; n <= 999; n++) all.add(toChineseNumeral(n))
    expect(all.size).toBe(999)
  })
  it('has no 一十 at the start, no 零 except between hundreds and ones, and no 零 at the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
        const t = toChineseNumeral(n)
        return !t.startsWith('一十') && !t.endsWith('零') && (!t.includes('零') || (n >= 101 && n % 100 < 10 && n % 10 !== 0))
      })
    )
  })
  it('rejects out-of-range and non-canonical input', () => {
    expect(() => toChineseNumeral(0)).toThrow()
    expect(() => toChineseNumeral(1000)).toThrow()
    expect(() => toChineseNumeral(2.5)).toThrow()
    for (const bad of ['', '零', '一十五', '一百十', '二十零', '百', '十十', 'abc']) expect(parseChineseNumeral(bad)).toBeNull()
  })
})

describe('citation', () => {
  it('formats article, paragraph and item', () => {
    expect(citation({ law: LAW_WORK_SAFETY, article: 28, paragraph: 1, item: null })).toBe('《中华人民共和国安全生产法》第二十八条第一款')
    expect(citation({ law: LAW_WORK_SAFETY, article: 97, paragraph: null, item: 3 })).toBe('《中华人民共和国安全生产法》第九十七条第三项')
    expect(citation({ law: LAW_WORK_SAFETY, article: 101, paragraph: null, item: 2 })).toBe(
      '《中华人民共和国安全生产法》第一百零一条第二项'
    )
    expect(citation({ law: LAW_WORK_SAFETY, article: 65, paragraph: 1, item: 3 })).toBe(
      '《中华人民共和国安全生产法》第六十五条第一款第三项'
    )
    expect(citation({ law: LAW_WORK_SAFETY, article: 110, paragraph: 2, item: null })).toBe(
      '《中华人民共和国安全生产法》第一百一十条第二款'
    )
  })
})

describe('statute excerpt (安全生产法 2021)', () => {
  it('has articles in order, each item numbered （一）（二）… in sequence', () => {
    const numbers = statute.articles.map((a) => a.number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    for (const a of statute.articles) {
      for (const p of a.paragraphs) {
        p.items.forEach((item, i) => expect(item.startsWith(`（${toChineseNumeral(i + 1)}）`), `${a.number}: ${item}`).toBe(true))
        if (p.items.length > 0) expect(p.text.endsWith('：'), `${a.number} lead-in`).toBe(true)
      }
    }
  })
})

describe('violation catalogue', () => {
  const violations = catalogue.violations

  it('has at least 25 violations with unique ids and titles', () => {
    expect(violations.length).toBeGreaterThanOrEqual(25)
    expect(new Set(violations.map((v) => v.id)).size).toBe(violations.length)
    expect(new Set(violations.map((v) => v.title)).size).toBe(violations.length)
  })

  it('cites only the 2021 安全生产法, with the sentences derived from the structured references', () => {
    for (const v of violations) {
      expect(v.violated.law).toBe(LAW_WORK_SAFETY)
      expect(v.penalty.law).toBe(LAW_WORK_SAFETY)
      expect(v.sentences.violated, v.id).toBe(violatedSentence(v.violated))
      expect(v.sentences.basis, v.id).toBe(basisSentence(v.penalty))
      expect(v.sentences.violated).toBe(`违反了${citation(v.violated)}的规定`)
      expect(v.sentences.basis).toBe(`依据${citation(v.penalty)}的规定`)
    }
  })

  it('points at provisions that exist, with the statutory text quoted from them', () => {
    for (const v of violations) {
      for (const [role, ref] of [
        ['violated', v.violated],
        ['penalty', v.penalty]
      ] as const) {
        const found = provisionText(statute, ref)
        expect(found, `${v.id} ${role} ${citation(ref)}`).not.toBeNull()
        if (!found) continue
        const full = found.paragraph + (found.item ?? '')
        if (role === 'violated') {
          expect(full.includes(ref.text), `${v.id}: violated text is not in ${citation(ref)}`).toBe(true)
        } else {
          expect(ref.text.includes(full), `${v.id}: penalty text does not contain ${citation(ref)}`).toBe(true)
        }
        if (found.item) expect(ref.text.includes(found.item), `${v.id}: item text missing`).toBe(true)
      }
      // penalty clauses are in 第六章 法律责任 (arts. 90–116); duties are outside it
      expect(v.penalty.article).toBeGreaterThanOrEqual(90)
      expect(v.penalty.article).toBeLessThanOrEqual(116)
      expect(v.violated.article).toBeLessThan(90)
    }
  })

  it('derives the statutory ranges from the penalty text', () => {
    const yuan = (n: number) => {
      if (n % 10000 === 0) return `${toChineseNumeral(n / 10000)}万元`
      throw new Error(`unexpected amount ${n}`)
    }
    for (const v of violations) {
      for (const r of v.range) {
        if (r.unit !== 'yuan') continue
        const phrase = r.min === 0 ? `${yuan(r.max)}以下` : `${yuan(r.min)}以上${yuan(r.max)}以下`
        expect(v.penalty.text.includes(phrase), `${v.id}: ${phrase} not in penalty text`).toBe(true)
      }
      if (v.range.some((r) => r.subject === 'responsible')) expect(v.penalty.text).toContain('直接负责的主管人员和其他直接责任人员')
      if (v.range.some((r) => r.stage === 'uncorrected')) expect(v.penalty.text).toMatch(/逾期未改正|拒不改正|拒不执行/)
    }
  })

  it('keeps every tier inside the statutory range for its subject and stage, in ascending order', () => {
    for (const v of violations) {
      expect(v.tiers.basis).toContain('[verify]')
      expect(v.tiers.levels.map((l) => l.level)).toEqual(['从轻', '一般', '从重'])
      for (const level of v.tiers.levels) {
        for (const f of level.fines) {
          const range = statutoryRange(v, f.subject, f.stage) ?? statutoryRange(v, f.subject, f.stage, 'percent_of_annual_income')
          expect(range, `${v.id} ${level.level} ${f.subject}/${f.stage}`).toBeDefined()
          if (!range) continue
          expect(f.min, `${v.id} ${level.level}`).toBeGreaterThanOrEqual(range.min)
          expect(f.max, `${v.id} ${level.level}`).toBeLessThanOrEqual(range.max)
          expect(f.min).toBeGreaterThan(0)
        }
      }
      const [light, normal, heavy] = v.tiers.levels
      light?.fines.forEach((f, i) => {
        expect(f.max).toBeLessThanOrEqual(normal?.fines[i]?.min ?? Infinity)
        expect(normal?.fines[i]?.max ?? 0).toBeLessThanOrEqual(heavy?.fines[i]?.min ?? Infinity)
      })
    }
  })

  it('has fact templates with the five elements as placeholders or text', () => {
    for (const v of violations) {
      const names = placeholdersOf(v.sentences.facts)
      expect(v.sentences.facts.startsWith('经查，'), v.id).toBe(true)
      expect(names.length, v.id).toBeGreaterThanOrEqual(2)
      expect(
        names.some((n) => n.includes('日期')),
        `${v.id}: no date`
      ).toBe(true)
      expect(
        names.some((n) => n === '当事人' || n === '单位名称'),
        `${v.id}: no actor`
      ).toBe(true)
    }
  })

  it('records the statute copy each entry was checked against', () => {
    for (const v of catalogue.violations) {
      expect(v.source.checkedAgainst).toContain('安全生产法(2021-06-10)')
      expect(v.source.checkedOn).toBe('2026-11-25')
    }
  })

  it('rejects a catalogue with duplicate ids', () => {
    const first = catalogueJson.violations[0]
    const result = CatalogueSchema.safeParse({ ...catalogueJson, violations: [first, first] })
    expect(result.success).toBe(false)
  })
})

describe('phrase libraries', () => {
  const all = libraries.flatMap((l) => l.categories)

  it('have unique category ids and aliases across both files', () => {
    const ids = all.flatMap((c) => [c.id, ...c.aliases])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('resolve aliases to their category', () => {
    expect(findCategory(libraries, 'case_filing_approval.briefFacts')?.id).toBe('case_filing_approval.facts')
    expect(findCategory(libraries, 'service_receipt.remarks')?.id).toBe('service_receipt.refusal')
    expect(findCategory(libraries, 'penalty_decision_person.penaltyBasis')?.id).toBe('general.citation')
    expect(findCategory(libraries, 'general.dates')?.id).toBe('general.dates')
    expect(findCategory(libraries, 'nothing.here')).toBeUndefined()
    for (const c of all) {
      for (const alias of c.aliases) expect(PHRASE_DOC_TYPES as readonly string[], alias).toContain(alias.split('.')[0])
    }
  })

  it('cover the fields the manifest refers to', () => {
    const required = [
      'inspection_record.findings',
      'inspection_record.purpose',
      'rectification_order.problems',
      'onsite_measure_decision.measures',
      'questioning_transcript.opening',
      'questioning_transcript.qa',
      'penalty_notice.facts',
      'penalty_notice.rights',
      'penalty_decision_org.facts',
      'penalty_decision_org.evidence',
      'penalty_decision_org.reasoning',
      'penalty_decision_person.facts',
      'service_receipt.refusal',
      'case_filing_approval.facts',
      'case_handling_approval.discretion',
      'legal_review_opinion.opinion',
      'collective_discussion_record.conclusion',
      'reinspection_opinion.result',
      'case_closing_approval.execution',
      'general.citation',
      'general.amount',
      'general.dates'
    ]
    const ids = new Set(all.map((c) => c.id))
    for (const id of required) expect(ids.has(id), id).toBe(true)
    for (const c of all) {
      const prefix = c.id.split('.')[0] as string
      expect(['general', 'speech', ...PHRASE_DOC_TYPES], c.id).toContain(prefix)
    }
    for (const c of all) {
      const [doc, field] = c.id.split('.')
      if (c.field !== null) {
        expect(field, c.id).toBe(c.field)
        expect(c.docTypes as string[], c.id).toContain(doc)
      }
    }
  })

  it('list exactly the placeholders used in each snippet', () => {
    for (const c of all) {
      for (const s of c.snippets) {
        expect([...s.placeholders].sort(), `${c.id}/${s.id}`).toEqual(placeholdersOf(s.text).sort())
      }
    }
    expect(PhraseSnippetSchema.safeParse({ id: 'x', title: '测试', text: '{{甲}}与{{乙}}', placeholders: ['甲'] }).success).toBe(false)
  })

  it('name the people’s government for reconsideration, never 上一级主管部门', () => {
    const texts = all.flatMap((c) => c.snippets.map((s) => s.text))
    for (const t of texts) expect(t).not.toContain('上一级主管部门')
    const appeal = texts.filter((t) => /向[^，。；]*申请行政复议/.test(t))
    expect(appeal.length).toBeGreaterThan(0)
    for (const t of appeal) expect(t).toContain('{{复议机关}}')
  })

  it('cite laws by their full name', () => {
    for (const c of all) {
      for (const s of c.snippets) expect(s.text, `${c.id}/${s.id}`).not.toMatch(/《(安全生产法|行政处罚法|行政复议法)》/)
    }
  })

  it('offer the categories of a document type, general ones last', () => {
    const cats = categoriesFor(libraries, 'penalty_decision_org')
    const ids = cats.map((c) => c.id)
    expect(ids).toContain('penalty_decision_org.facts')
    expect(ids).toContain('general.citation')
    expect(ids.indexOf('penalty_decision_org.facts')).toBeLessThan(ids.indexOf('general.citation'))
    expect(categoriesFor(libraries, 'questioning_transcript', 'opening').map((c) => c.id)[0]).toBe('questioning_transcript.opening')
    // by alias: the manifest's field key
    expect(categoriesFor(libraries, 'reinspection_opinion', 'followUp').map((c) => c.id)[0]).toBe('reinspection_opinion.result')
    expect(categoriesFor(libraries, 'hearing_notice').map((c) => c.id)).toContain('penalty_notice.facts')
  })
})

describe('fillSnippet', () => {
  it('replaces placeholders and reports the missing ones once', () => {
    const r = fillSnippet('经查，{{当事人}}于{{日期}}在{{地点}}……{{当事人}}', { 当事人: '江州某化工有限公司', 日期: '2026年11月25日' })
    expect(r.text).toBe('经查，江州某化工有限公司于2026年11月25日在{{地点}}……江州某化工有限公司')
    expect(r.missing).toEqual(['地点'])
  })
  it('treats empty values as missing and accepts numbers', () => {
    expect(fillSnippet('{{a}}-{{b}}-{{c}}', { a: '', b: 0, c: null })).toEqual({ text: '{{a}}-0-{{c}}', missing: ['a', 'c'] })
    expect(fillSnippet('{{ 名称 }}', { 名称: 'X' })).toEqual({ text: 'X', missing: [] })
    expect(fillSnippet('{{toString}}', {})).toEqual({ text: '{{toString}}', missing: ['toString'] })
  })
  it('fills every catalogue fact template completely when all values are given', () => {
    for (const v of catalogue.violations) {
      const values = Object.fromEntries(placeholdersOf(v.sentences.facts).map((n) => [n, 'X']))
      const r = fillSnippet(v.sentences.facts, values)
      expect(r.missing).toEqual([])
      expect(r.text).not.toMatch(/\{\{|\}\}/)
    }
  })
})
