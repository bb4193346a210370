import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import PizZip from 'pizzip'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { docxText, inspectTemplate, renderDocx, TemplateError } from '../../src-main/drafting/render'
import { parseTag } from '../../src-main/drafting/tags'
import { amountCapitals, amountCn, chineseDateTime } from '../../src-main/core/formatters'

async function docxOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] })
  return Packer.toBuffer(doc)
}

describe('rendering', () => {
  it('fills paths, loops with 1-based numbers, conditions and formatters', async () => {
    const tpl = await docxOf([
      '{party.name}：',
      '{#f.problems}',
      '{$n}. {text}，整改期限：{deadline | cnDate}（{party.name}）',
      '{/f.problems}',
      '{#party.isOrg}单位负责人：{party.legalRep}{/party.isOrg}{^party.isOrg}当事人：{party.name}{/party.isOrg}',
      '罚款{f.fine | amountCn}；检查时间{f.start | cnDateTime}；备注{f.note | default:"无"}',
      '{officers | join}'
    ])
    const out = renderDocx(tpl, {
      party: { name: '江州市鑫达化工有限公司', isOrg: true, legalRep: '周国华' },
      f: {
        problems: [
          { text: '动火作业未办理审批手续', deadline: '2026-12-05' },
          { text: '消防通道堆放杂物', deadline: '2026-11-30' }
        ],
        fine: 50000,
        start: '2026-11-24T09:05'
      },
      officers: [{ name: '王建国' }, { name: '李晓红' }]
    })
    const text = docxText(out)
    expect(text).toContain('江州市鑫达化工有限公司：')
    expect(text).toContain('1. 动火作业未办理审批手续，整改期限：2026年12月5日（江州市鑫达化工有限公司）')
    expect(text).toContain('2. 消防通道堆放杂物，整改期限：2026年11月30日')
    expect(text).toContain('单位负责人：周国华')
    expect(text).not.toContain('当事人：')
    expect(text).toContain('罚款人民币伍万元整（¥50,000.00）；检查时间2026年11月24日9时05分；备注无')
    expect(text).toContain('王建国、李晓红')
    expect(text).not.toMatch(/[{}]/)
  })

  it('never reaches the prototype chain', async () => {
    const tpl = await docxOf(['[{constructor}][{__proto__}][{party.constructor}][{f.toString}]'])
    expect(docxText(renderDocx(tpl, { party: { name: 'x' }, f: {} }))).toContain('[][][][]')
  })

  it('lists the tags and sections a template uses', async () => {
    const tpl = await docxOf(['{agency.name}', '{#f.items}{text | upper}{/f.items}', '{f.fine | amountCn}'])
    expect(inspectTemplate(tpl)).toMatchObject({ tags: ['agency.name', 'f.fine | amountCn', 'text | upper'], sections: ['f.items'] })
  })

  it.each([
    ['{constructor.constructor("return process")()}', /不是有效的字段路径/],
    ['{a + b}', /不是有效的字段路径/],
    ['{f.fine | eval}', /未知的格式/],
    ['{#f.items}unclosed', /模板标签有误/]
  ])('refuses the template tag %s', async (line, message) => {
    const tpl = await docxOf([line])
    expect(() => renderDocx(tpl, {})).toThrow(message)
  })

  it('refuses files that are not DOCX, truncated, or zip bombs', async () => {
    const good = await docxOf(['{agency.name}'])
    expect(() => renderDocx(Buffer.from('hello'), {})).toThrow(TemplateError)
    expect(() => renderDocx(good.subarray(0, good.length - 200), {})).toThrow(/无效的 DOCX|损坏/)
    const zip = new PizZip()
    zip.file('word/document.xml', '<w:document/>')
    expect(() => renderDocx(zip.generate({ type: 'nodebuffer' }), {})).toThrow(/不是 Word 文档/)
    const bomb = new PizZip(good)
    bomb.file('word/media/bomb.bin', Buffer.alloc(5 * 1024 * 1024, 0))
    expect(() => renderDocx(bomb.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), {})).toThrow(/压缩炸弹/)
  })
})

describe('tag grammar', () => {
  it('accepts paths with formatters and rejects everything else', () => {
    expect(parseTag('f.fine | amountCn')).toEqual({ path: ['f', 'fine'], formatters: [{ name: 'amountCn' }] })
    expect(parseTag('f.note | default:"无"')).toEqual({ path: ['f', 'note'], formatters: [{ name: 'default', arg: '无' }] })
    expect(parseTag('$n')).toEqual({ path: ['$n'], formatters: [] })
    for (const bad of ['a()', 'a[0]', "a['b']", 'a.b.', '1a', 'a;b', 'a | ']) expect(() => parseTag(bad), bad).toThrow()
  })
})

/** Parse capital numerals back to a number: the inverse used to prove amountCapitals right. */
function parseCapitals(s: string): number {
  const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 }
  const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 }
  let total = 0
  let section = 0
  let current = 0
  let fen = 0
  for (const ch of s.replace(/整$/, '')) {
    if (ch in digit) current = digit[ch]!
    else if (ch in small) {
      section += (current || 1) * small[ch]!
      current = 0
    } else if (ch === '万' || ch === '亿') {
      const unit = ch === '万' ? 1e4 : 1e8
      total = ch === '亿' ? (total + section + current) * unit : total + (section + current) * unit
      section = 0
      current = 0
    } else if (ch === '元') {
      total += section + current
      section = 0
      current = 0
    } else if (ch === '角') {
      fen += current * 10
      current = 0
    } else if (ch === '分') {
      fen += current
      current = 0
    } else throw new Error(`unexpected ${ch} in ${s}`)
  }
  return Math.round((total + section + current) * 100 + fen) / 100
}

describe('amounts in capitals', () => {
  it.each([
    [50000, '伍万元整'],
    [3000, '叁仟元整'],
    [200, '贰佰元整'],
    [100010, '壹拾万零壹拾元整'],
    [1001.01, '壹仟零壹元零壹分'],
    [1234567.89, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分']
  ])('%d → %s', (n, cap) => expect(amountCapitals(n)).toBe(cap))

  it('writes figures and capitals that agree, for any amount up to 1e9 yuan in fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (fen) => {
        const yuan = fen / 100
        return parseCapitals(amountCapitals(yuan)) === yuan && amountCn(yuan).startsWith('人民币')
      }),
      { numRuns: 3000 }
    )
  })

  it('formats date-times to the minute', () => {
    expect(chineseDateTime('2026-11-24T14:30')).toBe('2026年11月24日14时30分')
  })
})

describe('lead formatter', () => {
  it('adds a lead-in only when the text does not already open with it', async () => {
    const { FORMATTER_FUNCTIONS } = await import('../../src-main/core/formatters')
    const lead = FORMATTER_FUNCTIONS.lead!
    expect(lead('该公司未培训', '经查，')).toBe('经查，该公司未培训')
    expect(lead('经查，该公司未培训', '经查，')).toBe('经查，该公司未培训')
    expect(lead('', '经查，')).toBe('')
  })
})
