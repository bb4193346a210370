/**
 * 18-digit resident identity number (公民身份号码), GB 11643-1999:
 *   1–6 address code · 7–14 birth date YYYYMMDD · 15–17 sequence (17th odd = male, even = female)
 *   18 check: Σ dᵢ·wᵢ mod 11 → "10X98765432", weights 2^(17−i) mod 11.
 */
import { isIsoDate } from './dates'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export type ResidentIdProblem = 'empty' | 'length' | 'charset' | 'area' | 'birthDate' | 'checksum'

export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

export function normalizeResidentId(raw: string): string {
  return raw.trim().toUpperCase()
}

/** `today` bounds the birth date (no one is born in the future); defaults to no upper bound. */
export function residentIdProblem(raw: string, today?: string): ResidentIdProblem | null {
  const id = normalizeResidentId(raw)
  if (id === '') return 'empty'
  if (id.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(id)) return 'charset'
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return 'area'
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (!isIsoDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) return 'birthDate'
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? null : 'checksum'
}

export function isValidResidentId(raw: string, today?: string): boolean {
  return residentIdProblem(raw, today) === null
}

/** Birth date and sex encoded in a valid number. */
export function residentIdInfo(raw: string): { birthDate: string; sex: '男' | '女' } {
  const id = normalizeResidentId(raw)
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女'
  }
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  empty: '请填写身份证号码',
  length: '身份证号码应为18位',
  charset: '身份证号码前17位应为数字，最后一位为数字或X',
  area: '身份证号码前6位地址码不正确',
  birthDate: '身份证号码中的出生日期不正确',
  checksum: '身份证号码校验位不正确，请核对后重新输入'
}
