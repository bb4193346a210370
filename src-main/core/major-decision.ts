/**
 * 重大执法决定法制审核目录清单: the agency's catalogue of "major" enforcement decisions (DOMAIN.md §4), as
 * versioned configuration, and the evaluation of a case against it. Pure.
 *
 * The catalogue also carries the 较大数额 thresholds for hearing eligibility (§2.4), because emergency bureaus
 * commonly use one threshold for 听证告知, 法制审核 and 集体讨论; they are separate settings so a province can differ.
 */
import { z } from 'zod'
import { isIsoDate } from './dates'

/** Measures (penalty kinds other than warning and fine) a case may intend; DOMAIN.md §9 `Decision`. */
export const MEASURES = [
  'stop_production',
  'stop_construction',
  'closure',
  'licence_revoke',
  'licence_suspend',
  'certificate_revoke',
  'restrict_practice'
] as const
export type Measure = (typeof MEASURES)[number]
export const MEASURE_LABELS: Record<Measure, string> = {
  stop_production: '责令停产停业（整顿）',
  stop_construction: '责令停止建设或者停止施工',
  closure: '责令关闭（提请政府决定）',
  licence_revoke: '吊销许可证',
  licence_suspend: '暂扣许可证',
  certificate_revoke: '撤销执业资格或者岗位证书',
  restrict_practice: '限制从业'
}

/** Measures that make a decision hearing-eligible (行政处罚法第六十三条). 暂扣 is not listed there. */
export const HEARING_MEASURES: readonly Measure[] = [
  'stop_production',
  'stop_construction',
  'closure',
  'licence_revoke',
  'certificate_revoke',
  'restrict_practice'
]

export const TRIGGER_KINDS = ['fine', 'confiscation', 'measure', 'hearing', 'departure', 'manual'] as const
export type TriggerKind = (typeof TRIGGER_KINDS)[number]

const money = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .min(0, { message: `${label}不能为负数` })
    .max(1e9)

export const ManualFlagSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: '标记代码只能包含小写字母、数字和下划线' }),
  label: z.string().trim().min(2).max(40),
  description: z.string().trim().max(200).default('')
})

export const MajorCatalogueSchema = z.object({
  name: z.string().trim().min(2, { message: '请填写目录名称' }).max(100),
  effectiveFrom: z.string().refine(isIsoDate, { message: '施行日期应为 YYYY-MM-DD' }),
  /** fines at or above these amounts (yuan) are major */
  fineThreshold: z.object({ org: money('单位罚款标准'), person: money('个人罚款标准') }),
  /** confiscation of illegal gains or property at or above these amounts (yuan) */
  confiscationThreshold: z.object({ org: money('单位没收标准'), person: money('个人没收标准') }),
  /** 较大数额 for hearing eligibility (yuan) */
  hearingThreshold: z.object({ org: money('单位听证标准'), person: money('个人听证标准') }),
  measures: z.array(z.enum(MEASURES)),
  /** any decision in a case that went through a hearing (行政处罚法第五十八条第一款第二项) */
  afterHearing: z.boolean(),
  /** 减轻 or 从重 outside the discretion benchmark */
  benchmarkDeparture: z.boolean(),
  manualFlags: z.array(ManualFlagSchema).refine((fs) => new Set(fs.map((f) => f.code)).size === fs.length, { message: '标记代码不能重复' }),
  /** trigger kinds that also require a collective discussion (集体讨论) before the decision */
  discussionFor: z.array(z.enum(TRIGGER_KINDS)),
  /** working days the legal reviewer has from complete materials */
  reviewDays: z.number().int().min(1).max(30),
  /** a 个体工商户 counts as a person or as an organisation for the thresholds */
  soleCountsAs: z.enum(['person', 'org']),
  source: z.string().trim().max(300).default('')
})
export type MajorCatalogue = z.output<typeof MajorCatalogueSchema>

/** Facts of a case the catalogue is evaluated against. */
export interface MajorFacts {
  partyKinds: readonly ('org' | 'sole' | 'person')[]
  /** the largest fine intended or drafted so far (yuan) */
  fine: number
  confiscation: number
  measures: readonly Measure[]
  hearingHeld: boolean
  /** the penalty departs from the benchmark (减轻 / 从重 outside it), with a written reason */
  departure: boolean
  manualFlags: readonly string[]
}

/** Why a case needs legal review: one line per catalogue item it meets (stored with each review round). */
export const TriggerSchema = z.object({ kind: z.enum(TRIGGER_KINDS), code: z.string(), label: z.string(), reason: z.string() })
export type Trigger = z.output<typeof TriggerSchema>

const yuan = (n: number) => `${n.toLocaleString('en-US')}元`

/** Which party kind's threshold applies: the lower (person) threshold when any party is a natural person. */
export function thresholdSubject(kinds: readonly ('org' | 'sole' | 'person')[], soleCountsAs: 'person' | 'org'): 'org' | 'person' {
  return kinds.some((k) => k === 'person' || (k === 'sole' && soleCountsAs === 'person')) ? 'person' : 'org'
}

