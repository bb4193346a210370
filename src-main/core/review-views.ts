/**
 * What the legal-review, hearing, publicity and timeline channels return (contract outputs), and the inputs
 * they take. Pure.
 */
import { z } from 'zod'
import { isoDateField } from './officer'
import { MajorCatalogueSchema, MEASURES, TriggerSchema } from './major-decision'
import { HEAD_DECISIONS, MaterialItemSchema, REVIEW_STATUSES, ReviewDecisionSchema, WAIVER_RIGHTS } from './legal-review'
import { PUBLICITY_STATUSES, PublicityRecordSchema, WITHDRAW_REASONS } from './publicity'
import { CASE_STATUSES, PROCEDURES } from './case'
import { GateProblemSchema } from './document-views'

/** Kinds of timeline entries (by the area of the action) and the export formats. */
export const TIMELINE_KINDS = ['case', 'document', 'evidence', 'review', 'hearing', 'publicity', 'dossier'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]
export const TIMELINE_FORMATS = ['csv', 'json'] as const

// declared beside the types they describe (major-decision, legal-review); re-exported for the views built on them
export { MaterialItemSchema, TriggerSchema }

export const ReviewRoundSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  round: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  statusLabel: z.string(),
  catalogueVersion: z.number().int(),
  triggers: z.array(TriggerSchema),
  materials: z.array(MaterialItemSchema),
  documentId: z.number().int().nullable(),
  documentRevision: z.number().int().nullable(),
  reviewerId: z.number().int(),
  reviewerName: z.string(),
  submittedOn: z.string(),
  submittedBy: z.string(),
  submitNote: z.string(),
  due: z.string(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decision: ReviewDecisionSchema.nullable(),
  opinionDocumentId: z.number().int().nullable(),
  response: z.enum(['accepted', 'disagreed']).nullable(),
  responseNote: z.string(),
  respondedOn: z.string().nullable(),
  coordination: z.string(),
  headName: z.string(),
  headDecision: z.string(),
  coordinatedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})

export const HearingSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  status: z.enum(['requested', 'scheduled', 'held', 'waived', 'not_eligible']),
  requestedOn: z.string(),
  eligible: z.boolean(),
  eligibility: z.string(),
  noticeOn: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  place: z.string(),
  chairId: z.number().int().nullable(),
  chairName: z.string(),
  clerk: z.string(),
  public: z.boolean(),
  privateReason: z.string(),
  agents: z.array(z.string()),
  heldOn: z.string().nullable(),
  summary: z.string(),
  waivedOn: z.string().nullable(),
  waiverNote: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})

export const DISCUSSION_CONCLUSIONS = ['penalty', 'no_penalty', 'not_established', 'transfer', 'further_investigation'] as const
export const DISCUSSION_CONCLUSION_LABELS: Record<(typeof DISCUSSION_CONCLUSIONS)[number], string> = {
  penalty: '给予行政处罚',
  no_penalty: '不予行政处罚',
  not_established: '违法事实不能成立，不予行政处罚',
  transfer: '涉嫌犯罪，移送司法机关',
  further_investigation: '补充调查后再议'
}

/** What a case's review profile records beyond the case itself (case_review_profiles). */
export const ReviewProfileSchema = z.object({
  measures: z.array(z.enum(MEASURES)),
  confiscation: z.number(),
  departure: z.boolean(),
  departureReason: z.string(),
  manualFlags: z.array(z.string()),
  updatedAt: z.string().nullable()
})

/** One collective discussion (集体讨论) and its conclusion. */
export const DiscussionSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  heldOn: z.string(),
  chair: z.string(),
  attendees: z.array(z.string()),
  conclusion: z.enum(DISCUSSION_CONCLUSIONS),
  conclusionText: z.string(),
  record: z.string(),
  documentId: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string()
})

