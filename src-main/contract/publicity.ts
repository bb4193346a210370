/** Publicity of penalty decisions (行政处罚信息公示): policy, records, withdrawal and export. */
import { z } from 'zod'
import { PublicityViewSchema, ReviewInputs } from '../core/review-views'
import { PUBLICITY_STATUSES, PublicityPolicySchema } from '../core/publicity'
import { idInput, ExportFileSchema, type ChannelMap } from './shared'

export const publicityChannels = {
  'publicity.getPolicy': { input: z.object({}), output: PublicityPolicySchema },
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
  }
} as const satisfies ChannelMap
