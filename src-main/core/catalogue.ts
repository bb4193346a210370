/**
 * Reference data for drafting: the violation catalogue (resources/violations/catalogue.json), the statute
 * excerpt it cites (resources/violations/work-safety-law-2021.json) and the phrase library
 * (resources/phrases/*.json: 执法规范用语 and 文书制作指引). Schemas plus small pure helpers: Chinese numerals,
 * legal citations ("《中华人民共和国安全生产法》第二十八条第一款") and {{placeholder}} filling. Pure.
 */
import { z } from 'zod'

// ---------------------------------------------------------------------------------------------------------------
// Chinese numerals (1–999), as used in article / paragraph / item numbers

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/**
 * 1–999 in Chinese numerals as written in statute numbering: 10 → 十, 15 → 十五, 28 → 二十八, 101 → 一百零一,
 * 110 → 一百一十, 119 → 一百一十九, 200 → 二百.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`数字超出范围（1–999）：${n}`)
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  let out = ''
  if (hundreds > 0) out += `${DIGITS[hundreds]}百`
  if (tens > 0) {
    // "十五", not "一十五", when the number starts with the tens; "一百一十" inside a larger number
    out += hundreds === 0 && tens === 1 ? '十' : `${DIGITS[tens]}十`
  } else if (hundreds > 0 && ones > 0) {
    out += '零'
  }
  if (ones > 0) out += DIGITS[ones]
  return out
}

/** The inverse of toChineseNumeral; null when the text is not a canonical numeral in 1–999. */
export function parseChineseNumeral(text: string): number | null {
  const m = /^(?:([一二三四五六七八九])百)?(?:(零)|([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(text)
  if (!m || text === '') return null
  const digit = (c: string | undefined) => (c === undefined ? 0 : DIGITS.indexOf(c as (typeof DIGITS)[number]))
  const value = digit(m[1]) * 100 + (m[4] ? (m[3] ? digit(m[3]) : 1) * 10 : 0) + digit(m[5])
  if (value < 1) return null
  return toChineseNumeral(value) === text ? value : null
}

// ---------------------------------------------------------------------------------------------------------------
// Legal references and citations

export const LAW_WORK_SAFETY = '中华人民共和国安全生产法'

export interface ProvisionRef {
  law: string
  article: number
  paragraph: number | null
  item: number | null
}

/**
 * Citation in decision style: 《中华人民共和国安全生产法》第二十八条第一款, …第九十七条第三项 (single-paragraph article),
 * …第一百零一条第二项. The paragraph is omitted (null) when the article has only one paragraph.
 */
export function citation(ref: ProvisionRef): string {
  let out = `《${ref.law}》第${toChineseNumeral(ref.article)}条`
  if (ref.paragraph !== null) out += `第${toChineseNumeral(ref.paragraph)}款`
  if (ref.item !== null) out += `第${toChineseNumeral(ref.item)}项`
  return out
}

/** "违反了《…》第X条第X款第X项的规定" */
export const violatedSentence = (ref: ProvisionRef) => `违反了${citation(ref)}的规定`
/** "依据《…》第X条第X款第X项的规定" */
export const basisSentence = (ref: ProvisionRef) => `依据${citation(ref)}的规定`

const refNumber = (label: string, max: number) =>
  z
    .number({ message: `${label}应为数字` })
    .int({ message: `${label}应为整数` })
    .min(1, { message: `${label}应从1开始` })
    .max(max, { message: `${label}不能大于${max}` })

export const ProvisionRefSchema = z.object({
  law: z
    .string()
    .trim()
    .min(2, { message: '请填写法律名称（不含书名号）' })
    .refine((v) => !/[《》]/.test(v), { message: '法律名称不含书名号' }),
  article: refNumber('条', 999),
  paragraph: refNumber('款', 99).nullable(),
  item: refNumber('项', 99).nullable(),
  /** the statutory text of the provision (the relevant sentence, or the whole clause for a penalty) */
  text: z.string().trim().min(4, { message: '请填写条文内容' })
})
export type ProvisionRefWithText = z.output<typeof ProvisionRefSchema>

// ---------------------------------------------------------------------------------------------------------------
// Statute excerpt (LegalProvision)

export const ParagraphSchema = z.object({
  text: z.string().min(1),
  /** items （一）（二）… of this paragraph, in order, with their brackets */
  items: z.array(z.string().min(1)).default([])
})

export const ArticleSchema = z.object({
  number: refNumber('条', 999),
  /** the chapter heading, e.g. 第六章 法律责任 */
  chapter: z.string().min(1),
  paragraphs: z.array(ParagraphSchema).min(1)
})
export type Article = z.output<typeof ArticleSchema>

export const StatuteSchema = z
  .object({
    law: z.string().min(2),
    /** level: 法律 / 行政法规 / 地方性法规 / 部门规章 / 地方政府规章 */
    level: z.enum(['法律', '行政法规', '地方性法规', '部门规章', '地方政府规章']),
    revision: z.string().min(1),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: z.object({
      checkedAgainst: z.string().min(1),
      checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      note: z.string().default('')
    }),
    articles: z.array(ArticleSchema).min(1)
  })
  .superRefine((s, ctx) => {
    const seen = new Set<number>()
    s.articles.forEach((a, i) => {
      if (seen.has(a.number)) ctx.addIssue({ code: 'custom', path: ['articles', i], message: `第${a.number}条重复` })
      seen.add(a.number)
    })
  })
export type Statute = z.output<typeof StatuteSchema>

/** The statutory text a reference points at: the paragraph, or the item inside it; null when it does not exist. */
export function provisionText(statute: Statute, ref: Omit<ProvisionRef, 'law'>): { paragraph: string; item: string | null } | null {
  const article = statute.articles.find((a) => a.number === ref.article)
  if (!article) return null
  // a single-paragraph article is cited without 款
  if (ref.paragraph === null && article.paragraphs.length !== 1) return null
  const paragraph = article.paragraphs[(ref.paragraph ?? 1) - 1]
  if (!paragraph) return null
  if (ref.item === null) return { paragraph: paragraph.text, item: null }
  const item = paragraph.items[ref.item - 1]
  return item === undefined ? null : { paragraph: paragraph.text, item }
}

// ---------------------------------------------------------------------------------------------------------------
// Violation catalogue (违法行为 + 处罚依据 + 裁量基准)

/** who the statutory penalty falls on */
export const PENALTY_SUBJECTS = ['unit', 'principal', 'manager', 'responsible', 'investor'] as const
export type PenaltySubject = (typeof PENALTY_SUBJECTS)[number]
export const PENALTY_SUBJECT_LABELS: Record<PenaltySubject, string> = {
  unit: '生产经营单位',
  principal: '主要负责人',
  manager: '其他负责人和安全生产管理人员',
  responsible: '直接负责的主管人员和其他直接责任人员',
  investor: '个人经营的投资人'
}

/** first finding vs after an order to correct was not complied with (逾期未改正 / 拒不改正 / 拒不执行) */
export const PENALTY_STAGES = ['first', 'uncorrected'] as const
export type PenaltyStage = (typeof PENALTY_STAGES)[number]

export const AMOUNT_UNITS = ['yuan', 'times_illegal_gains', 'percent_of_annual_income'] as const

export const VIOLATION_SUBJECTS = ['生产经营单位', '主要负责人', '其他负责人和安全生产管理人员', '从业人员', '施工单位'] as const

export const TIER_LEVELS = ['从轻', '一般', '从重'] as const

const amount = z.number({ message: '金额应为数字' }).min(0, { message: '金额不能为负数' })

export const StatutoryRangeSchema = z
  .object({
    subject: z.enum(PENALTY_SUBJECTS),
    stage: z.enum(PENALTY_STAGES),
    min: amount,
    max: amount,
    unit: z.enum(AMOUNT_UNITS),
    /** when the range applies, e.g. 违法所得十万元以上的 */
    condition: z.string().default('')
  })
  .refine((r) => r.min <= r.max, { message: '罚款下限不能大于上限' })
export type StatutoryRange = z.output<typeof StatutoryRangeSchema>

export const TierFineSchema = z
  .object({ subject: z.enum(PENALTY_SUBJECTS), stage: z.enum(PENALTY_STAGES), min: amount, max: amount })
  .refine((r) => r.min <= r.max, { message: '罚款下限不能大于上限' })

export const TierSchema = z.object({
  level: z.enum(TIER_LEVELS),
  conditions: z.array(z.string().min(2)).min(1, { message: '请填写适用条件' }),
  fines: z.array(TierFineSchema).min(1)
})

export const TiersSchema = z.object({
  /** provenance of the benchmark; the defaults shipped here must be checked against the province's benchmark */
  basis: z.string().min(2),
  levels: z.array(TierSchema).length(3, { message: '裁量阶次应为从轻、一般、从重三档' })
})

const idField = z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, { message: 'id 只能包含小写字母、数字、连字符或下划线' })

export const ViolationSchema = z.object({
  id: idField,
  title: z.string().trim().min(4, { message: '请填写违法行为' }),
  subject: z.enum(VIOLATION_SUBJECTS, { message: '违法主体不正确' }),
  violated: ProvisionRefSchema,
  penalty: ProvisionRefSchema,
  range: z.array(StatutoryRangeSchema).min(1, { message: '请填写法定处罚幅度' }),
  /** others the penalty clause reaches (text), or "" */
  alsoPenalised: z.string(),
  tiers: TiersSchema,
  sentences: z.object({
    violated: z.string().startsWith('违反了'),
    basis: z.string().startsWith('依据'),
    /** fact template (时间、地点、行为人、行为、后果) with {{placeholders}} */
    facts: z.string().min(10)
  }),
  source: z.object({ checkedAgainst: z.string().min(4), checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
})
export type Violation = z.output<typeof ViolationSchema>

export const CatalogueSchema = z
  .object({
    version: z.string().min(1),
    updatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    law: z.object({ name: z.string(), revision: z.string(), effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    note: z.string().default(''),
    violations: z.array(ViolationSchema).min(1)
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>()
    c.violations.forEach((v, i) => {
      if (seen.has(v.id)) ctx.addIssue({ code: 'custom', path: ['violations', i, 'id'], message: `违法行为编号重复：${v.id}` })
      seen.add(v.id)
    })
  })
export type Catalogue = z.output<typeof CatalogueSchema>

/** The statutory range for a subject and stage (yuan unless asked otherwise). */
export function statutoryRange(
  v: Pick<Violation, 'range'>,
  subject: PenaltySubject,
  stage: PenaltyStage,
  unit: (typeof AMOUNT_UNITS)[number] = 'yuan'
): StatutoryRange | undefined {
  return v.range.find((r) => r.subject === subject && r.stage === stage && r.unit === unit)
}

// ---------------------------------------------------------------------------------------------------------------
// Phrase library (执法规范用语 / 文书制作指引)

/** document types (template ids) the phrase categories may name */
export const PHRASE_DOC_TYPES = [
  'case_filing_approval',
  'inspection_record',
  'rectification_order',
  'reinspection_opinion',
  'onsite_measure_decision',
  'questioning_notice',
  'questioning_transcript',
  'evidence_preservation_notice',
  'penalty_notice',
  'hearing_notice',
  'statement_record',
  'case_handling_approval',
  'legal_review_opinion',
  'collective_discussion_record',
  'penalty_decision_org',
  'penalty_decision_person',
  'onsite_penalty_decision',
  'service_receipt',
  'fine_demand_notice',
  'case_transfer',
  'case_closing_approval',
  'no_penalty_decision',
  'hearing_meeting_notice',
  'hearing_transcript',
  'hearing_report'
] as const

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g

/** The distinct placeholder names in a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = []
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] as string
    if (!names.includes(name)) names.push(name)
  }
  return names
}

/**
 * Replace {{name}} with values[name]. Names without a (non-empty) value stay as they are in the text and are
 * reported in `missing`, so the clerk sees what is still to fill in.
 */
export function fillSnippet(text: string, values: Record<string, string | number | null | undefined>): { text: string; missing: string[] } {
  const missing: string[] = []
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined
    if (value === undefined || value === null || String(value) === '') {
      if (!missing.includes(name)) missing.push(name)
      return whole
    }
    return String(value)
  })
  return { text: out, missing }
}

export const PhraseSnippetSchema = z
  .object({
    id: idField,
    title: z.string().trim().min(2, { message: '请填写用语标题' }),
    text: z.string().min(2, { message: '请填写用语内容' }),
    placeholders: z.array(z.string().min(1))
  })
  .superRefine((s, ctx) => {
    const inText = placeholdersOf(s.text)
    const listed = [...s.placeholders]
    if (inText.length !== listed.length || inText.some((n) => !listed.includes(n))) {
      ctx.addIssue({ code: 'custom', path: ['placeholders'], message: `占位符清单与正文不一致：正文为 ${inText.join('、') || '（无）'}` })
    }
  })
export type PhraseSnippet = z.output<typeof PhraseSnippetSchema>

const categoryId = z.string().regex(/^[a-z][a-z0-9_]*\.[a-zA-Z][a-zA-Z0-9_]*$/, { message: '分类编号格式应为 模板编号.字段名' })

export const PhraseCategorySchema = z.object({
  /** "<templateId>.<fieldKey>" for a field of one document type, "general.<topic>" / "speech.<topic>" otherwise */
  id: categoryId,
  /** further "<templateId>.<fieldKey>" ids (manifest phraseCategory values) this category also serves */
  aliases: z.array(categoryId).default([]),
  label: z.string().trim().min(2),
  docTypes: z.array(z.enum(PHRASE_DOC_TYPES, { message: '文书类型不正确' })),
  field: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9]*$/)
    .nullable(),
  guide: z.string(),
  snippets: z.array(PhraseSnippetSchema)
})
export type PhraseCategory = z.output<typeof PhraseCategorySchema>

export const PhraseLibrarySchema = z
  .object({
    version: z.string().min(1),
    updatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    title: z.string().default(''),
    note: z.string().default(''),
    categories: z.array(PhraseCategorySchema).min(1)
  })
  .superRefine((lib, ctx) => {
    const ids = new Set<string>()
    const snippetIds = new Set<string>()
    lib.categories.forEach((c, i) => {
      for (const id of [c.id, ...c.aliases]) {
        if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `分类编号重复：${id}` })
        ids.add(id)
      }
      c.snippets.forEach((s, j) => {
        const key = `${c.id}/${s.id}`
        if (snippetIds.has(key))
          ctx.addIssue({ code: 'custom', path: ['categories', i, 'snippets', j, 'id'], message: `用语编号重复：${s.id}` })
        snippetIds.add(key)
      })
    })
  })
