/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from a 31-symbol alphabet (digits and capitals without I, O, S, V, Z):
 *   1     registration authority (登记管理部门代码)
 *   2     entity category (机构类别代码)
 *   3–8   administrative division of the registering authority (digits, GB/T 2260)
 *   9–17  subject identifier (主体标识码, the former organisation code)
 *   18    check character: 31 − (Σ value(cᵢ)·3ⁱ mod 31) mod 31, weights 3ⁱ mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeProblem = 'empty' | 'length' | 'charset' | 'division' | 'checksum'

export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i))
    if (v < 0) throw new RangeError(`invalid credit-code character at ${i + 1}`)
    sum += v * WEIGHTS[i]!
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

/** Returns null when valid, or the first problem found. Input is normalised (trim, upper case) first. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw)
  if (code.length === 0) return 'empty'
  // a forbidden letter is the more useful message while the code is still being typed
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'charset'
  if (code.length !== 18) return 'length'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division'
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'checksum'
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase()
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  empty: '请填写统一社会信用代码',
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有不允许的字符（不使用字母 I、O、S、V、Z）',
  division: '统一社会信用代码第3至8位应为行政区划代码（6位数字）',
  checksum: '统一社会信用代码校验位不正确，请核对后重新输入'
}
