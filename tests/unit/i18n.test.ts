/** The two languages carry exactly the same keys, as the UI merges them (i18n/index.ts), and no file outgrows 500 lines. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../src-renderer/src/i18n/messages'
import { errorText } from '../../src-renderer/src/i18n/errors'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('i18n', () => {
  it('has the same key set in zh-CN and en', () => {
    const zh = keys(MESSAGES['zh-CN']).sort()
    const en = keys(MESSAGES.en).sort()
    expect(zh.length).toBeGreaterThan(500)
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
  })

  it('keeps every message file below 500 lines', () => {
    const dir = join(__dirname, '..', '..', 'src-renderer', 'src', 'i18n')
    const long = readdirSync(dir)
      .map((f) => [f, readFileSync(join(dir, f), 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 500)
    expect(long).toEqual([])
  })

  it("shows the service's own message in Chinese and the catalogue's text, filled from details, in English", () => {
    const e = { code: 'EVIDENCE_DUPLICATE', message: '同一文件已作为“现场照片”登记（编号 7）', details: { existingId: 7 } } as const
    expect(errorText(e, 'zh-CN')).toBe(e.message)
    expect(errorText(e, 'en')).toBe('The same file is already registered (no. 7).')
    expect(errorText({ code: 'DOCUMENT_CHECK_FAILED', message: '', details: { issues: [{ path: 'a', message: 'x' }] } }, 'en')).toBe(
      'The document did not pass the check: 1 problem(s).'
    )
    expect(errorText({ code: 'CASE_NOT_FOUND', message: '' }, 'zh-CN')).toBe('未找到该案件')
  })
})
