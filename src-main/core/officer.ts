import { z } from 'zod'
import { daysBetween, isIsoDate } from './dates'

export const isoDateField = (label: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { message: `${label}应为有效日期，格式 YYYY-MM-DD` })

/** 执法证号: province formats differ (digits, sometimes with letters or a dash); keep it strict enough to catch typos. */
export const certNoField = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z
      .string()
      .min(1, { message: '请填写执法证号' })
      .regex(/^[0-9A-Z][0-9A-Z-]{3,31}$/, { message: '执法证号应为4至32位数字或字母（可含连字符）' })
  )

export const CERT_TYPES = ['行政执法证', '安全生产监管执法证', '煤矿安全监察执法证', '其他'] as const

/** Officer fields without defaults: the basis of both the create schema and the edit patch. */
const officerFields = {
  name: z.string().trim().min(2, { message: '姓名至少2个字' }).max(20, { message: '姓名不能超过20个字' }),
  post: z.string().trim().max(30, { message: '职务不能超过30个字' }),
  unit: z.string().trim().max(60, { message: '所在单位不能超过60个字' }),
  certNo: certNoField,
  certType: z.enum(CERT_TYPES, { message: '证件类型不正确' }),
  certArea: z.string().trim().max(60, { message: '执法区域不能超过60个字' }),
  validUntil: isoDateField('证件有效期'),
  legalReviewer: z.boolean()
}

export const OfficerInputSchema = z.object({
  ...officerFields,
  post: officerFields.post.default(''),
  unit: officerFields.unit.default(''),
  certType: officerFields.certType.default('行政执法证'),
  certArea: officerFields.certArea.default(''),
  legalReviewer: officerFields.legalReviewer.default(false)
})
export type OfficerInput = z.input<typeof OfficerInputSchema>
export type OfficerData = z.output<typeof OfficerInputSchema>

/** An edit names only the fields it changes; nothing else is touched (no defaults here). */
export const OfficerPatchSchema = z
  .object(officerFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: '没有需要修改的内容' })
export type OfficerPatch = z.input<typeof OfficerPatchSchema>

export const EXPIRY_STATES = ['valid', 'expiring', 'expired'] as const
export type ExpiryState = (typeof EXPIRY_STATES)[number]

export const DEFAULT_EXPIRY_WARNING_DAYS = 30

/** Certificate state on `today`: a certificate is valid through its valid-until date inclusive. */
export function certificateState(
  validUntil: string,
  today: string,
  warningDays = DEFAULT_EXPIRY_WARNING_DAYS
): { state: ExpiryState; daysLeft: number } {
  const daysLeft = daysBetween(today, validUntil)
  if (daysLeft < 0) return { state: 'expired', daysLeft }
  if (daysLeft <= warningDays) return { state: 'expiring', daysLeft }
  return { state: 'valid', daysLeft }
}

export const OfficerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  post: z.string(),
  unit: z.string(),
  certNo: z.string(),
  certType: z.string(),
  certArea: z.string(),
  validUntil: z.string(),
  legalReviewer: z.boolean(),
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
  deactivationReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiry: z.object({ state: z.enum(EXPIRY_STATES), daysLeft: z.number().int() })
})
export type Officer = z.output<typeof OfficerSchema>

export const EXPIRY_LABELS: Record<ExpiryState, string> = {
  valid: '有效',
  expiring: '即将到期',
  expired: '已过期'
}
