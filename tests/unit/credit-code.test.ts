import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from '../../src-main/core/credit-code'

const char = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''))
const digit = fc.constantFrom(...'0123456789'.split(''))
/** the first 17 characters of a structurally valid code */
const body = fc
  .tuple(
    fc.array(char, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(char, { minLength: 9, maxLength: 9 })
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''))
const validCode = body.map((b) => b + creditCodeCheckChar(b))

describe('unified social credit code (GB 32100)', () => {
  it('accepts codes published with a correct check character', () => {
    // widely cited sample code and the demo agency code
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull()
    expect(creditCodeProblem('11360400MB1C23456B')).toBeNull()
    // lower case and surrounding blanks are normalised
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true)
  })

  it('names the specific problem', () => {
    expect(creditCodeProblem('')).toBe('empty')
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length')
    expect(creditCodeProblem('91350100M0001OOY43')).toBe('charset') // letter O is not in the alphabet
    expect(creditCodeProblem('9135O')).toBe('charset') // reported while still typing, before the length
    expect(creditCodeProblem('9135A100M000100Y43')).toBe('division')
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checksum')
  })

  it('accepts every generated code with its computed check character', () => {
    fc.assert(
      fc.property(validCode, (code) => creditCodeProblem(code) === null),
      { numRuns: 2000 }
    )
  })

  it('rejects every single-character substitution of a valid code', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), char, (code, pos, replacement) => {
        fc.pre(code[pos] !== replacement)
        const corrupted = code.slice(0, pos) + replacement + code.slice(pos + 1)
        return !isValidCreditCode(corrupted)
      }),
      { numRuns: 3000 }
    )
  })

  it('rejects adjacent transpositions of distinct characters in the weighted part', () => {
    fc.assert(
      fc.property(validCode, fc.nat(16), (code, pos) => {
        fc.pre(code[pos] !== code[pos + 1])
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2)
        return !isValidCreditCode(swapped)
      }),
      { numRuns: 2000 }
    )
  })
})
