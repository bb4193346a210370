/**
 * Parties (当事人): organisations (单位), sole proprietors (个体工商户) and natural persons (自然人),
 * with the fields of the "party block" (DOMAIN.md §1.5). Personal data is marked sensitive so that
 * exports and publicity can redact it.
 */
import { z } from 'zod'
import { creditCodeField, phoneField, postcodeField } from './agency'
import { isoDateField } from './officer'
import { normalizeResidentId, RESIDENT_ID_MESSAGES, residentIdInfo, residentIdProblem } from './resident-id'

export const PARTY_KINDS = ['org', 'sole', 'person'] as const
export type PartyKind = (typeof PARTY_KINDS)[number]
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { org: '单位', sole: '个体工商户', person: '自然人' }

export const residentIdField = z
  .string()
  .transform(normalizeResidentId)
  .superRefine((v, ctx) => {
    const p = residentIdProblem(v)
    if (p) ctx.addIssue({ code: 'custom', message: RESIDENT_ID_MESSAGES[p] })
  })

const name = (label: string) =>
  z
    .string()
    .trim()
    .min(2, { message: `${label}至少2个字` })
    .max(100, { message: `${label}不能超过100个字` })
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过${max}个字` })
    .default('')

const OrgSchema = z.object({
  kind: z.literal('org'),
  name: name('单位名称'),
  creditCode: creditCodeField,
  address: z.string().trim().min(1, { message: '请填写单位地址' }).max(200),
  postcode: postcodeField,
  legalRep: z.string().trim().min(2, { message: '请填写法定代表人或主要负责人' }).max(30),
  legalRepPost: text(30, '职务'),
  phone: phoneField,
  licences: text(300, '证照信息')
})

const SoleSchema = z.object({
  kind: z.literal('sole'),
  /** 字号名称, or the operator's name when there is none */
  name: name('个体工商户名称'),
  creditCode: creditCodeField,
  address: z.string().trim().min(1, { message: '请填写经营场所' }).max(200),
  postcode: postcodeField,
  /** 经营者 */
  legalRep: z.string().trim().min(2, { message: '请填写经营者姓名' }).max(30),
  legalRepPost: text(30, '职务').default('经营者'),
  operatorIdNumber: z.union([z.literal(''), residentIdField]).default(''),
  phone: phoneField,
  licences: text(300, '证照信息')
})

const PersonSchema = z.object({
  kind: z.literal('person'),
  name: z.string().trim().min(2, { message: '姓名至少2个字' }).max(30),
  idNumber: residentIdField,
  sex: z.enum(['男', '女']).optional(),
  birthDate: isoDateField('出生日期').optional(),
  employer: text(100, '工作单位'),
  post: text(30, '职务'),
  address: z.string().trim().min(1, { message: '请填写住址' }).max(200),
  postcode: postcodeField,
  phone: phoneField
})

/** Sex and birth date of a natural person follow from the ID number; a contradicting entry is an error. */
export const PartyInputSchema = z.discriminatedUnion('kind', [OrgSchema, SoleSchema, PersonSchema]).transform((p, ctx) => {
  if (p.kind !== 'person') return p
  const info = residentIdInfo(p.idNumber)
  if (p.sex && p.sex !== info.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: `性别与身份证号码不符（应为${info.sex}）` })
  if (p.birthDate && p.birthDate !== info.birthDate) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `出生日期与身份证号码不符（应为${info.birthDate}）` })
  }
  return { ...p, sex: info.sex, birthDate: info.birthDate }
})
export type PartyInput = z.input<typeof PartyInputSchema>
export type PartyData = z.output<typeof PartyInputSchema>

/** Fields holding personal data, by kind: redacted in exports and publicity. */
export const SENSITIVE_PARTY_FIELDS: Record<PartyKind, readonly string[]> = {
  org: [],
  sole: ['operatorIdNumber', 'phone'],
  person: ['idNumber', 'phone', 'address', 'birthDate']
}

/** The key that identifies the same party twice: credit code for organisations, ID number for persons. */
export function partyIdentityKey(p: PartyData): string {
  return p.kind === 'person' ? `id:${p.idNumber}` : `cc:${p.creditCode}`
}

export const PartySchema = z.object({
  id: z.number().int(),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  identityKey: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Party = z.output<typeof PartySchema>

/** Mask a resident ID for display and publicity: first 6 and last 4 digits kept. */
export function maskResidentId(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '******'
}