export const ReviewShowSchema = z.object({
  caseId: z.number().int(),
  caseName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  procedure: z.enum(PROCEDURES),
  catalogueVersion: z.number().int(),
  triggers: z.array(TriggerSchema),
  facts: z.object({
    fine: z.number(),
    confiscation: z.number(),
    measures: z.array(z.enum(MEASURES)),
    hearingHeld: z.boolean(),
    departure: z.boolean(),
    manualFlags: z.array(z.string()),
    partyKinds: z.array(z.enum(['org', 'sole', 'person']))
  }),
  hearing: z.object({ eligible: z.boolean(), reasons: z.array(z.string()) }),
  discussionRequired: z.boolean(),
  profile: ReviewProfileSchema,
  manualFlagOptions: z.array(z.object({ code: z.string(), label: z.string(), description: z.string() })),
  materials: z.array(MaterialItemSchema),
  /** the mandatory materials still missing (a subset of `materials`) */
  missingMaterials: z.array(MaterialItemSchema),
  decisionDraft: z.object({ id: z.number().int(), title: z.string(), revision: z.number().int() }).nullable(),
  rounds: z.array(
    ReviewRoundSchema.extend({ overdue: z.boolean(), canDecide: z.boolean(), canRespond: z.boolean(), canCoordinate: z.boolean() })
  ),
  /** a new round may be submitted (core/review-actions canSubmitReview) by this caller */
  canSubmit: z.boolean(),
  /** this caller may set the case's review profile, record a written waiver, record a collective discussion */
  canSetProfile: z.boolean(),
  canWaive: z.boolean(),
  canRecordDiscussion: z.boolean(),
  /** the case is decided already (the gates box says so instead of "ready") */
  decided: z.boolean(),
  reviewers: z.array(z.object({ id: z.number().int(), name: z.string(), eligible: z.boolean(), reason: z.string() })),
  /** what still blocks the decision today (empty when it may be issued) */
  gates: z.array(GateProblemSchema),
  hearings: z.array(HearingSchema.extend({ canSchedule: z.boolean(), canHold: z.boolean() })),
  canRequestHearing: z.boolean(),
  waivers: z.array(
    z.object({
      id: z.number().int(),
      caseId: z.number().int(),
      right: z.enum(WAIVER_RIGHTS),
      date: z.string(),
      note: z.string(),
      createdBy: z.string()
    })
  ),
  discussions: z.array(DiscussionSchema)
})

export const CatalogueViewSchema = z.object({
  version: z.number().int(),
  catalogue: MajorCatalogueSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  history: z.array(
    z.object({ version: z.number().int(), name: z.string(), effectiveFrom: z.string(), createdAt: z.string(), createdBy: z.string() })
  )
})

export const ReviewQueueItemSchema = ReviewRoundSchema.extend({
  caseName: z.string(),
  caseNumber: z.string().nullable(),
  overdue: z.boolean()
})

export const PublicityViewSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  decisionDocumentId: z.number().int(),
  status: z.enum(PUBLICITY_STATUSES),
  statusLabel: z.string(),
  record: PublicityRecordSchema,
  redactions: z.number().int(),
  due: z.string(),
  minUntil: z.string(),
  maxUntil: z.string(),
  publishedOn: z.string().nullable(),
  url: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawReason: z.enum(WITHDRAW_REASONS).nullable(),
  withdrawNote: z.string(),
  supersededBy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  overdue: z.boolean(),
  withdrawDue: z.string().nullable(),
  canRemoveEarly: z.boolean(),
  canPublish: z.boolean(),
  canWithdraw: z.boolean(),
  canTakeDownExpired: z.boolean(),
  summary: z.string()
})

export const TimelineSchema = z.object({
  caseId: z.number().int(),
  caseName: z.string(),
  caseNumber: z.string().nullable(),
  total: z.number().int(),
  actors: z.array(z.string()),
  /** the actors of the case's entries, for the filter: the login and its label */
  actorOptions: z.array(z.object({ actor: z.string(), label: z.string() })),
  chain: z.object({
    ok: z.boolean(),
    entries: z.number().int(),
    headHash: z.string(),
    firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable()
  }),
  entries: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actor: z.string(),
      /** who, as people read it: the user's name with the login (core/activity actorLabel) */
      actorLabel: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      kind: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      summary: z.string(),
      hash: z.string(),
      prevHash: z.string(),
      verified: z.boolean()
    })
  )
})

const caseIdField = z.coerce.number().int().positive({ message: '案件编号应为正整数' })
const text = (max: number) => z.string().trim().max(max).default('')
const datetimeField = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: `${label}应为 YYYY-MM-DDTHH:mm` })

