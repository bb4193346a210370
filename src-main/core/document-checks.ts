/**
 * 文书规范性检查: rules every document is checked against on each save; errors block issuing. Pure.
 *
 * Field conventions the rules understand (template manifests use these keys):
 *   fine (money)                 the penalty amount in a notice or decision
 *   violatedProvision, penaltyBasis (citation)   违反条款 / 处罚依据
 *   facts, evidence              facts and the evidence list
 *   decisionDate, noticeDate     dates of the decision / notice (the decision gates use them: core/gates.ts)
 *   xxxStart / xxxEnd, start / end   a time range: the end must come after the start
 *   violationId, tier, departureReason  the legal-basis picker's choice, the benchmark tier and a written
 *                                reason for a fine outside it
 */
import type { TemplateType } from './templates'
import { certificateState } from './officer'
import { amountCapitals } from './formatters'
import { isIsoDate } from './dates'

export interface Finding {
  severity: 'error' | 'warning'
  /** field key, or null for the document as a whole */
  field: string | null
  rule: string
  message: string
  fix?: string
}

export interface CheckContext {
  today: string
  /** the document's own date (issue date, or today for a draft) */
  date: string
  agency: { name: string; address: string; reconsiderationBody: string; court: string; bankName: string; bankAccountNo: string } | null
  party: { name: string; address: string } | null
  officers: { name: string; certNo: string; validUntil: string; active: boolean }[]
  /** statutory range and tiers of the chosen violation, when the picker was used */
  violation?: { range: { min: number; max: number }; tiers: { name: string; min: number; max: number }[] } | null
}

const LAW_ABBREVIATIONS: [RegExp, string][] = [
  [/《安全生产法》/g, '《中华人民共和国安全生产法》'],
  [/《行政处罚法》/g, '《中华人民共和国行政处罚法》'],
  [/《行政强制法》/g, '《中华人民共和国行政强制法》'],
  [/《行政复议法》/g, '《中华人民共和国行政复议法》'],
  [/《行政诉讼法》/g, '《中华人民共和国行政诉讼法》'],
  [/《消防法》/g, '《中华人民共和国消防法》']
]

/** A citation in full form: 《…》第X条 (款 and 项 optional), numbers in Chinese numerals. */
export const CITATION =
  /^《[^》]{2,60}》第[一二三四五六七八九十百零]+条(第[一二三四五六七八九十]+款)?(第[（(]?[一二三四五六七八九十]+[）)]?项)?/

function empty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
}

function dateOf(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const d = v.slice(0, 10)
  return isIsoDate(d) ? v : null
}

