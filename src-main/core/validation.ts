import type { z } from 'zod'
import { appError, type FieldIssue } from './errors'

/** zod issues → the FieldIssue list carried by a VALIDATION_FAILED AppError. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message
  }))
}

/** Parse or throw a VALIDATION_FAILED AppError whose message names the first problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = '输入'): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = toFieldIssues(parsed.error)
  const first = issues[0]
  const message = first ? `${what}有误：${first.message}` : `${what}有误`
  throw appError('VALIDATION_FAILED', message, { issues })
}