export const ReviewInputs = {
  profile: z.object({
    caseId: caseIdField,
    measures: z.array(z.enum(MEASURES)).default([]),
    confiscation: z.number().min(0).max(1e10).default(0),
    departure: z.boolean().default(false),
    departureReason: text(1000),
    manualFlags: z.array(z.string()).default([])
  }),
  submit: z.object({
    caseId: caseIdField,
    reviewerId: z.number({ message: '请选择法制审核人员' }).int().positive({ message: '请选择法制审核人员' }),
    documentId: z.number().int().positive().optional(),
    note: text(2000),
    submittedOn: isoDateField('提交日期').optional()
  }),
  decide: z.object({
    reviewId: z.number().int().positive(),
    decision: ReviewDecisionSchema,
    decidedOn: isoDateField('审核日期').optional()
  }),
  respond: z.object({
    reviewId: z.number().int().positive(),
    accept: z.boolean(),
    note: text(2000),
    date: isoDateField('日期').optional()
  }),
  coordinate: z.object({
    reviewId: z.number().int().positive(),
    coordination: z.string().trim().min(4, { message: '请写明协调意见' }).max(3000),
    headName: z.string().trim().min(2, { message: '请填写作出决定的负责人' }).max(30),
    headDecision: z.enum(HEAD_DECISIONS, { message: '请选择负责人的决定' }),
    date: isoDateField('日期').optional()
  }),
  hearingRequest: z.object({ caseId: caseIdField, requestedOn: isoDateField('申请日期'), note: text(500) }),
  hearingSchedule: z.object({
    hearingId: z.number().int().positive(),
    noticeOn: isoDateField('通知日期'),
    scheduledAt: datetimeField('听证时间'),
    place: z.string().trim().min(2, { message: '请填写听证地点' }).max(200),
    chairId: z.number({ message: '请选择听证主持人' }).int().positive({ message: '请选择听证主持人' }),
    clerk: z.string().trim().min(2, { message: '请填写书记员' }).max(30),
    public: z.boolean().default(true),
    privateReason: text(500)
  }),
  hearingHold: z.object({
    hearingId: z.number().int().positive(),
    heldOn: isoDateField('听证日期'),
    agents: z.array(z.string().trim().min(2).max(30)).default([]),
    noShow: z.boolean().default(false),
    summary: text(3000)
  }),
  waive: z.object({
    caseId: caseIdField,
    right: z.enum(WAIVER_RIGHTS),
    date: isoDateField('放弃日期'),
    note: z.string().trim().min(4, { message: '请写明当事人书面放弃的情况（如放弃声明的日期和形式）' }).max(1000)
  }),
  discussion: z.object({
    caseId: caseIdField,
    heldOn: isoDateField('讨论日期'),
    /** the user (a head among the attendees) who chairs it */
    chairId: z.number({ message: '请选择主持人' }).int().positive({ message: '请选择主持人' }),
    /** the users (heads, three or more) who attend: names come from the user list, not free text */
    attendeeIds: z.array(z.number().int().positive()).min(1, { message: '请选择参加讨论的负责人' }),
    conclusion: z.enum(DISCUSSION_CONCLUSIONS, { message: '请选择讨论结论' }),
    conclusionText: z.string().trim().min(4, { message: '请写明讨论决定' }).max(3000),
    record: text(10000)
  }),
  publicityBuild: z.object({ caseId: caseIdField, documentId: z.number().int().positive().optional() }),
  publicityPublish: z.object({
    id: z.number().int().positive(),
    publishedOn: isoDateField('公示日期'),
    url: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, { message: '请填写公示网页地址（http:// 或 https:// 开头）' })
      .max(500)
  }),
  publicityWithdraw: z.object({
    id: z.number().int().positive(),
    reason: z.enum(WITHDRAW_REASONS, { message: '请选择撤回原因' }),
    date: isoDateField('撤回日期'),
    note: text(1000)
  }),
  decisionChanged: z.object({
    caseId: caseIdField,
    date: isoDateField('日期'),
    reason: z.string().trim().min(4, { message: '请写明撤销或者变更的情况' }).max(1000)
  })
}