const SUBJECT_LABEL = { org: '单位', person: '个人' } as const

export function evaluateTriggers(cat: MajorCatalogue, f: MajorFacts): Trigger[] {
  const out: Trigger[] = []
  const who = thresholdSubject(f.partyKinds, cat.soleCountsAs)
  const fineAt = cat.fineThreshold[who]
  if (f.fine > 0 && f.fine >= fineAt) {
    out.push({
      kind: 'fine',
      code: 'fine',
      label: '较大数额罚款',
      reason: `拟罚款${yuan(f.fine)}，达到对${SUBJECT_LABEL[who]}罚款${yuan(fineAt)}以上的标准`
    })
  }
  const confAt = cat.confiscationThreshold[who]
  if (f.confiscation > 0 && f.confiscation >= confAt) {
    out.push({
      kind: 'confiscation',
      code: 'confiscation',
      label: '没收较大数额违法所得或者非法财物',
      reason: `拟没收${yuan(f.confiscation)}，达到${yuan(confAt)}以上的标准`
    })
  }
  for (const m of f.measures) {
    if (cat.measures.includes(m))
      out.push({ kind: 'measure', code: `measure:${m}`, label: MEASURE_LABELS[m], reason: `拟作出${MEASURE_LABELS[m]}` })
  }
  if (cat.afterHearing && f.hearingHeld) {
    out.push({ kind: 'hearing', code: 'hearing', label: '经过听证程序', reason: '案件已举行听证（行政处罚法第五十八条第一款第二项）' })
  }
  if (cat.benchmarkDeparture && f.departure) {
    out.push({ kind: 'departure', code: 'departure', label: '偏离裁量基准', reason: '拟减轻处罚或者在裁量基准以外从重处罚' })
  }
  for (const code of f.manualFlags) {
    const flag = cat.manualFlags.find((x) => x.code === code)
    out.push({ kind: 'manual', code: `manual:${code}`, label: flag?.label ?? code, reason: flag?.description || '承办机构或者负责人标记' })
  }
  return out
}

/** 较大数额 or a heavy measure: the party must be told of the right to a hearing (行政处罚法第六十三条). */
export function hearingEligible(
  cat: MajorCatalogue,
  f: Pick<MajorFacts, 'partyKinds' | 'fine' | 'confiscation' | 'measures'>
): { eligible: boolean; reasons: string[] } {
  const who = thresholdSubject(f.partyKinds, cat.soleCountsAs)
  const reasons: string[] = []
  const at = cat.hearingThreshold[who]
  if (f.fine > 0 && f.fine >= at) reasons.push(`罚款${yuan(f.fine)}达到较大数额（${SUBJECT_LABEL[who]}${yuan(at)}以上）`)
  if (f.confiscation > 0 && f.confiscation >= at) reasons.push(`没收${yuan(f.confiscation)}达到较大数额`)
  for (const m of f.measures) if (HEARING_MEASURES.includes(m)) reasons.push(MEASURE_LABELS[m])
  return { eligible: reasons.length > 0, reasons }
}

export function discussionRequired(cat: MajorCatalogue, triggers: readonly Trigger[]): boolean {
  return triggers.some((t) => cat.discussionFor.includes(t.kind))
}

/** The catalogue as rows for publication (CSV / HTML), one row per item. */
export function catalogueRows(cat: MajorCatalogue): { no: number; item: string; standard: string; basis: string }[] {
  const rows: { item: string; standard: string; basis: string }[] = [
    {
      item: '较大数额罚款',
      standard: `对单位罚款${yuan(cat.fineThreshold.org)}以上，对个人罚款${yuan(cat.fineThreshold.person)}以上`,
      basis: '《中华人民共和国行政处罚法》第五十八条'
    },
    {
      item: '没收较大数额违法所得、非法财物',
      standard: `对单位${yuan(cat.confiscationThreshold.org)}以上，对个人${yuan(cat.confiscationThreshold.person)}以上`,
      basis: '《中华人民共和国行政处罚法》第五十八条'
    },
    ...cat.measures.map((m) => ({
      item: MEASURE_LABELS[m],
      standard: '拟作出该项决定的',
      basis: '《中华人民共和国行政处罚法》第五十八条'
    })),
    ...(cat.afterHearing
      ? [
          {
            item: '经过听证程序作出的行政处罚决定',
            standard: '直接关系当事人或者第三人重大权益，经过听证程序的',
            basis: '《中华人民共和国行政处罚法》第五十八条第一款第二项'
          }
        ]
      : []),
    ...(cat.benchmarkDeparture
      ? [
          {
            item: '偏离行政处罚裁量基准的决定',
            standard: '减轻处罚，或者在裁量基准以外从重处罚的',
            basis: '《中华人民共和国行政处罚法》第三十四条'
          }
        ]
      : []),
    ...cat.manualFlags.map((f) => ({
      item: f.label,
      standard: f.description || '经负责人确定的',
      basis: '《中华人民共和国行政处罚法》第五十八条'
    }))
  ]
  return rows.map((r, i) => ({ no: i + 1, ...r }))
}
