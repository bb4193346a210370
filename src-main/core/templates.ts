/**
 * The template catalogue (templates/manifest.json): one entry per enforcement-document type. The DOCX file
 * holds the layout; the manifest says what each tag means, where its value comes from and what a valid
 * document needs. Pure.
 *
 * Tag language (docxtemplater with a restricted expression parser):
 *   {agency.name}  {case.number}  {party.name}       values from the autofill context (see AUTOFILL_ROOTS)
 *   {f.inspectionPlace}                              a form field entered by the clerk (manifest `fields`)
 *   {#f.problems}{$index}. {text}（{deadline | cnDate}前）{/f.problems}   loops over list fields
 *   {#party.isOrg}…{/party.isOrg}  {^party.isOrg}…{/party.isOrg}          conditions
 *   {f.fine | amountCn}  {f.decisionDate | cnDate}  {f.start | cnDateTime}  formatters (FORMATTERS)
 *   {doc.number}                                     the document number, assigned when issued
 */
import { z } from 'zod'

export const FIELD_TYPES = ['text', 'textarea', 'date', 'datetime', 'money', 'number', 'boolean', 'select', 'list', 'citation'] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** Roots of the autofill context a template may use besides `f` (form fields) and `doc`. */
export const AUTOFILL_ROOTS = [
  'agency',
  'case',
  'party',
  'parties',
  'officers',
  'today',
  'deadlines',
  'hearing',
  'review',
  'discussion'
] as const

/** Formatters usable after `|` in a tag. */
export const FORMATTERS = [
  'cnDate',
  'cnDateTime',
  'amountCn',
  'amountFig',
  'amount',
  'upper',
  'maskId',
  'join',
  'checkbox',
  'default',
  'lead'
] as const

const SubFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: z.string().min(1),
  type: z.enum(['text', 'textarea', 'date', 'datetime', 'money', 'number', 'boolean', 'select']),
  required: z.boolean().default(false),
  options: z.array(z.string()).optional()
})

export const TemplateFieldSchema = z.object({
  /** tag name under `f.` */
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: '字段名只能包含字母和数字' }),
  label: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  /** a dotted path into the autofill context, copied into the field when a draft is created */
  autofill: z.string().optional(),
  /** resources/phrases: category offering standard sentences for this field */
  phraseCategory: z.string().optional(),
  /** one line of guidance shown next to the field (the full guide lives in resources/phrases) */
  hint: z.string().optional(),
  options: z.array(z.string()).optional(),
  /** for list fields: the columns of one item */
  item: z.array(SubFieldSchema).optional(),
  /** show only when another field or context flag is truthy, e.g. "party.isOrg" or "f.hearingEligible" */
  when: z.string().optional()
})
export type TemplateField = z.output<typeof TemplateFieldSchema>

export const TemplateTypeSchema = z.object({
  /** stable id, also the file stem: templates/<id>.docx */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string().min(2),
  /** 文书代字: （{简称}）应急{prefix}〔{YYYY}〕{N}号; null for forms that carry no number */
  prefix: z.string().nullable(),
  /** position in the standard dossier order (DOMAIN.md §3.2), used by dossier assembly */
  dossierSlot: z.number().int().min(1),
  /** handed or served to the party: needs a service receipt in the dossier */
  external: z.boolean(),
  /** needs handwritten signatures: a signed scan belongs in the dossier */
  handSigned: z.boolean(),
  /** which procedures use it */
  procedures: z.array(z.enum(['summary', 'general', 'inspection'])).min(1),
  /** copy-count footer line */
  copies: z.string(),
  fields: z.array(TemplateFieldSchema)
})
export type TemplateType = z.output<typeof TemplateTypeSchema>

export const ManifestSchema = z
  .object({
    version: z.number().int().min(1),
    /** header line printed above the title on every form */
    header: z.string(),
    types: z.array(TemplateTypeSchema).min(1)
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>()
    m.types.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['types', i, 'id'], message: `重复的文书类型 ${t.id}` })
      ids.add(t.id)
      const keys = new Set<string>()
      t.fields.forEach((f, j) => {
        if (keys.has(f.key))
          ctx.addIssue({ code: 'custom', path: ['types', i, 'fields', j, 'key'], message: `${t.id} 中字段 ${f.key} 重复` })
        keys.add(f.key)
        if (f.type === 'list' && !f.item?.length)
          ctx.addIssue({ code: 'custom', path: ['types', i, 'fields', j], message: `列表字段 ${f.key} 须定义 item` })
        if (f.type === 'select' && !f.options?.length)
          ctx.addIssue({ code: 'custom', path: ['types', i, 'fields', j], message: `选择字段 ${f.key} 须定义 options` })
      })
    })
  })
export type Manifest = z.output<typeof ManifestSchema>

/** The number of an issued document: （江）应急责改〔2026〕3号 */
export function formatDocumentNumber(shortName: string, prefix: string, year: number, serial: number): string {
  return `（${shortName}）应急${prefix}〔${year}〕${serial}号`
}

/**
 * What a draft may hold for a type: only the manifest's fields, each of its type; everything optional
 * (a draft may be incomplete — the document checks say what is missing).
 */
export function draftFieldsSchema(type: TemplateType) {
  const scalar = (t: string) => {
    switch (t) {
      case 'money':
      case 'number':
        return z.union([z.number(), z.literal('')]).nullable()
      case 'boolean':
        return z.boolean().nullable()
      default:
        return z.string().max(50_000).nullable()
    }
  }
  const shape: Record<string, z.ZodType> = {}
  for (const f of type.fields) {
    if (f.type === 'list') {
      const item: Record<string, z.ZodType> = {}
      for (const sub of f.item ?? []) item[sub.key] = scalar(sub.type).optional()
      shape[f.key] = z.array(z.object(item).strict()).max(500).optional()
    } else {
      shape[f.key] = scalar(f.type).optional()
    }
  }
  return z.object(shape).strict()
}

/** An empty value of a field's type, for a new draft. */
export function emptyValue(f: TemplateField): unknown {
  if (f.type === 'list') return []
  if (f.type === 'boolean') return false
  if (f.type === 'money' || f.type === 'number') return ''
  return ''
}
