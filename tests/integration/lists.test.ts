import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { countRows, makeHome, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'

let t: TestHome
beforeEach(async () => {
  t = await makeHome()
})
afterEach(() => t.cleanup())

describe('publicity lists (执法主体资格清单 / 执法人员资格清单)', () => {
  it('refuses before the agency is registered', async () => {
    const r = await invoke(t.ctx, 'lists.render', {})
    expect(!r.ok && r.error.code).toBe('AGENCY_NOT_CONFIGURED')
  })

  it('exports CSV (with BOM for Excel) and a printable HTML page; expired and deactivated officers are left off', async () => {
    await call(t.ctx, 'demo.load', { cases: 0 })
    const second = (await call(t.ctx, 'officers.list', {})).find((o) => o.name === '孙磊')!
    await call(t.ctx, 'officers.deactivate', { id: second.id, reason: '退休' })
    const out = join(t.dir, 'export')
    const r = await call(t.ctx, 'lists.export', { outDir: out })
    expect(r.files.map((f) => f.slice(out.length + 1))).toEqual(['执法主体资格清单.csv', '执法人员资格清单.csv', '行政执法公示清单.html'])
    expect(readdirSync(out).sort()).toEqual(['执法人员资格清单.csv', '执法主体资格清单.csv', '行政执法公示清单.html'].sort())

    const officersCsv = readFileSync(join(out, '执法人员资格清单.csv'), 'utf8')
    expect(officersCsv.startsWith('\uFEFF序号,姓名,所在单位,职务,执法证号,证件类型,执法区域,有效期至,法制审核人员\r\n')).toBe(true)
    const rows = officersCsv.trim().split('\r\n').slice(1)
    expect(rows).toHaveLength(5) // 7 demo officers − 1 expired (赵敏) − 1 deactivated (孙磊)
    expect(officersCsv).not.toMatch(/赵敏|孙磊/)
    expect(rows.find((l) => l.includes('刘芳'))).toMatch(/,36040019005,行政执法证,江州市,2030年3月9日,是$/)

    const agencyCsv = readFileSync(join(out, '执法主体资格清单.csv'), 'utf8')
    expect(agencyCsv).toContain('江州市应急管理局,11360400MB1C23456B,江州市行政区域内安全生产监督管理')

    const html = readFileSync(join(out, '行政执法公示清单.html'), 'utf8')
    expect(html).toContain('<title>江州市应急管理局 行政执法公示清单</title>')
    expect(html).toContain('公示日期：2026年11月25日')
    expect(html.match(/<tr><td>/g)).toHaveLength(6) // 1 agency row + 5 officers

    const rendered = await call(t.ctx, 'lists.render', {})
    expect(rendered.omitted).toEqual([
      { name: '赵敏', reason: '执法证已过期' },
      { name: '孙磊', reason: '已停用' }
    ])
    const [entry] = await call(t.ctx, 'audit.list', { limit: 1 })
    expect(entry).toMatchObject({ action: 'lists.export', detail: { outDir: out } })
  })

  it('escapes HTML in user data', async () => {
    await call(t.ctx, 'demo.load', { cases: 0 })
    await call(t.ctx, 'officers.add', { name: '<script>x', certNo: 'X1234', validUntil: '2030-01-01' })
    const html = (await call(t.ctx, 'lists.render', {})).files[2]!.content
    expect(html).not.toContain('<script>x')
    expect(html).toContain('&lt;script&gt;x')
  })

  it('fails with EXPORT_FAILED when the folder cannot be written, and records nothing', async () => {
    await call(t.ctx, 'demo.load', { cases: 0 })
    const blocker = join(t.dir, 'not-a-dir')
    writeFileSync(blocker, 'x')
    const before = countRows(t.home, 'activity_log')
    const r = await invoke(t.ctx, 'lists.export', { outDir: join(blocker, 'sub') }, { error: () => undefined })
    expect(!r.ok && r.error.code).toBe('EXPORT_FAILED')
    expect(countRows(t.home, 'activity_log')).toBe(before)
    expect(existsSync(join(blocker, 'sub'))).toBe(false)
  })
})
