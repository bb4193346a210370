/** The enforcement agency (执法主体), its officers (执法人员) and the lists printed from them. */
import { z } from 'zod'
import { AgencyInputSchema, AgencySchema } from '../core/agency'
import { OfficerInputSchema, OfficerPatchSchema, OfficerSchema, isoDateField } from '../core/officer'
import { idInput, ExportFileSchema, type ChannelMap } from './shared'

export const agencyChannels = {
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
  }
} as const satisfies ChannelMap
