import { z } from 'zod'
import { OfferedDocumentSchema } from './service-receipt'
import { TemplateFieldSchema } from './templates'
import { DOC_GROUPS } from './document-actions'

export const FindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
  fix: z.string().optional()
})

export const GateProblemSchema = z.object({ code: z.string(), step: z.string(), message: z.string(), fix: z.string() })

export const DOCUMENT_STATUSES = ['draft', 'issued', 'voided'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { draft: '草稿', issued: '已签发', voided: '已作废' }

export const DocumentViewSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  type: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'issued', 'voided']),
  version: z.number().int(),
  supersedesId: z.number().int().nullable(),
  number: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  revision: z.number().int(),
  templateSha256: z.string().nullable(),
  docxSha256: z.string().nullable(),
  issuedAt: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedBy: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  findings: z.array(FindingSchema),
  /** for a decision: the procedural steps still missing before it may be issued (core/gates.ts) */
  gates: z.array(GateProblemSchema),
  canIssue: z.boolean(),
  /** the caller may edit this draft and issue it (the channel's roles and per-case rule, the seal) */
  mayEdit: z.boolean(),
  mayIssue: z.boolean(),
  /** an issued document may be voided; an issued or voided one corrected unless a correction is drafted (by this caller) */
  canVoid: z.boolean(),
  canCorrect: z.boolean(),
  revisions: z.number().int(),
  /** fields offering 规范用语, each with its phrase category ids in order (core/phrase-fields); drafts only */
  phrases: z.record(z.string(), z.array(z.string())),
  /** placeholder values known from the case for the phrase snippets (core/phrase-fields phrasePrefill); drafts only */
  prefill: z.record(z.string(), z.string()),
  /**
   * list fields whose rows are picked from the case's documents (a 送达回执's `documents`: its issued external
   * documents, core/service-receipt.ts), each choice saying whether the draft lists it; drafts only
   */
  choices: z.record(z.string(), z.array(OfferedDocumentSchema))
})

export const DocumentSummarySchema = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'issued', 'voided']),
  version: z.number().int(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  supersedesId: z.number().int().nullable(),
  updatedAt: z.string(),
  canVoid: z.boolean(),
  canCorrect: z.boolean()
})

export const TemplateSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  prefix: z.string().nullable(),
  external: z.boolean(),
  handSigned: z.boolean(),
  procedures: z.array(z.string()),
  fields: z.array(TemplateFieldSchema),
  custom: z.boolean(),
  /** the group of the type picker (core/document-actions documentGroup) */
  group: z.enum(DOC_GROUPS)
})
