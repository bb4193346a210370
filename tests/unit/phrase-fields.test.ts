import { describe, expect, it } from 'vitest'
import type { PhraseCategory } from '../../src-main/core/catalogue'
import type { TemplateField } from '../../src-main/core/templates'
import { fieldPhraseCategories, fieldPhrases, phrasePrefill, rowPrefill } from '../../src-main/core/phrase-fields'

const cat = (id: string, over: Partial<PhraseCategory> = {}): PhraseCategory => ({
  id,
  aliases: [],
  label: id,
  docTypes: [],
  field: null,
  guide: '',
  snippets: [],
  ...over
})
const field = (key: string, type: TemplateField['type'], phraseCategory?: string) =>
  ({ key, type, label: key, required: false, ...(phraseCategory ? { phraseCategory } : {}) }) as TemplateField

const CATS = [
  cat('general.writing'),
  cat('inspection_record.problems'),
  cat('shared.finding', { aliases: ['inspection_record.findings'] }),
  cat('inspection_record.listed', { docTypes: ['inspection_record'], field: 'measures' }),
  cat('inspection_record.sentences', { docTypes: ['inspection_record'] }),
  cat('general.aliased', { aliases: ['x.y'] }),
  cat('general.typed', { docTypes: ['penalty_notice'] })
]

describe('fieldPhraseCategories', () => {
  it("a field's own categories by id, alias, manifest name or listed field come first", () => {
    expect(fieldPhraseCategories(CATS, 'inspection_record', field('problems', 'textarea')).own.map((c) => c.id)).toEqual([
      'inspection_record.problems'
    ])
    expect(fieldPhraseCategories(CATS, 'inspection_record', field('findings', 'textarea')).own.map((c) => c.id)).toEqual(['shared.finding'])
    expect(fieldPhraseCategories(CATS, 'inspection_record', field('x', 'text', 'inspection_record.problems')).own.map((c) => c.id)).toEqual(
      ['inspection_record.problems']
    )
    expect(fieldPhraseCategories(CATS, 'inspection_record', field('measures', 'list')).own.map((c) => c.id)).toEqual([
      'inspection_record.listed'
    ])
  })
  it("then the document's sentences, then general rules without types or aliases", () => {
    expect(fieldPhraseCategories(CATS, 'inspection_record', field('problems', 'textarea')).all.map((c) => c.id)).toEqual([
      'inspection_record.problems',
      'inspection_record.sentences',
      'general.writing'
    ])
  })
})

describe('fieldPhrases', () => {
  const fields = [
    field('problems', 'textarea'),
    field('note', 'text'),
    field('place', 'text'),
    field('when', 'date'),
    field('basis', 'citation', 'nowhere.found')
  ]
  it('offers its own categories, notes and long text the document sentences, and never dates', () => {
    expect(fieldPhrases(fields, 'inspection_record', CATS)).toEqual({
      problems: ['inspection_record.problems', 'inspection_record.sentences', 'general.writing'],
      note: ['inspection_record.sentences', 'general.writing'],
      basis: ['inspection_record.sentences', 'general.writing']
    })
  })
  it('a short text without categories of its own offers nothing; no library offers nothing', () => {
    expect(fieldPhrases([field('place', 'text')], 'inspection_record', CATS)).toEqual({})
    expect(fieldPhrases([field('note', 'text')], 'inspection_record', [])).toEqual({})
  })
  it('a manifest phraseCategory offers the button even when no category is found', () => {
    expect(fieldPhrases([field('place', 'text', 'nowhere.found')], 'inspection_record', [])).toEqual({ place: [] })
  })
})

describe('phrasePrefill', () => {
  const base = {
    today: '2026-11-25',
    party: { name: '某某化工有限公司', kind: 'org', address: '某市某路1号' },
    agency: { reconsiderationBody: '某市人民政府', court: '某市某区人民法院' },
    officers: [{ name: '张三' }, { name: '李四' }, { name: '王五' }],
    case: { cause: '未按规定开展安全培训' }
  }
  it('fills the placeholders from the case, the party and the agency', () => {
    expect(phrasePrefill(base)).toEqual({
      日期: '2026年11月25日',
      当事人: '某某化工有限公司',
      单位名称: '某某化工有限公司',
      地点: '某市某路1号',
      复议机关: '某市人民政府',
      人民法院: '某市某区人民法院',
      承办人1: '张三',
      承办人2: '李四',
      违法行为: '未按规定开展安全培训'
    })
  })
  it('a person has no 单位名称; missing party, address, agency and officers leave their placeholders open', () => {
    expect(phrasePrefill({ ...base, party: { name: '王某', kind: 'person' } })).not.toHaveProperty('单位名称')
    expect(phrasePrefill({ today: '2026-11-25T10:00', party: {}, agency: {}, officers: [], case: { cause: '' } })).toEqual({
      日期: '2026年11月25日'
    })
  })
})

describe('rowPrefill', () => {
  it('numbers the row from one and dates its deadline in Chinese', () => {
    const rows = [
      { item: 'a', deadline: '2026-12-01' },
      { item: 'b', deadline: '' }
    ]
    expect(rowPrefill(rows, 0)).toEqual({ 序号: '1', 整改期限: '2026年12月1日' })
    expect(rowPrefill(rows, 1)).toEqual({ 序号: '2' })
    expect(rowPrefill(rows, 2)).toEqual({ 序号: '3' })
  })
})
