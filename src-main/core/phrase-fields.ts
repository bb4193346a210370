/**
 * The 规范用语 offered on a draft: which phrase categories each field of a document type offers (its own first,
 * then the document's general sentences, then general writing rules), and the values that fill a snippet's
 * placeholders from the case (当事人, 承办人, 日期 …). The document view carries both. Pure.
 */
import type { PhraseCategory } from './catalogue'
import type { TemplateField } from './templates'
import { chineseDate } from './dates'

const PHRASE_FIELD_TYPES: readonly string[] = ['text', 'textarea', 'citation', 'list']

const idsOf = (c: PhraseCategory) => [c.id, ...c.aliases]

/** The categories for one field, `own` (the field's) and `all` in the order the dialog lists them. */
export function fieldPhraseCategories(
  categories: readonly PhraseCategory[],
  docType: string,
  f: Pick<TemplateField, 'key' | 'phraseCategory'>
): { own: PhraseCategory[]; all: PhraseCategory[] } {
  const dt = docType as PhraseCategory['docTypes'][number]
  const named = f.phraseCategory ?? `${docType}.${f.key}`
  const own = categories.filter(
    (c) => idsOf(c).includes(named) || idsOf(c).includes(`${docType}.${f.key}`) || (c.field === f.key && c.docTypes.includes(dt))
  )
  const docLevel = categories.filter((c) => !own.includes(c) && c.field === null && c.docTypes.includes(dt))
  const general = categories.filter(
    (c) => !own.includes(c) && !docLevel.includes(c) && c.id.startsWith('general.') && c.docTypes.length === 0 && c.aliases.length === 0
  )
  return { own, all: [...own, ...docLevel, ...general] }
}

/**
 * Fields that offer phrases, each with the ids of its categories in order. A field offers them when it has its
 * own category; free text without one offers the document's sentences (拒签、宣告 …) on notes and long text.
 */
export function fieldPhrases(
  fields: readonly Pick<TemplateField, 'key' | 'type' | 'phraseCategory'>[],
  docType: string,
  categories: readonly PhraseCategory[]
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const f of fields) {
    if (!PHRASE_FIELD_TYPES.includes(f.type)) continue
    const { own, all } = fieldPhraseCategories(categories, docType, f)
    const offered = own.length > 0 || !!f.phraseCategory || (all.length > 0 && (f.type === 'textarea' || /note|remark|refus/i.test(f.key)))
    if (offered) out[f.key] = all.map((c) => c.id)
  }
  return out
}

/** What the prefill reads from the drafting context (drafting/context.ts buildContext). */
export interface PrefillSource {
  today: string
  party: { name?: string; kind?: string; address?: unknown }
  agency: { reconsiderationBody?: string; court?: string }
  officers: readonly { name: string }[]
  case: { cause: string }
}

/** Placeholder values of the phrase library ({当事人}, {日期} …) known from the case, the party and the agency. */
export function phrasePrefill(src: PrefillSource): Record<string, string> {
  const out: Record<string, string> = { 日期: chineseDate(src.today.slice(0, 10)) }
  const p = src.party
  if (p.name) {
    out['当事人'] = p.name
    if (p.kind !== 'person') out['单位名称'] = p.name
  }
  if (typeof p.address === 'string' && p.address) out['地点'] = p.address
  if (src.agency.reconsiderationBody !== undefined) out['复议机关'] = src.agency.reconsiderationBody
  if (src.agency.court !== undefined) out['人民法院'] = src.agency.court
  if (src.officers[0]) out['承办人1'] = src.officers[0].name
  if (src.officers[1]) out['承办人2'] = src.officers[1].name
  if (src.case.cause) out['违法行为'] = src.case.cause
  return out
}

/** The placeholders of one row of a list field ({序号}, {整改期限}), for a snippet inserted at row `row`. */
export function rowPrefill(rows: readonly Record<string, unknown>[], row: number): Record<string, string> {
  const out: Record<string, string> = { 序号: String(row + 1) }
  const deadline = rows[row]?.deadline
  if (typeof deadline === 'string' && deadline) out['整改期限'] = chineseDate(deadline.slice(0, 10))
  return out
}
