/** Parties (当事人), cases (案件) with their status and events, deadlines (期限) and the working-day calendar. */
import { z } from 'zod'
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
import { idInput, type ChannelMap } from './shared'

export const casesChannels = {
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
  'deadlines.getRules': {
    input: z.object({}),
    output: z.object({ version: z.number().int(), name: z.string(), rules: z.array(DeadlineRuleSchema), createdAt: z.string() })
  },
  'deadlines.setRules': {
    input: z.object({ name: z.string().trim().min(1), rules: z.array(DeadlineRuleSchema), recomputeOpen: z.boolean().default(true) }),
    output: z.object({ version: z.number().int(), recomputed: z.number().int() })
  },
  'calendar.listYears': {
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
  }
} as const satisfies ChannelMap
