import { z } from 'zod'
import { CREDIT_CODE_MESSAGES, creditCodeProblem, normalizeCreditCode } from './credit-code'
import { isValidLandline, isValidMobile, isValidPostcode } from './contact'

/** A unified social credit code field: normalised, then checked against GB 32100. */
export const creditCodeField = z
  .string()
  .transform(normalizeCreditCode)
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] })
  })

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}个字` })

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过${max}个字` })
    .default('')

export const phoneField = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidMobile(v) || isValidLandline(v), {
    message: '电话号码格式不正确（手机号11位，固定电话如 0571-87654321）'
  })
  .default('')

export const postcodeField = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidPostcode(v), { message: '邮政编码应为6位数字' })
  .default('')

/** Agency profile (执法主体): who issues the documents and where appeals go. */
export const AgencyInputSchema = z.object({
  name: text('机关名称', 60),
  /** short name printed in document numbers: （{shortName}）应急罚〔2026〕1号 */
  shortName: text('机关简称', 6),
  creditCode: creditCodeField,
  address: text('地址', 120),
  postcode: postcodeField,
  phone: phoneField,
  /** the people's government at the same level (行政复议法 2023 art. 24) */
  reconsiderationBody: text('行政复议机关', 60),
  court: text('管辖人民法院', 60),
  bankName: optionalText('罚没款收缴银行', 60),
  bankAccountName: optionalText('户名', 60),
  bankAccountNo: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d[\d ]{7,31}$/.test(v), { message: '银行账号应为8至32位数字' })
    .default(''),
  province: optionalText('省份', 20),
  /** 执法区域 / 职权范围 shown on the publicity page */
  jurisdiction: optionalText('执法区域', 120)
})

export type AgencyInput = z.input<typeof AgencyInputSchema>
export type AgencyData = z.output<typeof AgencyInputSchema>

export const AgencySchema = AgencyInputSchema.extend({ updatedAt: z.string() })
export type Agency = z.output<typeof AgencySchema>
