/** Documents (文书): templates, drafting, checks, issuing and corrections; the legal-basis picker and phrases. */
import { z } from 'zod'
import { isoDateField } from '../core/officer'
import { PhraseCategorySchema, ViolationSchema } from '../core/catalogue'
import { DocumentSummarySchema, DocumentViewSchema, FindingSchema, TemplateSummarySchema } from '../core/document-views'
import { idInput, type ChannelMap } from './shared'

/** One entry of the legal-basis picker: the violation with its citations ready to insert. */
const BasisEntrySchema = ViolationSchema.pick({
  id: true,
  title: true,
  subject: true,
  alsoPenalised: true,
  range: true,
  tiers: true,
  sentences: true,
  source: true
}).extend({
  violatedProvision: z.string(),
  penaltyBasis: z.string(),
  violatedText: z.string(),
  penaltyText: z.string()
})

/** the documents a 送达回执 covers, by id, picked from the case's issued documents */
const servesField = z.array(z.number().int().positive()).max(50).optional()

export const documentsChannels = {
  'templates.list': { input: z.object({}), output: z.array(TemplateSummarySchema) },
  'documents.create': {
    input: z.object({
      caseId: z.number().int().positive(),
      type: z.string().min(1, { message: '请选择文书类型' }),
      fields: z.record(z.string(), z.unknown()).optional(),
      /** a 送达回执: the ids of the issued documents it serves (the view's `choices`), filling its `documents` */
      serves: servesField
    }),
    output: DocumentViewSchema
  },
  'documents.save': {
    input: idInput.extend({ revision: z.number().int().min(1), fields: z.record(z.string(), z.unknown()), serves: servesField }),
    output: DocumentViewSchema
  },
  'documents.get': { input: idInput, output: DocumentViewSchema },
  'documents.list': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: z.array(DocumentSummarySchema) },
  'documents.check': { input: idInput, output: z.array(FindingSchema) },
  'documents.file': { input: idInput, output: z.object({ fileName: z.string(), base64: z.string(), issued: z.boolean() }) },
  'documents.issue': { input: idInput.extend({ issuedOn: isoDateField('签发日期').optional() }), output: DocumentViewSchema },
  'documents.void': {
    input: idInput.extend({ reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(500) }),
    output: DocumentViewSchema
  },
  'documents.correct': { input: idInput, output: DocumentViewSchema },
  'templates.inspect': {
    input: z.object({ type: z.string(), base64: z.string().min(1, { message: '请选择文件' }) }),
    output: z.object({
      tags: z.array(z.string()),
      unknown: z.array(z.object({ tag: z.string(), reason: z.string() })),
      unusedRequired: z.array(z.string()),
      acceptable: z.boolean()
    })
  },
  'templates.import': {
    input: z.object({
      type: z.string(),
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1, { message: '请选择文件' })
    }),
    output: z.object({
      type: z.string(),
      sha256: z.string(),
      tags: z.array(z.string()),
      unknown: z.array(z.object({ tag: z.string(), reason: z.string() })),
      unusedRequired: z.array(z.string()),
      acceptable: z.boolean()
    })
  },
  'templates.reset': { input: z.object({ type: z.string() }), output: z.object({ type: z.string() }) },
  'templates.file': {
    input: z.object({ type: z.string() }),
    output: z.object({ fileName: z.string(), base64: z.string(), custom: z.boolean() })
  },
  'basis.listViolations': { input: z.object({ q: z.string().trim().max(100).optional() }), output: z.array(BasisEntrySchema) },
  'basis.get': { input: z.object({ id: z.string() }), output: BasisEntrySchema },
  'phrases.list': {
    input: z.object({ docType: z.string(), field: z.string().optional() }),
    output: z.array(PhraseCategorySchema)
  }
} as const satisfies ChannelMap