export type PhraseLibrary = z.output<typeof PhraseLibrarySchema>

/** The category with this id or alias (a manifest field's phraseCategory), searching the libraries in order. */
export function findCategory(libraries: PhraseLibrary[], id: string): PhraseCategory | undefined {
  for (const lib of libraries) {
    const found = lib.categories.find((c) => c.id === id || c.aliases.includes(id))
    if (found) return found
  }
  return undefined
}

/**
 * Categories of several libraries that apply to a document type (and optionally one of its fields): by docTypes,
 * or by an id / alias "<docType>.<field>". General ones ("general.*") come last.
 */
export function categoriesFor(libraries: PhraseLibrary[], docType: string, field?: string): PhraseCategory[] {
  const all = libraries.flatMap((l) => l.categories)
  const named = (c: PhraseCategory) =>
    [c.id, ...c.aliases].some((id) => (field === undefined ? id.startsWith(`${docType}.`) : id === `${docType}.${field}`))
  const listed = (c: PhraseCategory) =>
    c.docTypes.includes(docType as (typeof PHRASE_DOC_TYPES)[number]) && (field === undefined || c.field === field)
  const own = all.filter((c) => !c.id.startsWith('general.') && (named(c) || listed(c)))
  const general = all.filter(
    (c) => c.id.startsWith('general.') && (field === undefined || named(c) || c.docTypes.length === 0 || listed(c))
  )
  return [...own, ...general]
}
