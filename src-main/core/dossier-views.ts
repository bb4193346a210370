import { z } from 'zod'
import { CASE_STATUSES } from './case'
import { ORDER_SCHEMES } from './dossier'

export const EvidenceSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  kind: z.enum(['evidence', 'scan', 'av']),
  evidenceType: z.string().nullable(),
  description: z.string(),
  source: z.string(),
  collector: z.string(),
  collectedAt: z.string().nullable(),
  place: z.string(),
  documentId: z.number().int().nullable(),
  sha256: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string()
})

export const DossierViewSchema = z.object({
  caseId: z.number().int(),
  caseName: z.string(),
  caseNumber: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  scheme: z.enum(ORDER_SCHEMES),
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['document', 'evidence', 'av']),
      title: z.string(),
      number: z.string(),
      date: z.string(),
      documentId: z.number().int().nullable(),
      evidenceId: z.number().int().nullable(),
      scanEvidenceId: z.number().int().nullable(),
      paginated: z.boolean(),
      slot: z.number(),
      remarks: z.string()
    })
  ),
  completeness: z.object({
    complete: z.boolean(),
    missing: z.array(
      z.object({ code: z.string(), message: z.string(), type: z.string().optional(), documentId: z.number().int().optional() })
    ),
    warnings: z.array(z.string())
  }),
  review: z.object({
    veto: z.array(z.string()),
    items: z.array(z.object({ criterion: z.string(), max: z.number(), score: z.number(), note: z.string() })),
    score: z.number(),
    grade: z.enum(['优秀', '良好', '合格', '不合格'])
  }),
  /** the contents may be archived: complete and without a veto item (archiving also needs a closed, unsealed case) */
  archiveReady: z.boolean(),
  record: z
    .object({
      archiveNumber: z.string().nullable(),
      retention: z.string().nullable(),
      archivedOn: z.string().nullable(),
      locked: z.boolean(),
      compiler: z.string(),
      checker: z.string(),
      bundleSha256: z.string().nullable()
    })
    .nullable()
})

/** What a finished `dossiers.export` job returns (its JobState.result). */
export const BundleResultSchema = z.object({
  path: z.string(),
  items: z.number().int(),
  contentPages: z.number().int(),
  totalPages: z.number().int(),
  bytes: z.number().int()
})

/** What a finished `dossiers.archive` job returns (its JobState.result). */
export const ArchiveResultSchema = z.object({
  outDir: z.string(),
  archiveNumber: z.string(),
  retention: z.string(),
  archivedOn: z.string(),
  bundleSha256: z.string(),
  pages: z.number().int(),
  files: z.number().int()
})
