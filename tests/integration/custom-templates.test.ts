import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import PizZip from 'pizzip'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { countRows, makeHome, type TestHome } from '../helpers'
import { call, invoke } from '../../src-main/services'
import { docxText } from '../../src-main/drafting/render'

let t: TestHome
let caseId: number
beforeAll(async () => {
  t = await makeHome()
  await call(t.ctx, 'demo.load', { cases: 30 })
  caseId = (await call(t.ctx, 'cases.list', { status: ['investigating'], limit: 1 })).items[0]!.id
})
afterAll(() => t.cleanup())

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }))
}
const refuse = async (input: unknown) => {
  const r = await invoke(t.ctx, 'templates.import', input, { error: () => undefined })
  if (r.ok) throw new Error('import unexpectedly accepted')
  return r.error
}

describe('custom templates', () => {
  it('accepts an agency DOCX whose tags fit the type, and drafts with it', async () => {
    const own = await docxOf([
      '江州市应急管理局 责令限期整改指令书（本机关样式）',
      '{doc.number}',
      '{party.name}：',
      '{#f.problems}{$n}、{text}（{deadline | cnDate}前完成）{/f.problems}',
      '依据{f.basis}。检查日期{f.inspectionDate | cnDate}。',
      '{#officers}{name}（{certNo}）{/officers}'
    ])
    const report = await call(t.ctx, 'templates.inspect', { type: 'rectification_order', base64: b64(own) })
    expect(report).toMatchObject({ acceptable: true, unknown: [], unusedRequired: [] })
    await call(t.ctx, 'templates.import', { type: 'rectification_order', fileName: '本局整改指令书.docx', base64: b64(own) })
    expect((await call(t.ctx, 'templates.list', {})).find((x) => x.id === 'rectification_order')!.custom).toBe(true)
    const d = await call(t.ctx, 'documents.create', {
      caseId,
      type: 'rectification_order',
      fields: {
        inspectionDate: '2026-11-24',
        problems: [{ text: '配电箱未设置警示标志', deadline: '2026-12-01' }],
        basis: '《中华人民共和国安全生产法》第三十五条'
      }
    })
    const issued = await call(t.ctx, 'documents.issue', { id: d.id })
    const text = docxText(Buffer.from((await call(t.ctx, 'documents.file', { id: d.id })).base64, 'base64'))
    expect(text).toContain('本机关样式')
    expect(text).toContain(`${issued.number}`)
    expect(text).toContain('1、配电箱未设置警示标志（2026年12月1日前完成）')
    await call(t.ctx, 'templates.reset', { type: 'rectification_order' })
    expect((await call(t.ctx, 'templates.file', { type: 'rectification_order' })).custom).toBe(false)
  })

  it.each([
    ['an unknown field', ['{f.nonsense}'], /无法识别的标签.*f\.nonsense/],
    ['an unknown root', ['{secret.value}'], /无法识别的标签/],
    ['a column outside its loop', ['{text}'], /无法识别的标签/],
    ['code in a tag', ['{f.basis.constructor("x")}'], /不是有效的字段路径/],
    ['an unclosed loop', ['{#f.problems}{text}'], /模板标签有误/],
    ['an unknown formatter', ['{f.basis | shell}'], /未知的格式/]
  ])('refuses a template with %s and keeps the existing one', async (_what, lines, message) => {
    const before = await call(t.ctx, 'templates.file', { type: 'rectification_order' })
    const activity = countRows(t.home, 'activity_log')
    const e = await refuse({ type: 'rectification_order', fileName: 'bad.docx', base64: b64(await docxOf(lines)) })
    expect(e.code).toBe('TEMPLATE_INVALID')
    expect(e.message).toMatch(message)
    expect(await call(t.ctx, 'templates.file', { type: 'rectification_order' })).toEqual(before)
    expect(countRows(t.home, 'activity_log')).toBe(activity)
  })

  it('refuses files that are not DOCX, truncated files and zip bombs', async () => {
    const good = await docxOf(['{party.name}'])
    expect(
      (await refuse({ type: 'rectification_order', fileName: 'x.docx', base64: b64(Buffer.from('%PDF-1.7 not a docx')) })).message
    ).toMatch(/不是有效的 DOCX/)
    expect(
      (await refuse({ type: 'rectification_order', fileName: 'x.docx', base64: b64(good.subarray(0, good.length / 2)) })).message
    ).toMatch(/不是有效的 DOCX|损坏/)
    const bomb = new PizZip(good)
    bomb.file('word/media/zeros.bin', Buffer.alloc(8 * 1024 * 1024))
    expect(
      (
        await refuse({
          type: 'rectification_order',
          fileName: 'x.docx',
          base64: b64(bomb.generate({ type: 'nodebuffer', compression: 'DEFLATE' }))
        })
      ).message
    ).toMatch(/压缩炸弹/)
    expect((await refuse({ type: 'no_such_type', fileName: 'x.docx', base64: b64(good) })).code).toBe('TEMPLATE_NOT_FOUND')
  })
})

describe('legal-basis picker and phrases', () => {
  it('finds violations and gives citations that pass the document checks', async () => {
    const hits = await call(t.ctx, 'basis.listViolations', { q: '安全生产教育和培训' })
    expect(hits.length).toBeGreaterThan(0)
    const v = hits[0]!
    expect(v.violatedProvision).toMatch(/^《中华人民共和国安全生产法》第[一二三四五六七八九十百]+条/)
    const d = await call(t.ctx, 'documents.create', {
      caseId,
      type: 'penalty_decision_org',
      fields: { violatedProvision: v.violatedProvision, penaltyBasis: v.penaltyBasis }
    })
    expect(d.findings.filter((f) => f.field === 'violatedProvision' || f.field === 'penaltyBasis')).toEqual([])
  })

  it('offers phrase snippets for a document field', async () => {
    const cats = await call(t.ctx, 'phrases.list', { docType: 'rectification_order', field: 'problems' })
    expect(cats.length).toBeGreaterThan(0)
    expect(cats.flatMap((c) => c.snippets).length).toBeGreaterThan(0)
  })
})
