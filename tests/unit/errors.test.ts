/**
 * One error taxonomy: every code the main side can produce is registered in core/errors.ts, and every registered
 * code has a zh-CN and an English text in the renderer's i18n, the English one free of Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ALL_ERROR_CODES, ERROR_CODES, isErrorCode } from '../../src-main/core/errors'
import errorsEn from '../../src-renderer/src/i18n/errors.en'
import errorsZhCN from '../../src-renderer/src/i18n/errors.zh-CN'

const ROOT = join(__dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

/** Item codes of the dossier completeness check: labels of missing material, not errors. */
const NOT_ERRORS = new Set(['src-main/core/dossier.ts'])

const PATTERNS = [
  /\bappError\(\s*'([A-Z][A-Z0-9_]+)'/g, // appError('CODE', …), also over several lines
  /\bcode:\s*'([A-Z][A-Z0-9_]+)'/g, // { code: 'CODE', message } built by hand (doors, jobs, core problems)
  /\bCliFailure\(\s*[`']([A-Z][A-Z0-9_]+):/g, // the CLI's own failures: `CODE: …`
  /\bfail\(\s*'([A-Z][A-Z0-9_]+)'/g, // the CLI's fail('CODE', …)
  /\bcode\s*[!=]==?\s*'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g, // switches on a code (Node's errno codes have no underscore)
  /^\s*[?:] '([A-Z][A-Z0-9_]+)'$/gm // a code chosen by a ternary: `? 'OFFICERS_TOO_FEW'`
]

function usedCodes(dirs: string[]): Map<string, string[]> {
  const used = new Map<string, string[]>()
  for (const dir of dirs)
    for (const file of sources(join(ROOT, dir))) {
      const rel = file.slice(ROOT.length + 1).replaceAll('\\', '/')
      if (NOT_ERRORS.has(rel)) continue
      const text = readFileSync(file, 'utf8')
      for (const re of PATTERNS) for (const m of text.matchAll(re)) used.set(m[1]!, [...(used.get(m[1]!) ?? []), rel])
    }
  return used
}

describe('error taxonomy', () => {
  it('registers each code once, in one area, named in capitals', () => {
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length)
    for (const code of ALL_ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/)
    expect(Object.keys(ERROR_CODES).length).toBeGreaterThan(10)
  })

  it('registers every code used in src-main and in the renderer', () => {
    const used = usedCodes(['src-main', 'src-renderer/src'])
    expect(used.size).toBeGreaterThan(40)
    const unregistered = [...used].filter(([code]) => !isErrorCode(code)).map(([code, files]) => `${code} (${files.join(', ')})`)
    expect(unregistered).toEqual([])
  })

  it('throws every registered code somewhere (no dead codes)', () => {
    const used = usedCodes(['src-main'])
    expect(ALL_ERROR_CODES.filter((c) => !used.has(c))).toEqual([])
  })

  it('has a zh-CN and an English message for every code, and no others', () => {
    expect(Object.keys(errorsZhCN.errors).sort()).toEqual([...ALL_ERROR_CODES].sort())
    expect(Object.keys(errorsEn.errors).sort()).toEqual([...ALL_ERROR_CODES].sort())
    for (const code of ALL_ERROR_CODES) {
      expect(errorsZhCN.errors[code].trim(), code).not.toBe('')
      expect(errorsEn.errors[code].trim(), code).not.toBe('')
    }
  })

  it('writes the English messages without Chinese characters', () => {
    const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/
    expect(Object.entries(errorsEn.errors).filter(([, m]) => cjk.test(m))).toEqual([])
  })

  it('interpolates the same placeholders in both languages', () => {
    const names = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
    for (const code of ALL_ERROR_CODES) expect(names(errorsEn.errors[code]), code).toEqual(names(errorsZhCN.errors[code]))
  })
})
