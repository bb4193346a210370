/**
 * Does a DOCX fit a document type? Every tag must name something the drafting context provides: a manifest
 * field (f.<key>), the document (doc.*), an autofill root, or — inside a loop — a column of the list being
 * looped over. Unknown tags, broken tag syntax and files that are not valid DOCX are refused.
 */
import { AUTOFILL_ROOTS, type TemplateType } from '../core/templates'
import { inspectTemplate, TemplateError } from './render'
import { parseTag } from './tags'

const PARTY_KEYS = [
  'name',
  'kind',
  'kindLabel',
  'isOrg',
  'isSole',
  'isPerson',
  'age',
  'creditCode',
  'address',
  'postcode',
  'legalRep',
  'legalRepPost',
  'phone',
  'licences',
  'idNumber',
  'sex',
  'birthDate',
  'employer',
  'post',
  'operatorIdNumber',
  'role'
]
const OFFICER_KEYS = ['name', 'certNo', 'unit', 'post', 'validUntil', 'active']

export interface TemplateReport {
  tags: string[]
  unknown: { tag: string; reason: string }[]
  /** required manifest fields the template never shows */
  unusedRequired: string[]
}

export function validateTemplate(type: TemplateType, bytes: Uint8Array): TemplateReport {
  const { tags, uses } = inspectTemplate(bytes) // throws TemplateError for broken files or syntax
  const fieldKeys = new Set(type.fields.map((f) => f.key))
  const listColumns = new Map(
    type.fields.filter((f) => f.type === 'list').map((f) => [`f.${f.key}`, new Set((f.item ?? []).map((i) => i.key))])
  )
  const unknown: { tag: string; reason: string }[] = []
  const used = new Set<string>()
  for (const { tag, loops } of uses) {
    const { path } = parseTag(tag)
    const [root, second] = path
    if (!root) continue
    if (root === '$n' || root === '$index') {
      if (!loops.length) unknown.push({ tag, reason: '序号只能用在循环内' })
      continue
    }
    if (root === 'f') {
      if (!second || !fieldKeys.has(second)) unknown.push({ tag, reason: `文书“${type.title}”没有字段“${second ?? ''}”` })
      else used.add(second)
      continue
    }
    if (root === 'doc') {
      if (second !== 'number' && second !== 'date') unknown.push({ tag, reason: 'doc 只有 number（文号）和 date（日期）' })
      continue
    }
    if ((AUTOFILL_ROOTS as readonly string[]).includes(root)) continue
    // a bare name inside a loop: a column of the list, or a party / officer key
    const inLoop = loops.some((l) => {
      const loopPath = parseTag(l).path.join('.')
      const cols = listColumns.get(loopPath)
      if (cols?.has(root)) return true
      if (loopPath === 'parties' || loopPath === 'party') return PARTY_KEYS.includes(root)
      if (loopPath === 'officers') return OFFICER_KEYS.includes(root)
      return false
    })
    if (!inLoop) unknown.push({ tag, reason: loops.length ? `循环“${loops.at(-1)}”中没有“${root}”` : `未知的标签“${tag}”` })
  }
  const unusedRequired = type.fields.filter((f) => f.required && !used.has(f.key)).map((f) => f.key)
  return { tags, unknown, unusedRequired }
}

export { TemplateError }
