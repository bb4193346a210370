/** The legal-basis picker and the phrase library (规范用语, 文书制作指引). */
import catalogueJson from '../../resources/violations/catalogue.json'
import standardLanguage from '../../resources/phrases/standard-language.json'
import draftingGuides from '../../resources/phrases/drafting-guides.json'
import { CatalogueSchema, categoriesFor, PhraseLibrarySchema, type Catalogue, type PhraseLibrary, type Violation } from '../core/catalogue'
import { appError } from '../core/errors'
import type { ServiceContext } from './context'

let cache: { catalogue: Catalogue; phrases: PhraseLibrary[] } | null = null
function data() {
  cache ??= {
    catalogue: CatalogueSchema.parse(catalogueJson),
    phrases: [PhraseLibrarySchema.parse(standardLanguage), PhraseLibrarySchema.parse(draftingGuides)]
  }
  return cache
}

export function findViolation(id: string): Violation | undefined {
  return data().catalogue.violations.find((v) => v.id === id)
}

export function basisListViolations(_ctx: ServiceContext, input: { q?: string | undefined }) {
  return violationViews(input.q)
}

/** The catalogue's violations matching a text (title, provisions, penalty), as the basis picker shows them. */
function violationViews(text: string | undefined) {
  const q = text?.trim()
  return data()
    .catalogue.violations.filter(
      (v) => !q || v.title.includes(q) || v.sentences.violated.includes(q) || v.sentences.basis.includes(q) || v.penalty.text.includes(q)
    )
    .map((v) => ({
      id: v.id,
      title: v.title,
      subject: v.subject,
      violatedProvision: v.sentences.violated.replace(/^违反了/, '').replace(/的规定$/, ''),
      penaltyBasis: v.sentences.basis.replace(/^依据/, '').replace(/的规定$/, ''),
      violatedText: v.violated.text,
      penaltyText: v.penalty.text,
      alsoPenalised: v.alsoPenalised,
      range: v.range,
      tiers: v.tiers,
      sentences: v.sentences,
      source: v.source
    }))
}

/** The statutory range and tiers for a violation, subject and stage: feeds the document checks. */
export function violationRange(
  id: string,
  subject: string,
  stage: string
): { range: { min: number; max: number }; tiers: { name: string; min: number; max: number }[] } | null {
  const v = findViolation(id)
  if (!v) return null
  const r =
    v.range.find((x) => x.subject === subject && x.stage === stage && x.unit === 'yuan') ??
    v.range.find((x) => x.stage === stage && x.unit === 'yuan')
  if (!r) return null
  const tiers = v.tiers.levels.flatMap((l) => {
    const f = l.fines.find((x) => x.subject === r.subject && x.stage === r.stage)
    return f ? [{ name: l.level, min: f.min, max: f.max }] : []
  })
  return { range: { min: r.min, max: r.max }, tiers }
}

export function basisGet(_ctx: ServiceContext, input: { id: string }) {
  const v = violationViews(undefined).find((x) => x.id === input.id)
  if (!v) throw appError('VIOLATION_NOT_FOUND', `违法行为目录中没有“${input.id}”`)
  return v
}

export function phrasesList(_ctx: ServiceContext, input: { docType: string; field?: string | undefined }) {
  return phraseCategories(input.docType, input.field)
}

/** The phrasing-guide categories for a document type (and field). */
export function phraseCategories(docType: string, field?: string) {
  return categoriesFor(data().phrases, docType, field)
}
