/** Identifiers with valid check characters for demo parties: credit codes and resident ID numbers, stable per name. */
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../core/credit-code'
import { residentIdCheckChar } from '../core/resident-id'
import { hashSeed, Rng } from './rng'

/** 9-character organisation code (GB 11714): 8 characters and a check character. */
function organisationCode(r: Rng): string {
  const body = Array.from({ length: 8 }, (_, i) =>
    i < 2 && r.chance(0.3) ? r.pick([...'ABCDEFGHJKLMNPQRTUWXY']) : String(r.int(0, 9))
  ).join('')
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, ch, i) => s + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * weights[i]!, 0)
  const c = 11 - (sum % 11)
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c))
}

/** Unified social credit code: 9 (market regulator) + 1 enterprise / 2 individual business, division, organisation code, check. */
export function demoCreditCode(name: string, kind: 'org' | 'sole', division: string): string {
  const r = new Rng(hashSeed(`cc:${name}`))
  let first17 = `9${kind === 'org' ? '1' : '2'}${division}${organisationCode(r)}`
  for (const ch of first17) if (!CREDIT_CODE_ALPHABET.includes(ch)) first17 = first17.replace(ch, '0')
  return first17 + creditCodeCheckChar(first17)
}

/** Resident ID: division, birth date, sequence whose last digit is odd for men and even for women, check. */
export function demoResidentId(name: string, division: string, birthDate: string, sex: '男' | '女'): string {
  const r = new Rng(hashSeed(`id:${name}:${birthDate}`))
  const last = r.int(0, 4) * 2 + (sex === '男' ? 1 : 0)
  const first17 = `${division}${birthDate.replace(/-/g, '')}${String(r.int(0, 99)).padStart(2, '0')}${last}`
  return first17 + residentIdCheckChar(first17)
}
