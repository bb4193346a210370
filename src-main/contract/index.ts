/**
 * The one contract between the UI and the main side. A channel is declared here and nowhere else:
 * the Electron IPC binding, the browser harness routes, the CLI's service calls and the renderer client
 * are all derived from this object.
 */
import { z } from 'zod'
import { AgencyInputSchema, AgencySchema } from '../core/agency'
import { OfficerInputSchema, OfficerPatchSchema, OfficerSchema } from '../core/officer'
import { ActivitySchema, ChainReportSchema } from '../core/activity'
import { isoDateField } from '../core/officer'
import { PartyInputSchema, PartySchema, PARTY_KINDS } from '../core/party'
import {
  CaseDetailSchema,
  CaseEventInputSchema,
  CaseFileSchema,
  CaseListSchema,
  CaseRegisterSchema,
  CaseSummarySchema,
  CaseTransitionSchema,
  DeadlineViewSchema
} from '../core/case-views'
import { CASE_STATUSES } from '../core/case'
import { DeadlineRuleSchema } from '../core/deadlines'
import { PhraseCategorySchema, ViolationSchema } from '../core/catalogue'
import { EVIDENCE_TYPES } from '../core/files'
import { DossierViewSchema, EvidenceSchema } from '../core/dossier-views'
import { DocumentSummarySchema, DocumentViewSchema, FindingSchema, TemplateSummarySchema } from '../core/document-views'
import {
  CatalogueViewSchema,
  PublicityViewSchema,
  ReviewInputs,
  TIMELINE_FORMATS,
  TIMELINE_KINDS,
  ReviewQueueItemSchema,
  ReviewRoundSchema,
  ReviewShowSchema,
  TimelineSchema
} from '../core/review-views'
import { MajorCatalogueSchema } from '../core/major-decision'
import { PUBLICITY_STATUSES, PublicityPolicySchema } from '../core/publicity'

z.config(z.locales.zhCN())

const JobStateSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.string(),
  done: z.number(),
  total: z.number(),
  item: z.string().optional(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
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

const idInput = z.object({ id: z.coerce.number().int().positive({ message: '编号应为正整数' }) })

const ExportFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  content: z.string()
})

