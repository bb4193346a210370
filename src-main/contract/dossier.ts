/** Evidence, the dossier (案卷) and its export and archiving, background jobs, signing and verification. */
import { z } from 'zod'
import { EVIDENCE_TYPES } from '../core/files'
import { DossierViewSchema, EvidenceSchema } from '../core/dossier-views'
import { AppErrorSchema, idInput, type ChannelMap } from './shared'

const JobStateSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.string(),
  done: z.number(),
  total: z.number(),
  item: z.string().optional(),
  result: z.unknown().optional(),
  error: AppErrorSchema.optional(),
  startedAt: z.string(),
  endedAt: z.string().optional()
})

const DnSchema = z.object({ commonName: z.string(), organization: z.string(), text: z.string() })
const SigningInfoSchema = z.object({
  configured: z.boolean(),
  test: z.boolean(),
  subject: DnSchema.optional(),
  issuer: DnSchema.optional(),
  notAfter: z.string().optional(),
  fingerprintSha256: z.string().optional()
})

export const dossierChannels = {
  'evidence.add': {
    input: z
      .object({
        caseId: z.number().int().positive(),
        kind: z.enum(['evidence', 'scan', 'av']),
        evidenceType: z.enum(EVIDENCE_TYPES, { message: '证据种类应为行政处罚法第四十六条规定的八类之一' }).optional(),
        description: z.string().trim().min(2, { message: '请填写证据名称或说明' }).max(500),
        source: z.string().trim().max(200).default(''),
        collector: z.string().trim().max(100).default(''),
        collectedAt: z.string().trim().max(30).optional(),
        place: z.string().trim().max(200).default(''),
        documentId: z.number().int().positive().optional(),
        fileName: z.string().trim().min(1).max(255),
        base64: z.string().min(1, { message: '请选择文件' })
      })
      .refine((v) => v.kind !== 'evidence' || v.evidenceType !== undefined, { message: '请选择证据种类', path: ['evidenceType'] }),
    output: EvidenceSchema
  },
  'evidence.list': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: z.array(EvidenceSchema) },
  'evidence.file': { input: idInput, output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }) },
  'dossiers.show': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: DossierViewSchema },
  'dossiers.reorder': {
    input: z.object({ caseId: z.number().int().positive(), order: z.array(z.string()).min(1) }),
    output: DossierViewSchema
  },
  'dossiers.export': {
    input: z.object({
      caseId: z.number().int().positive(),
      sign: z.boolean().default(true),
      /** the certificate password, used for this export only */
      password: z.string().optional(),
      outPath: z.string().optional()
    }),
    output: JobStateSchema
  },
  'dossiers.archive': {
    input: z.object({
      caseId: z.number().int().positive(),
      outDir: z.string().trim().min(1, { message: '请选择归档包存放位置' }),
      password: z.string().optional()
    }),
    output: JobStateSchema
  },
  'jobs.get': { input: z.object({ jobId: z.string() }), output: JobStateSchema },
  'jobs.cancel': { input: z.object({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
  'jobs.file': { input: z.object({ jobId: z.string() }), output: z.object({ fileName: z.string(), base64: z.string() }) },
  'dossiers.verify': {
    input: z.object({ path: z.string().trim().min(1), expectedFingerprintSha256: z.string().optional() }),
    output: z.object({
      ok: z.boolean(),
      kind: z.enum(['bundle', 'package']),
      problems: z.array(z.string()),
      checked: z.number().int(),
      signature: z.unknown()
    })
  },
  'signing.info': { input: z.object({}), output: SigningInfoSchema },
  'signing.import': { input: z.object({ base64: z.string().min(1), password: z.string() }), output: SigningInfoSchema },
  'signing.createTest': { input: z.object({}), output: SigningInfoSchema }
} as const satisfies ChannelMap
