/** Shapes of case data crossing the contract. */
import { z } from 'zod'
import { APPROVAL_KINDS, APPROVAL_OUTCOMES } from './approvals'
import { CASE_SOURCES, CASE_STATUSES, PROCEDURES, IntendedPenaltySchema } from './case'
import { CASE_EVENT_TYPES } from './deadlines'
import { isoDateField } from './officer'

export const CasePartyRefSchema = z.object({
  partyId: z.number().int(),
  role: z.enum(['party', 'responsible_person']),
  name: z.string(),
  kind: z.string()
})

export const CaseOfficerRefSchema = z.object({ officerId: z.number().int(), name: z.string(), certNo: z.string() })

export const DeadlineViewSchema = z.object({
  caseId: z.number().int(),
  code: z.string(),
  label: z.string(),
  kind: z.enum(['duty', 'window']),
  trigger: z.string(),
  start: z.string(),
  length: z.number().int(),
  unit: z.enum(['WD', 'CD', 'months', 'hours']),
  extension: z.number().int(),
  excluded: z.number().int(),
  due: z.string(),
  verified: z.boolean(),
  calendarVersion: z.string(),
  ruleVersion: z.number().int(),
  metAt: z.string().nullable(),
  source: z.string(),
  alert: z.enum(['met', 'overdue', 'due1', 'due3', 'ok'])
})

export const CaseSummarySchema = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  name: z.string(),
  cause: z.string(),
  source: z.enum(CASE_SOURCES),
  sourceDate: z.string(),
  procedure: z.enum(PROCEDURES),
  status: z.enum(CASE_STATUSES),
  filedOn: z.string().nullable(),
  extended: z.boolean(),
  suspended: z.boolean(),
  parties: z.array(CasePartyRefSchema),
  officers: z.array(CaseOfficerRefSchema),
  nextDeadline: DeadlineViewSchema.nullable(),
  updatedAt: z.string(),
  snippet: z.string().optional()
})
export type CaseSummary = z.output<typeof CaseSummarySchema>

/** A head's approval as the case screen shows it: who decided, when, and the form it filled. */
export const ApprovalViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(APPROVAL_KINDS),
  outcome: z.enum(APPROVAL_OUTCOMES),
  opinion: z.string(),
  approverUserId: z.number().int().nullable(),
  approverName: z.string(),
  decidedOn: z.string(),
  decidedAt: z.string(),
  documentId: z.number().int().nullable()
})
export type ApprovalView = z.output<typeof ApprovalViewSchema>

export const ApprovalInputSchema = z.object({
  caseId: z.number().int().positive(),
  kind: z.enum(APPROVAL_KINDS, { message: '请选择审批事项' }),
  outcome: z.enum(APPROVAL_OUTCOMES, { message: '请选择审批结论' }),
  opinion: z.string().trim().min(1, { message: '请填写审批意见' }).max(2000, { message: '审批意见不能超过2000个字' }),
  /** the day of the decision (default today) */
  date: isoDateField('审批日期').optional()
})

export const CaseDetailSchema = CaseSummarySchema.extend({
  facts: z.string(),
  intendedPenalty: IntendedPenaltySchema,
  registeredBy: z.string(),
  createdAt: z.string(),
  events: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      date: z.string(),
      status: z.string().nullable(),
      note: z.string(),
      actor: z.string(),
      createdAt: z.string()
    })
  ),
  deadlines: z.array(DeadlineViewSchema),
  /** the moves 推进 may make now (the machine's moves that no dedicated step owns, core/approvals.ts) */
  allowedTransitions: z.array(z.enum(CASE_STATUSES)),
  /** the head's approvals recorded on the case, oldest first */
  approvals: z.array(ApprovalViewSchema),
  /** the approvals the caller may record now (empty unless the caller is a head, or a trusted in-process caller) */
  approvalKinds: z.array(z.enum(APPROVAL_KINDS)),
  /** still being handled: new steps may be recorded */
  open: z.boolean(),
  /** archived: the dossier is sealed, nothing may be added */
  sealed: z.boolean()
})
export type CaseDetail = z.output<typeof CaseDetailSchema>

export const PartyLinkSchema = z.object({
  partyId: z.number().int().positive(),
  role: z.enum(['party', 'responsible_person']).default('party')
})

export const CaseRegisterSchema = z
  .object({
    source: z.enum(CASE_SOURCES, { message: '请选择案件来源' }),
    sourceDate: isoDateField('案源日期'),
    procedure: z.enum(PROCEDURES, { message: '请选择程序类型' }),
    cause: z.string().trim().max(200, { message: '案由不能超过200个字' }).default(''),
    facts: z.string().trim().max(20000, { message: '案情不能超过20000个字' }).default(''),
    name: z.string().trim().max(300).optional(),
    parties: z.array(PartyLinkSchema).min(1, { message: '请至少选择一名当事人' }),
    officerIds: z.array(z.number().int().positive()).default([]),
    intendedPenalty: IntendedPenaltySchema.optional()
  })
  .refine((v) => new Set(v.officerIds).size === v.officerIds.length, { message: '执法人员不能重复选择', path: ['officerIds'] })
export type CaseRegisterInput = z.output<typeof CaseRegisterSchema>

export const CaseFileSchema = z.object({
  id: z.coerce.number().int().positive(),
  filedOn: isoDateField('立案日期'),
  cause: z.string().trim().max(200).optional(),
  facts: z.string().trim().max(20000).optional(),
  name: z.string().trim().max(300).optional(),
  officerIds: z.array(z.number().int().positive()).optional(),
  note: z.string().trim().max(500).default('')
})
export type CaseFileInput = z.output<typeof CaseFileSchema>

export const CaseTransitionSchema = z.object({
  id: z.coerce.number().int().positive(),
  to: z.enum(CASE_STATUSES, { message: '目标状态不正确' }),
  date: isoDateField('日期'),
  note: z.string().trim().max(500).default(''),
  /** required for a summary-procedure decision when not given at registration */
  penalty: IntendedPenaltySchema.optional()
})
export type CaseTransitionInput = z.output<typeof CaseTransitionSchema>

export const CaseEventInputSchema = z.object({
  id: z.coerce.number().int().positive(),
  type: z.enum(['paid', 'published'] as const satisfies readonly (typeof CASE_EVENT_TYPES)[number][]),
  date: isoDateField('日期'),
  note: z.string().trim().max(500).default('')
})

export const CaseListSchema = z.object({
  status: z.array(z.enum(CASE_STATUSES)).optional(),
  procedure: z.enum(PROCEDURES).optional(),
  officerId: z.number().int().positive().optional(),
  partyId: z.number().int().positive().optional(),
  from: isoDateField('开始日期').optional(),
  to: isoDateField('结束日期').optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0)
})
export type CaseListInput = z.output<typeof CaseListSchema>