export const contract = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      home: z.string(),
      schemaVersion: z.number().int(),
      today: z.string(),
      agencyConfigured: z.boolean(),
      officerCount: z.number().int(),
      isEmpty: z.boolean(),
      expiryWarningDays: z.number().int()
    })
  },
  'agency.get': { input: z.object({}), output: AgencySchema.nullable() },
  'agency.set': { input: AgencyInputSchema, output: AgencySchema },
  'officers.list': {
    input: z.object({
      includeInactive: z.boolean().default(false),
      /** compute expiry states as of this date (default: today) */
      asOf: isoDateField('查询日期').optional()
    }),
    output: z.array(OfficerSchema)
  },
  'officers.get': { input: idInput, output: OfficerSchema },
  'officers.add': { input: OfficerInputSchema, output: OfficerSchema },
  'officers.edit': { input: idInput.extend({ patch: OfficerPatchSchema }), output: OfficerSchema },
  'officers.deactivate': {
    input: idInput.extend({ reason: z.string().trim().max(200).default('') }),
    output: OfficerSchema
  },
  'officers.reactivate': { input: idInput, output: OfficerSchema },
  'lists.render': {
    input: z.object({}),
    output: z.object({
      files: z.array(ExportFileSchema),
      /** officers left off the public list, and why */
      omitted: z.array(z.object({ name: z.string(), reason: z.string() }))
    })
  },
  'lists.export': {
    input: z.object({ outDir: z.string().trim().min(1, { message: '请选择导出目录' }) }),
    output: z.object({ files: z.array(z.string()) })
  },
  'audit.verify': { input: z.object({}), output: ChainReportSchema },
  'audit.list': {
    input: z.object({
      targetType: z.string().optional(),
      targetId: z.string().optional(),
      limit: z.number().int().min(1).max(1000).default(100)
    }),
    output: z.array(ActivitySchema)
  },
  'demo.load': {
    input: z.object({ cases: z.number().int().min(0).max(5000).default(220) }),
    output: z.object({ officers: z.number().int(), agency: z.boolean(), parties: z.number().int(), cases: z.number().int() })
  },

  'parties.list': {
    input: z.object({
      q: z.string().trim().max(100).optional(),
      kind: z.enum(PARTY_KINDS).optional(),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    output: z.array(PartySchema)
  },
  'parties.get': { input: idInput, output: PartySchema },
  'parties.add': { input: PartyInputSchema, output: PartySchema },
  'parties.edit': { input: idInput.extend({ data: PartyInputSchema }), output: PartySchema },
  'parties.findDuplicate': {
    input: z.object({ creditCode: z.string().optional(), idNumber: z.string().optional() }),
    output: PartySchema.nullable()
  },

  'cases.register': { input: CaseRegisterSchema, output: CaseDetailSchema },
  'cases.file': { input: CaseFileSchema, output: CaseDetailSchema },
  'cases.registerAndFile': {
    input: z.object({ register: CaseRegisterSchema, filedOn: isoDateField('立案日期') }),
    output: CaseDetailSchema
  },
  'cases.transition': { input: CaseTransitionSchema, output: CaseDetailSchema },
  'cases.setFlag': {
    input: idInput.extend({
      flag: z.enum(['extended', 'suspended']),
      on: z.boolean(),
      reason: z.string().trim().min(1, { message: '请填写原因' }).max(500),
      /** the day the suspension starts or ends (default today) */
      date: isoDateField('日期').optional()
    }),
    output: CaseDetailSchema
  },
  'cases.recordEvent': { input: CaseEventInputSchema, output: CaseDetailSchema },
  'cases.get': {
    input: z.object({ ref: z.coerce.string().trim().min(1, { message: '请提供案件编号或立案号' }) }),
    output: CaseDetailSchema
  },
  'cases.list': { input: CaseListSchema, output: z.object({ total: z.number().int(), items: z.array(CaseSummarySchema) }) },
  'cases.search': {
    input: z.object({
      q: z.string().trim().min(1, { message: '请输入搜索内容' }).max(100),
      limit: z.number().int().min(1).max(200).default(50)
    }),
    output: z.array(CaseSummarySchema)
  },

  'deadlines.list': {
    input: z.object({
      dueWithinDays: z.number().int().min(0).max(3650).optional(),
      officerId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(2000).default(200)
    }),
    output: z.array(
      DeadlineViewSchema.extend({ caseName: z.string(), caseNumber: z.string().nullable(), caseStatus: z.enum(CASE_STATUSES) })
    )
  },
  'deadlines.adjust': {
    input: z.object({
      caseId: z.number().int().positive(),
      adjustment: z.discriminatedUnion('kind', [
        z.object({
          code: z.string(),
          kind: z.literal('extension'),
          length: z.number().int().min(1).max(365),
          reason: z.string().trim().min(1, { message: '请填写延期理由' }),
          approvedBy: z.string().trim().min(1, { message: '请填写批准人' })
        }),
        z.object({
          code: z.string(),
          kind: z.literal('exclusion'),
          from: isoDateField('开始日期'),
          to: isoDateField('结束日期'),
          reason: z.string().trim().min(1, { message: '请填写扣除理由（如听证、检测、鉴定、公告）' })
        })
      ])
    }),
    output: CaseDetailSchema
  },
  'deadlines.rules': {
    input: z.object({}),
    output: z.object({ version: z.number().int(), name: z.string(), rules: z.array(DeadlineRuleSchema), createdAt: z.string() })
  },
  'deadlines.setRules': {
    input: z.object({ name: z.string().trim().min(1), rules: z.array(DeadlineRuleSchema), recomputeOpen: z.boolean().default(true) }),
    output: z.object({ version: z.number().int(), recomputed: z.number().int() })
  },

  'calendar.years': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      years: z.array(
        z.object({
          year: z.number().int(),
          restDays: z.number().int(),
          makeupWorkdays: z.number().int(),
          source: z.string(),
          version: z.string(),
          importedAt: z.string(),
          importedBy: z.string()
        })
      )
    })
  },
  'calendar.import': {
    input: z.object({ text: z.string().min(1, { message: '请提供日历内容' }).max(200_000), replace: z.boolean().default(false) }),
    output: z.object({
      year: z.number().int(),
      version: z.string(),
      restDays: z.number().int(),
      makeupWorkdays: z.number().int(),
      replaced: z.boolean()
    })
  },
  'calendar.preview': {
    input: z.object({ start: isoDateField('起算日期'), length: z.number().int().min(0).max(3650), unit: z.enum(['WD', 'CD', 'months']) }),
    output: z.object({
      due: z.string(),
      verified: z.boolean(),
      unverifiedYears: z.array(z.number().int()),
      calendarVersion: z.string(),
      rolledFrom: z.string().optional()
    })
  },

  'templates.list': { input: z.object({}), output: z.array(TemplateSummarySchema) },
  'documents.create': {
    input: z.object({
      caseId: z.number().int().positive(),
      type: z.string().min(1, { message: '请选择文书类型' }),
      fields: z.record(z.string(), z.unknown()).optional()
    }),
    output: DocumentViewSchema
  },
  'documents.save': {
    input: idInput.extend({ revision: z.number().int().min(1), fields: z.record(z.string(), z.unknown()) }),
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
  'basis.violations': { input: z.object({ q: z.string().trim().max(100).optional() }), output: z.array(BasisEntrySchema) },
  'basis.get': { input: z.object({ id: z.string() }), output: BasisEntrySchema },
  'phrases.for': {
    input: z.object({ docType: z.string(), field: z.string().optional() }),
    output: z.array(PhraseCategorySchema)
  },

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
  'dossier.show': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: DossierViewSchema },
  'dossier.reorder': {
    input: z.object({ caseId: z.number().int().positive(), order: z.array(z.string()).min(1) }),
    output: DossierViewSchema
  },

  'dossier.export': {
    input: z.object({
      caseId: z.number().int().positive(),
      sign: z.boolean().default(true),
      /** the certificate password, used for this export only */
      password: z.string().optional(),
      outPath: z.string().optional()
    }),
    output: JobStateSchema
  },
  'dossier.archive': {
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
  'verify.path': {
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
  'signing.createTest': { input: z.object({}), output: SigningInfoSchema },

  'review.catalogue': { input: z.object({}), output: CatalogueViewSchema },
  'review.setCatalogue': { input: MajorCatalogueSchema, output: CatalogueViewSchema },
  'review.renderCatalogue': { input: z.object({}), output: z.object({ files: z.array(ExportFileSchema) }) },
  'review.exportCatalogue': {
    input: z.object({ outDir: z.string().trim().min(1, { message: '请选择导出目录' }) }),
    output: z.object({ files: z.array(z.string()) })
  },
  'review.show': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: ReviewShowSchema },
  'review.setProfile': { input: ReviewInputs.profile, output: ReviewShowSchema },
  'review.submit': { input: ReviewInputs.submit, output: ReviewRoundSchema },
  'review.decide': { input: ReviewInputs.decide, output: ReviewRoundSchema },
  'review.respond': { input: ReviewInputs.respond, output: ReviewRoundSchema },
  'review.coordinate': { input: ReviewInputs.coordinate, output: ReviewRoundSchema },
  'review.queue': { input: z.object({ reviewerId: z.number().int().positive().optional() }), output: z.array(ReviewQueueItemSchema) },
  'hearing.request': { input: ReviewInputs.hearingRequest, output: ReviewShowSchema },
  'hearing.schedule': { input: ReviewInputs.hearingSchedule, output: ReviewShowSchema },
  'hearing.hold': { input: ReviewInputs.hearingHold, output: ReviewShowSchema },
  'rights.waive': { input: ReviewInputs.waive, output: ReviewShowSchema },
  'discussion.record': { input: ReviewInputs.discussion, output: ReviewShowSchema },

  'publicity.policy': { input: z.object({}), output: PublicityPolicySchema },
  'publicity.setPolicy': { input: PublicityPolicySchema, output: PublicityPolicySchema },
  'publicity.build': { input: ReviewInputs.publicityBuild, output: PublicityViewSchema },
  'publicity.publish': { input: ReviewInputs.publicityPublish, output: PublicityViewSchema },
  'publicity.withdraw': { input: ReviewInputs.publicityWithdraw, output: PublicityViewSchema },
  'publicity.decisionChanged': { input: ReviewInputs.decisionChanged, output: z.array(PublicityViewSchema) },
  'publicity.list': {
    input: z.object({
      caseId: z.coerce.number().int().positive().optional(),
      status: z.enum(PUBLICITY_STATUSES).optional(),
      limit: z.number().int().min(1).max(5000).default(200)
    }),
    output: z.array(PublicityViewSchema)
  },
  'publicity.get': { input: idInput, output: PublicityViewSchema },
  'publicity.render': { input: z.object({}), output: z.object({ count: z.number().int(), files: z.array(ExportFileSchema) }) },
  'publicity.export': {
    input: z.object({ outDir: z.string().trim().min(1, { message: '请选择导出目录' }) }),
    output: z.object({ count: z.number().int(), files: z.array(z.string()) })
  },

  'timeline.show': {
    input: z.object({
      caseId: z.coerce.number().int().positive(),
      kinds: z.array(z.enum(TIMELINE_KINDS)).optional(),
      actor: z.string().optional(),
      q: z.string().trim().max(100).optional(),
      from: isoDateField('开始日期').optional(),
      to: isoDateField('结束日期').optional()
    }),
    output: TimelineSchema
  },
  'timeline.export': {
    input: z.object({ caseId: z.coerce.number().int().positive(), format: z.enum(TIMELINE_FORMATS).default('csv') }),
    output: ExportFileSchema
  },

  'workbench.summary': {
    input: z.object({ officerId: z.number().int().positive().optional() }),
    output: z.object({
      today: z.string(),
      counts: z.record(z.string(), z.number().int()),
      myCounts: z.record(z.string(), z.number().int()).nullable(),
      openCases: z.number().int(),
      deadlines: z.object({
        overdue: z.array(
          DeadlineViewSchema.extend({ caseName: z.string(), caseNumber: z.string().nullable(), caseStatus: z.enum(CASE_STATUSES) })
        ),
        due1: z.array(
          DeadlineViewSchema.extend({ caseName: z.string(), caseNumber: z.string().nullable(), caseStatus: z.enum(CASE_STATUSES) })
        ),
        due3: z.array(
          DeadlineViewSchema.extend({ caseName: z.string(), caseNumber: z.string().nullable(), caseStatus: z.enum(CASE_STATUSES) })
        )
      }),
      myCases: z.array(CaseSummarySchema)
    })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Events pushed from the main side to the UI (SSE in the harness, webContents.send in Electron). */
export const EventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), area: z.string(), action: z.string() }),
  z.object({ type: z.literal('job.done'), jobId: z.string(), status: z.enum(['done', 'failed', 'cancelled']) }),
  z.object({
    type: z.literal('job.progress'),
    jobId: z.string(),
    stage: z.string(),
    done: z.number(),
    total: z.number(),
    item: z.string().optional()
  })
])
export type AppEvent = z.output<typeof EventSchema>

/** What the Electron preload exposes as window.casebinder (the renderer's client uses it when present). */
export interface CaseBinderBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
  /** native "save as" dialog, then an atomic write on the main side; null when cancelled.
   *  With `{ base64: true }` the content is base64 and written as bytes (DOCX, PDF). */
  saveFile(suggestedName: string, content: string, options?: { base64?: boolean }): Promise<string | null>
  /** write a base64 file to a temp folder and open it with the system's program (Word / WPS); the path, or null */
  openFile(fileName: string, base64: string): Promise<string | null>
  platform: 'electron'
}

/** The IPC channel prefix used by the Electron binding and preload. */
export const IPC_PREFIX = 'casebinder:'
export const IPC_EVENT_CHANNEL = 'casebinder-event'
