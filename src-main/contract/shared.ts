/** Pieces more than one area of the contract uses. */
import { z } from 'zod'
import { ALL_ERROR_CODES, type AppError, type ErrorCode } from '../core/errors'

/** What every area's channel map is: channel name -> { input schema, output schema }. */
export type ChannelMap = Record<string, { input: z.ZodType; output: z.ZodType }>

export const idInput = z.object({ id: z.coerce.number().int().positive({ message: '编号应为正整数' }) })

export const ExportFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  content: z.string()
})

/** An AppError as it travels inside a channel's output (a failed job): a registered code, never a free string. */
export const AppErrorSchema: z.ZodType<AppError> = z.object({
  code: z.enum(ALL_ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z
    .object({ issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
    .catchall(z.unknown())
    .optional()
})