export function checkDocument(type: TemplateType, fields: Record<string, unknown>, ctx: CheckContext): Finding[] {
  const out: Finding[] = []
  const add = (f: Finding) => out.push(f)
  const byKey = new Map(type.fields.map((f) => [f.key, f]))

  // a standard phrase's {{…}} left unfilled would print as it is (the phrase guides mark what to fill so)
  const placeholder = (text: unknown, where: string, key: string) => {
    const m = typeof text === 'string' ? /\{\{([^{}]*)\}\}/.exec(text) : null
    if (m)
      add({
        severity: 'error',
        field: key,
        rule: 'placeholder',
        message: `“${where}”中还有待填写的内容：{{${m[1]}}}`,
        fix: '把 {{…}} 换成实际内容'
      })
  }

  // required fields, list items and their required columns
  for (const f of type.fields) {
    const v = fields[f.key]
    if (f.type !== 'list') placeholder(v, f.label, f.key)
    if (f.required && empty(v)) add({ severity: 'error', field: f.key, rule: 'required', message: `请填写“${f.label}”` })
    if (f.type === 'list' && Array.isArray(v)) {
      v.forEach((item, i) => {
        for (const sub of f.item ?? []) {
          if (sub.required && empty((item as Record<string, unknown>)?.[sub.key])) {
            add({ severity: 'error', field: f.key, rule: 'required', message: `“${f.label}”第${i + 1}项缺少“${sub.label}”` })
          }
          const sv = (item as Record<string, unknown>)?.[sub.key]
          placeholder(sv, `${f.label}”第${i + 1}项的“${sub.label}`, f.key)
          if ((sub.type === 'date' || sub.type === 'datetime') && !empty(sv) && !dateOf(sv)) {
            add({ severity: 'error', field: f.key, rule: 'date', message: `“${f.label}”第${i + 1}项的“${sub.label}”不是有效日期` })
          }
        }
      })
    }
    if ((f.type === 'date' || f.type === 'datetime') && !empty(v) && !dateOf(v)) {
      add({ severity: 'error', field: f.key, rule: 'date', message: `“${f.label}”不是有效日期` })
    }
    if (f.type === 'money' && !empty(v)) {
      const n = Number(v)
      if (!Number.isFinite(n) || n < 0) add({ severity: 'error', field: f.key, rule: 'amount', message: `“${f.label}”应为不小于零的金额` })
      else if (Math.round(n * 100) !== n * 100)
        add({ severity: 'error', field: f.key, rule: 'amount', message: `“${f.label}”最多精确到分` })
    }
    if (f.type === 'citation' && !empty(v)) {
      const text = String(v)
      for (let at = text.indexOf('《'); at >= 0; at = text.indexOf('《', at + 1)) {
        const part = text.slice(at)
        if (!CITATION.test(part)) {
          add({
            severity: 'error',
            field: f.key,
            rule: 'citation',
            message: `“${f.label}”引用不规范：${part.slice(0, 40)}`,
            fix: '写明法律全称和条、款、项，如《中华人民共和国安全生产法》第二十八条第一款'
          })
        }
      }
      if (!String(v).includes('《'))
        add({
          severity: 'error',
          field: f.key,
          rule: 'citation',
          message: `“${f.label}”应写明法律名称（用书名号）`,
          fix: '如《中华人民共和国安全生产法》第二十八条第一款'
        })
    }
    // abbreviated law names anywhere in free text
    if (typeof v === 'string' && (f.type === 'text' || f.type === 'textarea' || f.type === 'citation')) {
      for (const [re, full] of LAW_ABBREVIATIONS) {
        if (re.test(v))
          add({ severity: 'error', field: f.key, rule: 'citation', message: `“${f.label}”使用了法律简称`, fix: `改为${full}` })
        re.lastIndex = 0
      }
      // amounts written out by hand: capitals and figures must agree
      for (const m of v.matchAll(/人民币([零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)[（(]¥?([\d,]+(?:\.\d{1,2})?)元?[）)]/g)) {
        const figure = Number(m[2]!.replace(/,/g, ''))
        if (amountCapitals(figure) !== m[1]) {
          add({
            severity: 'error',
            field: f.key,
            rule: 'amount',
            message: `“${f.label}”中的金额大写“${m[1]}”与小写“${m[2]}”不一致`,
            fix: `人民币${amountCapitals(figure)}（¥${m[2]}）`
          })
        }
      }
    }
  }

  // time ranges: xxxStart / xxxEnd and start / end
  for (const f of type.fields) {
    const m = /^(.*)(Start|start)$/.exec(f.key)
    if (!m) continue
    const endKey = m[1] + (m[2] === 'Start' ? 'End' : 'end')
    const a = dateOf(fields[f.key])
    const b = dateOf(fields[endKey])
    if (a && b && b <= a)
      add({ severity: 'error', field: endKey, rule: 'date-order', message: `“${byKey.get(endKey)?.label ?? endKey}”应晚于“${f.label}”` })
  }
  for (const f of type.fields) {
    const d = dateOf(fields[f.key])
    if ((f.type === 'date' || f.type === 'datetime') && d && d.slice(0, 10) > ctx.today && /Date$|^date$/.test(f.key)) {
      add({ severity: 'warning', field: f.key, rule: 'date-future', message: `“${f.label}”晚于今天` })
    }
  }

  // rule 1: two officers with valid certificates on the document's date
  const valid = ctx.officers.filter((o) => o.active && certificateState(o.validUntil, ctx.date).state !== 'expired')
  if (new Set(valid.map((o) => o.certNo)).size < 2) {
    add({
      severity: 'error',
      field: null,
      rule: 'officers',
      message: '执法人员不得少于两人，且执法证须在文书日期有效',
      fix: '在案件中指派两名以上持有效执法证的执法人员'
    })
  }

  // appeal bodies (行政复议法 2023 art. 24: the people's government at the same level)
  if (ctx.agency) {
    if (!/人民政府$/.test(ctx.agency.reconsiderationBody) || /上一级|或者/.test(ctx.agency.reconsiderationBody)) {
      add({
        severity: 'error',
        field: null,
        rule: 'appeal',
        message: `行政复议机关“${ctx.agency.reconsiderationBody}”不正确：应为本级人民政府`,
        fix: '在“设置 › 执法主体”中改为本级人民政府'
      })
    }
    if (!/法院$/.test(ctx.agency.court))
      add({ severity: 'error', field: null, rule: 'appeal', message: `管辖法院“${ctx.agency.court}”不正确`, fix: '填写人民法院全称' })
  } else {
    add({ severity: 'error', field: null, rule: 'agency', message: '尚未登记执法主体信息', fix: '在“设置 › 执法主体”中填写' })
  }

  const isDecision = type.id.startsWith('penalty_decision')
  const fine = empty(fields.fine) ? null : Number(fields.fine)

  // the fine inside the statutory range and the chosen tier (departures need a written reason)
  if (fine !== null && ctx.violation) {
    const { range, tiers } = ctx.violation
    if (fine < range.min || fine > range.max) {
      add({ severity: 'error', field: 'fine', rule: 'fine-range', message: `罚款${fine}元超出法定幅度（${range.min}–${range.max}元）` })
    }
    const tier = tiers.find((t) => t.name === fields.tier)
    if (tier && (fine < tier.min || fine > tier.max) && empty(fields.departureReason)) {
      add({
        severity: 'error',
        field: 'departureReason',
        rule: 'fine-tier',
        message: `罚款${fine}元不在“${tier.name}”档（${tier.min}–${tier.max}元）内，须写明理由`,
        fix: '填写“偏离裁量基准的理由”，并提交法制审核'
      })
    }
  }

  if (isDecision) {
    // rule 4 (not heavier than the notice) and the statement / hearing windows are decision gates: core/gates.ts
    // art. 59 elements
    const missing: string[] = []
    if (!ctx.party?.name) missing.push('当事人姓名或者名称')
    if (!ctx.party?.address) missing.push('当事人地址')
    if (empty(fields.facts)) missing.push('违法事实')
    if (empty(fields.evidence)) missing.push('证据')
    if (empty(fields.violatedProvision) || empty(fields.penaltyBasis)) missing.push('行政处罚的种类和依据')
    // the decision's 处罚内容 is its penalty text (`penalty`: 警告, the fine in words…) or, failing that, a fine
    if (empty(fields.penalty) && fine === null) missing.push('处罚内容')
    if (fine && fine > 0 && (!ctx.agency?.bankName || !ctx.agency?.bankAccountNo)) missing.push('罚款缴纳方式（收缴银行和账号）')
    if (!ctx.agency?.reconsiderationBody || !ctx.agency?.court) missing.push('申请行政复议、提起行政诉讼的途径和期限')
    if (missing.length) {
      add({
        severity: 'error',
        field: null,
        rule: 'art59',
        message: `行政处罚决定书缺少法定内容：${missing.join('、')}（行政处罚法第五十九条）`
      })
    }
  }
  return out
}
