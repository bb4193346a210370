/** Pieces more than one area of the contract uses. */
import { z } from 'zod'

/** What every area's channel map is: channel name -> { input schema, output schema }. */
export type ChannelMap = Record<string, { input: z.ZodType; output: z.ZodType }>

export const idInput = z.object({ id: z.coerce.number().int().positive({ message: '编号应为正整数' }) })

export const ExportFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  content: z.string()
})
