/** The application itself: version and home, the activity record (全过程记录), demo data and the workbench. */
import { z } from 'zod'
import { ActivitySchema, ChainReportSchema } from '../core/activity'
import { CaseSummarySchema, DeadlineViewSchema } from '../core/case-views'
import { CASE_STATUSES } from '../core/case'
import { DemoAccountSchema } from '../core/users'
import type { ChannelMap } from './shared'

export const appChannels = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      home: z.string(),
      /** where the data lives: the desk's embedded SQLite, or the bureau server's PostgreSQL */
      engine: z.enum(['sqlite', 'postgres']),
      schemaVersion: z.number().int(),
      today: z.string(),
      agencyConfigured: z.boolean(),
      officerCount: z.number().int(),
      isEmpty: z.boolean(),
      expiryWarningDays: z.number().int()
    })
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
    output: z.object({
      officers: z.number().int(),
      agency: z.boolean(),
      parties: z.number().int(),
      cases: z.number().int(),
      /** the sign-in accounts created, one per demo officer plus `admin` */
      accounts: z.array(DemoAccountSchema),
      /** the one password of every demo account */
      password: z.string()
    })
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
} as const satisfies ChannelMap
