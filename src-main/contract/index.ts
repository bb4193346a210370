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

z.config(z.locales.zhCN())

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
    input: z.object({}),
    output: z.object({ officers: z.number().int(), agency: z.boolean() })
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

/** The IPC channel prefix used by the Electron binding and preload. */
export const IPC_PREFIX = 'casebinder:'
export const IPC_EVENT_CHANNEL = 'casebinder-event'
