/**
 * Builds the template catalogue: templates/manifest.json and one editable DOCX form per enforcement-document type
 * (templates/<id>.docx), laid out like the national unified enforcement forms (DOMAIN.md §1.4, §7).
 *
 *   npx tsx scripts/build-templates.ts           write the files
 *   npx tsx scripts/build-templates.ts --check   build in memory; exit 1 if any committed file differs
 *
 * Output is byte-deterministic: fixed core-properties dates, and every DOCX is re-zipped with its entries in a
 * fixed order and a fixed timestamp.
 *
 * Tag language (see src-main/core/templates.ts): `{path}` or `{path | formatter}`; loops and conditions
 * `{#path}…{/path}`, inverted `{^path}…{/path}`; `{$n}` is the 1-based index inside a loop. Every tag is written
 * into ONE Word run so Word never splits it; value tags are underlined like the blanks of a printed form.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import PizZip from 'pizzip'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType
} from 'docx'
import { ManifestSchema, type TemplateField } from '../src-main/core/templates'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = join(ROOT, 'templates')

// ------------------------------------------------------------------------------------------------------------------
// Layout constants (twips: 1 mm = 56.69 twips; sizes in half-points)
// ------------------------------------------------------------------------------------------------------------------
const mm = (v: number) => Math.round(v * 56.6929)
const PAGE = { width: 11906, height: 16838 } // A4
const MARGIN = { top: mm(25), bottom: mm(25), left: mm(28), right: mm(26) }
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right // ≈ 156 mm
const SIZE = { body: 24 /* 小四 12pt */, number: 28 /* 四号 14pt */, title: 36 /* 小二 18pt */, small: 21 /* 五号 10.5pt */ }
const LINE_BODY = 360 // 1.5 lines
const LINE_TABLE = 300 // 1.25 lines inside tables
const FIXED_DATE = '2026-01-01T00:00:00Z'
/** constructed in local time on purpose: the zip writer stores local DOS time, so this gives 2026-01-01 00:00 in any TZ */
const ZIP_DATE = new Date(2026, 0, 1, 0, 0, 0)

type FontKey = 'fang' | 'song' | 'hei'
const FONTS: Record<FontKey, { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: 'eastAsia' }> = {
  fang: { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong', hint: 'eastAsia' },
  song: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun', hint: 'eastAsia' },
  hei: { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei', hint: 'eastAsia' }
}

// ------------------------------------------------------------------------------------------------------------------
// Paragraph builders. Text may contain tags; each tag becomes its own run (value tags underlined, padded by a space).
// ------------------------------------------------------------------------------------------------------------------
interface RunStyle {
  font?: FontKey
  size?: number
  bold?: boolean
  /** tags without underline and padding: the table cell itself is the blank */
  plain?: boolean
}
interface ParaOpts extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify'
  indent?: boolean // first line indented two characters
  before?: number
  after?: number
  line?: number
  keepNext?: boolean
}

const TAG_SPLIT = /(\{[^{}]+\})/

function runs(text: string, st: RunStyle = {}): TextRun[] {
  const font = FONTS[st.font ?? 'fang']
  const size = st.size ?? SIZE.body
  const out: TextRun[] = []
  for (const part of text.split(TAG_SPLIT)) {
    if (!part) continue
    const isTag = part.startsWith('{') && part.endsWith('}')
    const isControl = isTag && /^\{\s*[#^/]/.test(part)
    const isIndex = isTag && /^\{\s*\$n\s*\}$/.test(part)
    if (isTag && !isControl && !isIndex && !st.plain) {
      out.push(new TextRun({ text: ` ${part} `, font, size, bold: st.bold, underline: {} }))
    } else {
      out.push(new TextRun({ text: part, font, size, bold: st.bold }))
    }
  }
  return out
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED }

function para(text: string, o: ParaOpts = {}): Paragraph {
  return new Paragraph({
    children: runs(text, o),
    alignment: ALIGN[o.align ?? 'justify'],
    indent: o.indent ? { firstLine: 2 * (o.size ?? SIZE.body) * 10 } : undefined,
    spacing: { line: o.line ?? LINE_BODY, lineRule: LineRuleType.AUTO, before: o.before ?? 0, after: o.after ?? 0 },
    keepNext: o.keepNext
  })
}

/** body paragraph, first line indented */
const P = (text: string, o: ParaOpts = {}) => para(text, { indent: true, ...o })
/** body line without indent */
const L = (text: string, o: ParaOpts = {}) => para(text, { align: 'left', ...o })
/** right-aligned line */
const R = (text: string, o: ParaOpts = {}) => para(text, { align: 'right', ...o })
/** a loop or condition whose tags each stand in their own paragraph (paragraphLoop) */
const block = (tag: string, inner: Paragraph[], inverted = false): Paragraph[] => [
  L(`{${inverted ? '^' : '#'}${tag}}`),
  ...inner,
  L(`{/${tag}}`)
]

const BLANK = '__________'
const HAND_DATE = '　　年　　月　　日'

// ------------------------------------------------------------------------------------------------------------------
// Tables (approval forms, lists): borders set on the table AND on every cell.
// ------------------------------------------------------------------------------------------------------------------
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const CELL_BORDERS = { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER }
const TABLE_BORDERS = { ...CELL_BORDERS, insideHorizontal: LINE_BORDER, insideVertical: LINE_BORDER }

interface CellSpec {
  /** lines separated by \n; a line starting with '>' is right-aligned, '^' centred */
  t: string
  span?: number
  label?: boolean
}
type RowSpec = CellSpec[] | { cells: CellSpec[]; h?: number }

const lab = (t: string, span?: number): CellSpec => ({ t, span, label: true })
const val = (t: string, span?: number): CellSpec => ({ t, span })

function cellParas(c: CellSpec): Paragraph[] {
  return c.t.split('\n').map((line) => {
    if (line.startsWith('>')) return para(line.slice(1), { align: 'right', line: LINE_TABLE, plain: true })
    if (line.startsWith('^') || c.label) return para(line.replace(/^\^/, ''), { align: 'center', line: LINE_TABLE, plain: true })
    return para(line, { align: 'left', line: LINE_TABLE, plain: true })
  })
}

function table(cols: number[], rows: RowSpec[]): Table {
  const total = cols.reduce((a, b) => a + b, 0)
  const widths = cols.map((c) => Math.round((c / total) * TEXT_WIDTH))
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0)
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: rows.map((r) => {
      const cells = Array.isArray(r) ? r : r.cells
      const h = Array.isArray(r) ? 520 : (r.h ?? 520)
      let col = 0
      return new TableRow({
        height: { value: h, rule: HeightRule.ATLEAST },
        cantSplit: h < 2000,
        children: cells.map((c) => {
          const span = c.span ?? 1
          const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0)
          col += span
          return new TableCell({
            children: cellParas(c),
            columnSpan: span > 1 ? span : undefined,
            width: { size: w, type: WidthType.DXA },
            borders: CELL_BORDERS,
            verticalAlign: c.label ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            margins: { top: 60, bottom: 60, left: 100, right: 100 }
          })
        })
      })
    })
  })
}

// ------------------------------------------------------------------------------------------------------------------
// Manifest field helpers
// ------------------------------------------------------------------------------------------------------------------
type FieldType = TemplateField['type']
interface FieldDef {
  key: string
  label: string
  type: FieldType
  required?: boolean
  autofill?: string
  phrase?: boolean
  hint?: string
  options?: string[]
  item?: {
    key: string
    label: string
    type: 'text' | 'textarea' | 'date' | 'datetime' | 'money' | 'number' | 'boolean' | 'select'
    required?: boolean
    options?: string[]
  }[]
  when?: string
}
type Extra = Omit<FieldDef, 'key' | 'label' | 'type'>
const fld =
  (type: FieldType) =>
  (key: string, label: string, extra: Extra = {}): FieldDef => ({ key, label, type, ...extra })
const text = fld('text'),
  area = fld('textarea'),
  date = fld('date'),
  dtime = fld('datetime'),
  money = fld('money'),
  num = fld('number'),
  bool = fld('boolean'),
  select = fld('select'),
  list = fld('list'),
  cite = fld('citation')
const req: Extra = { required: true }

const partyRefusalFields = (who = '当事人'): FieldDef[] => [
  bool('partyRefused', `${who}拒绝签名`, { hint: `${who}拒绝签名或者盖章时勾选，并注明情况` }),
  text('refusalNote', '拒签情况', { when: 'f.partyRefused', hint: '写明拒签经过；有见证人的写明见证人' })
]

// ------------------------------------------------------------------------------------------------------------------
// Shared wording blocks
// ------------------------------------------------------------------------------------------------------------------
const officerSigns = (label = '执法人员'): Paragraph[] => block('officers', [L(`${label}（签名）：${BLANK}\u3000执法证号：{certNo}`)])

/** party signature, or the refusal note written by the officers */
const partySign = (label: string): Paragraph =>
  L(
    `{^f.partyRefused}${label}（签名）：${BLANK}\u3000${HAND_DATE}{/f.partyRefused}{#f.partyRefused}${label}拒绝签名，执法人员注明：{f.refusalNote}{/f.partyRefused}`,
    { before: 120 }
  )

const agencySeal = (dateTag = '{doc.date | cnDate}'): Paragraph[] => [
  R('{agency.name}（印章）', { before: 360, plain: true }),
  R(dateTag, { plain: true })
]

const appeal = (word: string, docWord: string) =>
  `如不服本${word}，可以在收到本${docWord}之日起六十日内向{agency.reconsiderationBody}申请行政复议，或者在六个月内依法向{agency.court}提起行政诉讼，但本${word}不停止执行，法律另有规定的除外。`

const addressee = (tag = '{party.name}') => L(`${tag}：`, { before: 120 })

/** party block for documents addressed to either an organisation (also 个体工商户) or a natural person */
const partyBlock = (orgLabel: string, personLabel: string): Paragraph[] => [
  ...block(
    'party.isPerson',
    [
      L(`${orgLabel}：{party.name}`),
      L('统一社会信用代码：{party.creditCode}'),
      L('地址：{party.address}　邮政编码：{party.postcode}'),
      L('法定代表人（负责人）：{party.legalRep}　职务：{party.legalRepPost}　联系电话：{party.phone}')
    ],
    true
  ),
  ...block('party.isPerson', [
    L(`${personLabel}：{party.name}\u3000性别：{party.sex}\u3000年龄：{party.age}`),
    L('身份证件号码：{party.idNumber}'),
    L('工作单位：{party.employer}　职务：{party.post}'),
    L('住址：{party.address}　联系电话：{party.phone}')
  ])
]

/** party rows of an approval table: each row is conditional (start tag in its first cell, end tag in its last) */
const partyRows = (): RowSpec[] => [
  [lab('{^party.isPerson}当事人'), val('{party.name}'), lab('统一社会信用代码'), val('{party.creditCode}{/party.isPerson}')],
  [
    lab('{^party.isPerson}地址'),
    val('{party.address}'),
    lab('法定代表人（负责人）'),
    val('{party.legalRep}　{party.legalRepPost}{/party.isPerson}')
  ],
  [
    lab('{#party.isPerson}当事人'),
    val('{party.name}（{party.sex}，{party.age}岁）'),
    lab('身份证件号码'),
    val('{party.idNumber}{/party.isPerson}')
  ],
  [lab('{#party.isPerson}住址'), val('{party.address}'), lab('工作单位及职务'), val('{party.employer}　{party.post}{/party.isPerson}')],
  [lab('联系电话'), val('{party.phone}'), lab('邮政编码'), val('{party.postcode}')]
]

const signLine = (who: string) => `>${who}（签名）：${BLANK}\u3000${HAND_DATE}`

const qaBody = (): Paragraph[] => block('f.qa', [L('问：{q}', { plain: true }), L('答：{a}', { plain: true })])

/** the intended fine of a notice, printed after the intended penalty; a decision may not exceed it (行政处罚法第四十五条) */
const noticeFine = '{#f.fine}其中罚款{f.fine | amountCn}。{/f.fine}'
const NOTICE_FINE_HINT = '拟处罚款的金额，用于核对决定书不高于告知内容；无罚款的不填'

/** 公开 or 不公开, from a boolean field */
const publicOrNot = (tag: string) => `{#${tag}}公开{/${tag}}{^${tag}}不公开{/${tag}}`

// ------------------------------------------------------------------------------------------------------------------
// The 25 types
// ------------------------------------------------------------------------------------------------------------------
interface TypeDef {
  id: string
  title: string
  prefix: string | null
  dossierSlot: number
  external: boolean
  handSigned: boolean
  procedures: ('summary' | 'general' | 'inspection')[]
  copies: string
  fields: FieldDef[]
  body: () => (Paragraph | Table)[]
}

const COPIES = {
  unit: '本文书一式两份：一份由应急管理部门备案，一份交被检查单位。',
  party: '本文书一式两份：一份由应急管理部门备案，一份交当事人。',
  decision: '本文书一式三份：一份由应急管理部门备案，一份交当事人，一份交收缴罚款的银行。',
  internal: '本表一式一份，由应急管理部门附卷存档。',
  transcript: '本笔录一式一份，由应急管理部门附卷存档；被询问人应当在每页签名。'
}

const TYPES: TypeDef[] = [
  // 1 ─ 立案审批表
  {
    id: 'case_filing_approval',
    title: '立案审批表',
    prefix: '立',
    dossierSlot: 3,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.internal,
    fields: [
      select('caseSource', '案件来源', {
        ...req,
        options: ['监督检查', '投诉举报', '上级交办', '其他部门移送', '事故调查', '其他'],
        hint: '发现违法行为的途径'
      }),
      date('sourceDate', '受案日期', { ...req, autofill: 'case.sourceDate', hint: '发现或者接到案源的日期' }),
      area('briefFacts', '简要案情', { ...req, autofill: 'case.facts', phrase: true, hint: '时间、地点、当事人、涉嫌违法行为，客观简要' }),
      cite('suspectedProvision', '涉嫌违反的规定', {
        ...req,
        phrase: true,
        hint: '法律全称加条、款、项，如《中华人民共和国安全生产法》第四十一条第二款'
      }),
      area('handlerOpinion', '承办人意见', { ...req, phrase: true, hint: '如：符合立案条件，建议立案调查' }),
      area('deptOpinion', '承办机构审核意见', { phrase: true, hint: '可留空由审核人手写' }),
      area('headOpinion', '负责人审批意见', { phrase: true, hint: '可留空由负责人手写' }),
      date('filingDate', '立案日期', { autofill: 'case.filedOn', hint: '负责人批准立案的日期' })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案由'), val('{case.cause}', 3)],
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('案件来源'), val('{f.caseSource}'), lab('受案日期'), val('{f.sourceDate | cnDate}')],
          ...partyRows(),
          { cells: [lab('简要案情'), val('{f.briefFacts}\n涉嫌违反：{f.suspectedProvision}', 3)], h: 2000 },
          {
            cells: [
              lab('承办人意见'),
              val(`{f.handlerOpinion}\n承办人：{#officers}{name}（执法证号：{certNo}） {/officers}\n${signLine('承办人')}`, 3)
            ],
            h: 1400
          },
          { cells: [lab('承办机构审核意见'), val(`{f.deptOpinion}\n${signLine('审核人')}`, 3)], h: 1100 },
          { cells: [lab('负责人审批意见'), val(`{f.headOpinion}\n${signLine('负责人')}`, 3)], h: 1100 },
          [lab('立案日期'), val('{f.filingDate | cnDate}'), lab('立案编号'), val('{case.number}')]
        ]
      )
    ]
  },
  // 2 ─ 现场检查记录
  {
    id: 'inspection_record',
    title: '现场检查记录',
    prefix: '检记',
    dossierSlot: 12,
    external: false,
    handSigned: true,
    procedures: ['inspection', 'general'],
    copies: '本记录一式两份：一份由应急管理部门存档，一份交被检查单位。',
    fields: [
      text('place', '检查场所', { ...req, hint: '具体到车间、装置、部位' }),
      dtime('start', '检查开始时间', { ...req, hint: '精确到分钟' }),
      dtime('end', '检查结束时间', { ...req, hint: '精确到分钟' }),
      text('recorder', '记录人', { ...req }),
      text('siteManager', '现场负责人', { ...req, hint: '被检查单位在场的负责人姓名' }),
      text('siteManagerPost', '现场负责人职务'),
      text('siteManagerPhone', '现场负责人联系电话'),
      text('witness', '见证人', { hint: '无见证人可留空' }),
      area('purpose', '检查事由和目的', { ...req, phrase: true, hint: '如：按年度监督检查计划开展安全生产监督检查' }),
      area('findings', '检查情况', { ...req, phrase: true, hint: '逐项记录检查内容、发现的问题及其位置，不够另附页' }),
      area('unitOpinion', '被检查单位意见', { phrase: true, hint: '由被检查单位现场负责人填写或者口述记录' }),
      ...partyRefusalFields('被检查单位负责人')
    ],
    body: () => [
      L('被检查单位：{party.name}'),
      L('统一社会信用代码：{party.creditCode}'),
      L('地址：{party.address}　邮政编码：{party.postcode}'),
      L('法定代表人（负责人）：{party.legalRep}　职务：{party.legalRepPost}　联系电话：{party.phone}'),
      L('检查场所：{f.place}'),
      L('检查时间：{f.start | cnDateTime}至{f.end | cnDateTime}'),
      L('检查人员：{#officers}{name}（{unit}，执法证号：{certNo}） {/officers}'),
      L('记录人：{f.recorder}'),
      L('现场负责人：{f.siteManager}　职务：{f.siteManagerPost}　联系电话：{f.siteManagerPhone}'),
      L('见证人：{f.witness}'),
      L('检查事由和目的：{f.purpose}'),
      P('执法人员已向被检查单位出示执法证件，告知其依法享有的权利和应当履行的义务。'),
      L('检查情况：'),
      P('{f.findings}'),
      L('（此栏不够，可另附页）', { size: SIZE.small }),
      L('被检查单位意见：{f.unitOpinion}'),
      ...officerSigns('检查人员'),
      L(`记录人（签名）：${BLANK}`),
      partySign('被检查单位现场负责人')
    ]
  },
  // 3 ─ 责令限期整改指令书
  {
    id: 'rectification_order',
    title: '责令限期整改指令书',
    prefix: '责改',
    dossierSlot: 13,
    external: true,
    handSigned: true,
    procedures: ['inspection', 'general'],
    copies: COPIES.unit,
    fields: [
      date('inspectionDate', '检查日期', { ...req, hint: '发现问题的现场检查日期' }),
      list('problems', '存在的问题', {
        ...req,
        hint: '一条一个问题，各写整改期限',
        item: [
          { key: 'text', label: '问题', type: 'textarea', required: true },
          { key: 'deadline', label: '整改期限', type: 'date', required: true }
        ]
      }),
      cite('basis', '责令整改的依据', { ...req, phrase: true, hint: '如：《中华人民共和国安全生产法》第六十五条第一款第（三）项' }),
      ...partyRefusalFields('被检查单位负责人')
    ],
    body: () => [
      addressee(),
      P('{f.inspectionDate | cnDate}，本机关执法人员在对你单位进行安全生产监督检查时，发现你单位存在下列问题：'),
      ...block('f.problems', [P('{$n}. {text}，整改期限：{deadline | cnDate}')]),
      P('依据{f.basis}的规定，现责令你单位对上述问题于规定期限内整改完毕，达到有关法律、法规、规章和国家标准或者行业标准的要求。'),
      P('整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。'),
      P(appeal('指令', '指令书')),
      ...officerSigns(),
      partySign('被检查单位负责人'),
      ...agencySeal()
    ]
  },
  // 4 ─ 整改复查意见书
  {
    id: 'reinspection_opinion',
    title: '整改复查意见书',
    prefix: '复查',
    dossierSlot: 14,
    external: true,
    handSigned: true,
    procedures: ['inspection', 'general'],
    copies: COPIES.unit,
    fields: [
      select('orderTitle', '原文书名称', { ...req, options: ['责令限期整改指令书', '现场处理措施决定书'], hint: '被复查的原文书' }),
      text('orderNumber', '原文书编号', { ...req, hint: '如：（江）应急责改〔2026〕3号' }),
      date('orderDate', '原文书日期', { ...req }),
      date('reinspectionDate', '复查日期', { ...req }),
      list('items', '复查情况', {
        ...req,
        hint: '逐项写明原问题及整改结果',
        item: [
          { key: 'text', label: '原问题', type: 'textarea', required: true },
          { key: 'result', label: '整改结果', type: 'select', required: true, options: ['已整改', '未整改', '部分整改'] },
          { key: 'note', label: '说明', type: 'text' }
        ]
      }),
      area('followUp', '复查意见', { ...req, phrase: true, hint: '整改完毕的予以确认；未整改的写明处理（立案查处、延期、采取强制措施）' }),
      ...partyRefusalFields('被检查单位负责人')
    ],
    body: () => [
      addressee(),
      P(
        '本机关于{f.orderDate | cnDate}作出了《{f.orderTitle}》（{f.orderNumber}），于{f.reinspectionDate | cnDate}对你单位整改情况进行了复查，情况如下：'
      ),
      ...block('f.items', [P('{$n}. {text}：{result}。{note}')]),
      L('复查意见：'),
      P('{f.followUp}'),
      ...officerSigns(),
      partySign('被检查单位负责人'),
      ...agencySeal()
    ]
  },
  // 5 ─ 现场处理措施决定书
  {
    id: 'onsite_measure_decision',
    title: '现场处理措施决定书',
    prefix: '现决',
    dossierSlot: 15,
    external: true,
    handSigned: true,
    procedures: ['inspection', 'general'],
    copies: COPIES.unit,
    fields: [
      date('inspectionDate', '检查日期', { ...req }),
      area('violations', '违法行为或者事故隐患', { ...req, phrase: true, hint: '写明发现的违法行为或者重大事故隐患及其位置' }),
      cite('basis', '处理依据', { ...req, phrase: true, hint: '如：《中华人民共和国安全生产法》第六十五条第一款第（三）项' }),
      area('measures', '现场处理措施', {
        ...req,
        phrase: true,
        hint: '立即排除；撤出作业人员；暂时停产停业、停止建设、停止施工或者停止使用相关设施设备'
      }),
      bool('stopProduction', '责令暂时停产停业（停止使用）', { hint: '勾选后写明期限' }),
      date('stopUntil', '停产停业（停止使用）期限至', { when: 'f.stopProduction' }),
      ...partyRefusalFields('被检查单位负责人')
    ],
    body: () => [
      addressee(),
      P('本机关于{f.inspectionDate | cnDate}在对你单位进行安全生产监督检查时，发现你单位存在下列安全生产违法行为（事故隐患）：'),
      P('{f.violations}'),
      P('依据{f.basis}的规定，现作出如下现场处理决定：'),
      P('{f.measures}'),
      P(
        '{#f.stopProduction}暂时停产停业（停止建设、停止施工、停止使用相关设施、设备）的期限至{f.stopUntil | cnDate}止。{/f.stopProduction}重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用。'
      ),
      P(appeal('决定', '决定书')),
      ...officerSigns(),
      partySign('被检查单位负责人'),
      ...agencySeal()
    ]
  },
  // 6 ─ 询问通知书
  {
    id: 'questioning_notice',
    title: '询问通知书',
    prefix: '询',
    dossierSlot: 4,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: '本文书一式两份：一份由应急管理部门备案，一份交被询问人。',
    fields: [
      text('addressee', '被通知人', { ...req, autofill: 'party.name', hint: '被询问的单位或者个人' }),
      text('matter', '调查事项', {
        ...req,
        autofill: 'case.name',
        phrase: true,
        hint: '如：你单位涉嫌未按规定对从业人员进行安全生产教育和培训一案'
      }),
      cite('basis', '依据', { ...req, phrase: true, hint: '如：《中华人民共和国行政处罚法》第五十五条' }),
      dtime('time', '询问时间', { ...req }),
      text('place', '询问地点', { ...req, autofill: 'agency.address' }),
      area('materials', '需携带的材料', { phrase: true, hint: '营业执照、身份证件、授权委托书等' }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee('{f.addressee}'),
      P('为调查了解{f.matter}有关情况，依据{f.basis}的规定，请你（单位）于{f.time | cnDateTime}到{f.place}接受询问调查。'),
      P('请携带下列材料：{f.materials}'),
      P('无正当理由拒绝接受询问调查的，本机关将依法处理。'),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      L('本机关地址：{agency.address}　邮政编码：{agency.postcode}'),
      ...agencySeal(),
      L(`被询问人（签收）：${BLANK}\u3000${HAND_DATE}`, { before: 240 })
    ]
  },
  // 7 ─ 询问笔录
  {
    id: 'questioning_transcript',
    title: '询问笔录',
    prefix: null,
    dossierSlot: 5,
    external: false,
    handSigned: true,
    procedures: ['general', 'inspection'],
    copies: COPIES.transcript,
    fields: [
      dtime('start', '询问开始时间', { ...req }),
      dtime('end', '询问结束时间', { ...req }),
      text('place', '询问地点', { ...req }),
      text('recorder', '记录人', { ...req }),
      text('personName', '被询问人姓名', { ...req, hint: '一份笔录只询问一人' }),
      select('personSex', '性别', { ...req, options: ['男', '女'] }),
      num('personAge', '年龄', { ...req }),
      text('personIdNumber', '身份证件号码', { ...req }),
      text('personEmployer', '工作单位', { autofill: 'party.name' }),
      text('personPost', '职务'),
      text('personAddress', '住址'),
      text('personPhone', '联系电话', { ...req }),
      select('relation', '与本案关系', { ...req, options: ['当事人', '法定代表人', '单位负责人', '单位从业人员', '证人', '其他'] }),
      text('matter', '调查事项', { ...req, autofill: 'case.name', phrase: true, hint: '如：你单位涉嫌……一案' }),
      list('qa', '问答', {
        ...req,
        phrase: true,
        hint: '先问是否申请回避、是否听清权利义务，再问案情',
        item: [
          { key: 'q', label: '问', type: 'textarea', required: true },
          { key: 'a', label: '答', type: 'textarea', required: true }
        ]
      })
    ],
    body: () => [
      L('询问时间：{f.start | cnDateTime}至{f.end | cnDateTime}'),
      L('询问地点：{f.place}'),
      L('询问人：{#officers}{name}（执法证号：{certNo}） {/officers}　记录人：{f.recorder}'),
      L('被询问人：{f.personName}　性别：{f.personSex}　年龄：{f.personAge}'),
      L('身份证件号码：{f.personIdNumber}　联系电话：{f.personPhone}'),
      L('工作单位：{f.personEmployer}　职务：{f.personPost}'),
      L('住址：{f.personAddress}　与本案关系：{f.relation}'),
      P(
        '我们是{agency.name}的执法人员，这是我们的执法证件（出示执法证件）。现依法就{f.matter}有关问题向你进行调查询问。你有如实回答询问、协助调查的义务，也有陈述和申辩的权利；与本案无关的问题，你有权拒绝回答。执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，你有权申请回避。',
        { before: 120 }
      ),
      ...qaBody(),
      P('以上笔录我已看过，与我说的一致。', { before: 240 }),
      L(`被询问人（签名并捺指印）：${BLANK}\u3000${HAND_DATE}`),
      ...officerSigns('询问人'),
      L(`记录人（签名）：${BLANK}`)
    ]
  },
  // 8 ─ 先行登记保存证据通知书
  {
    id: 'evidence_preservation_notice',
    title: '先行登记保存证据通知书',
    prefix: '先保',
    dossierSlot: 9,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.party,
    fields: [
      text('matter', '调查事项', { ...req, autofill: 'case.name', hint: '如：你单位涉嫌……一案' }),
      list('items', '证据清单', {
        ...req,
        hint: '逐项写明名称、规格型号、数量',
        item: [
          { key: 'name', label: '名称', type: 'text', required: true },
          { key: 'spec', label: '规格型号', type: 'text' },
          { key: 'quantity', label: '数量', type: 'text', required: true },
          { key: 'note', label: '备注', type: 'text' }
        ]
      }),
      text('storagePlace', '保存地点', { ...req }),
      select('storageMode', '保存方式', { ...req, options: ['就地保存', '异地保存'] }),
      date('start', '保存起始日期', { ...req }),
      ...partyRefusalFields()
    ],
    body: () => [
      addressee(),
      P(
        '因调查{f.matter}，依据《中华人民共和国行政处罚法》第五十六条的规定，经本机关负责人批准，决定自{f.start | cnDate}起对你（单位）的下列物品予以先行登记保存：'
      ),
      table(
        [1, 4, 3, 2, 3],
        [
          [lab('序号'), lab('名称'), lab('规格型号'), lab('数量'), lab('备注')],
          [val('^{#f.items}{$n}'), val('{name}'), val('{spec}'), val('{quantity}'), val('{note}{/f.items}')]
        ]
      ),
      P('保存方式：{f.storageMode}；保存地点：{f.storagePlace}。', { before: 120 }),
      P('本机关将在七个工作日内作出处理决定。在此期间，你（单位）不得损毁、销毁或者转移上述证据。'),
      ...officerSigns(),
      partySign('当事人'),
      ...agencySeal()
    ]
  },
  // 9 ─ 行政处罚告知书
  {
    id: 'penalty_notice',
    title: '行政处罚告知书',
    prefix: '罚告',
    dossierSlot: 17,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.party,
    fields: [
      area('facts', '违法事实', { ...req, autofill: 'case.facts', phrase: true, hint: '时间、地点、行为、情节、后果' }),
      area('evidence', '证据', { ...req, phrase: true, hint: '列举证据名称，如现场检查记录、询问笔录、照片' }),
      cite('violatedProvision', '违反的规定', { ...req, phrase: true }),
      cite('penaltyBasis', '处罚依据', { ...req, phrase: true }),
      area('intendedPenalty', '拟作出的行政处罚', { ...req, phrase: true, hint: '如：罚款人民币伍万元整（¥50,000.00）' }),
      money('fine', '拟罚款金额（元）', { hint: NOTICE_FINE_HINT }),
      num('statementDays', '陈述申辩期限（工作日）', { ...req, hint: '一般为3个工作日，按本省规定' }),
      bool('hearingEligible', '符合听证条件', { hint: '较大数额罚款、责令停产停业等，依法告知听证权利' }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee(),
      P('{f.facts | lead:"经查，"}'),
      P('以上事实有{f.evidence}等证据为证。'),
      P(
        `你（单位）的上述行为违反了{f.violatedProvision}的规定，依据{f.penaltyBasis}的规定，本机关拟对你（单位）作出{f.intendedPenalty}的行政处罚。${noticeFine}`
      ),
      P(
        '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。如需陈述和申辩，请自收到本告知书之日起{f.statementDays}个工作日内向本机关提出；逾期未提出的，视为放弃此权利。'
      ),
      ...block('f.hearingEligible', [
        P(
          '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求举行听证的权利。如要求听证，应当自收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。'
        )
      ]),
      L('本机关地址：{agency.address}　邮政编码：{agency.postcode}'),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      ...agencySeal(),
      L(`当事人（签收）：${BLANK}\u3000${HAND_DATE}`, { before: 240 })
    ]
  },
  // 10 ─ 听证告知书
  {
    id: 'hearing_notice',
    title: '听证告知书',
    prefix: '听告',
    dossierSlot: 19,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.party,
    fields: [
      area('facts', '违法事实', { ...req, autofill: 'case.facts', phrase: true, hint: '时间、地点、行为、情节、后果' }),
      area('evidence', '证据', { ...req, phrase: true }),
      cite('violatedProvision', '违反的规定', { ...req, phrase: true }),
      cite('penaltyBasis', '处罚依据', { ...req, phrase: true }),
      area('intendedPenalty', '拟作出的行政处罚', { ...req, phrase: true, hint: '如：罚款人民币伍万元整（¥50,000.00）；责令停产停业整顿' }),
      money('fine', '拟罚款金额（元）', { hint: NOTICE_FINE_HINT }),
      num('statementDays', '陈述申辩期限（工作日）', { ...req, hint: '一般为3个工作日，按本省规定' }),
      bool('hearingEligible', '符合听证条件', {
        hint: '拟作出较大数额罚款、责令停产停业等行政处罚法第六十三条第一款所列处罚的勾选；勾选后写明属于听证范围'
      }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee(),
      P('{f.facts | lead:"经查，"}'),
      P('以上事实有{f.evidence}等证据为证。'),
      P(
        `你（单位）的上述行为违反了{f.violatedProvision}的规定，依据{f.penaltyBasis}的规定，本机关拟对你（单位）作出{f.intendedPenalty}的行政处罚。${noticeFine}`
      ),
      P(
        '{#f.hearingEligible}本机关拟作出的行政处罚属于《中华人民共和国行政处罚法》第六十三条第一款规定的听证范围。{/f.hearingEligible}根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求举行听证的权利。如要求听证，应当自收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。'
      ),
      P('你（单位）也可以自收到本告知书之日起{f.statementDays}个工作日内向本机关进行陈述和申辩；逾期未提出的，视为放弃此权利。'),
      L('本机关地址：{agency.address}　邮政编码：{agency.postcode}'),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      ...agencySeal(),
      L(`当事人（签收）：${BLANK}\u3000${HAND_DATE}`, { before: 240 })
    ]
  },
  // 11 ─ 当事人陈述申辩笔录
  {
    id: 'statement_record',
    title: '当事人陈述申辩笔录',
    prefix: null,
    dossierSlot: 18,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: '本笔录一式一份，由应急管理部门附卷存档；陈述申辩人应当在每页签名。',
    fields: [
      dtime('start', '开始时间', { ...req }),
      dtime('end', '结束时间', { ...req }),
      text('place', '地点', { ...req }),
      text('recorder', '记录人', { ...req }),
      text('personName', '陈述申辩人', { ...req, autofill: 'party.legalRep', hint: '当事人本人、法定代表人或者委托代理人' }),
      text('personPost', '职务或者身份', { hint: '如：法定代表人；委托代理人' }),
      text('personPhone', '联系电话'),
      date('noticeDate', '告知书送达日期', { ...req }),
      text('noticeNumber', '告知书编号', { ...req, hint: '如：（江）应急罚告〔2026〕5号' }),
      list('qa', '陈述申辩内容', {
        ...req,
        phrase: true,
        hint: '逐段记录陈述申辩意见和提交的证据',
        item: [
          { key: 'q', label: '问', type: 'textarea', required: true },
          { key: 'a', label: '答', type: 'textarea', required: true }
        ]
      })
    ],
    body: () => [
      L('时间：{f.start | cnDateTime}至{f.end | cnDateTime}'),
      L('地点：{f.place}'),
      L('当事人：{party.name}'),
      L('陈述申辩人：{f.personName}　职务或者身份：{f.personPost}　联系电话：{f.personPhone}'),
      L('承办人：{#officers}{name}（执法证号：{certNo}） {/officers}　记录人：{f.recorder}'),
      P(
        '我们是{agency.name}的执法人员，这是我们的执法证件（出示执法证件）。本机关于{f.noticeDate | cnDate}向你（单位）送达了《行政处罚告知书》（{f.noticeNumber}），现依法听取你（单位）的陈述和申辩。你（单位）可以就案件事实、证据、适用法律和拟作出的行政处罚进行陈述和申辩，并可以提交证据材料。本机关不因你（单位）陈述申辩而加重处罚。',
        { before: 120 }
      ),
      ...qaBody(),
      P('以上笔录我已看过，与我说的一致。', { before: 240 }),
      L(`陈述申辩人（签名并捺指印）：${BLANK}\u3000${HAND_DATE}`),
      ...officerSigns('承办人'),
      L(`记录人（签名）：${BLANK}`)
    ]
  },
  // 12 ─ 听证会通知书
  {
    id: 'hearing_meeting_notice',
    title: '听证会通知书',
    prefix: '听通',
    dossierSlot: 20,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.party,
    fields: [
      date('requestedOn', '当事人申请听证日期', { ...req, autofill: 'hearing.requestedOn', hint: '当事人提出听证申请的日期' }),
      dtime('hearingAt', '听证时间', { ...req, autofill: 'hearing.scheduledAt', hint: '本通知书应当在举行听证的七个工作日前送达' }),
      text('place', '听证地点', { ...req, autofill: 'hearing.place' }),
      text('chair', '听证主持人', { ...req, autofill: 'hearing.chair', hint: '由本机关指定的非本案调查人员担任' }),
      text('clerk', '书记员', { ...req, autofill: 'hearing.clerk' }),
      bool('public', '公开举行', { autofill: 'hearing.public', hint: '除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行' }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee(),
      P(
        `你（单位）于{f.requestedOn | cnDate}提出的听证申请，本机关决定于{f.hearingAt | cnDateTime}在{f.place}${publicOrNot('f.public')}举行听证会，由{f.chair}担任听证主持人，{f.clerk}担任书记员。根据《中华人民共和国行政处罚法》第六十四条的规定，现将有关事项通知如下：`
      ),
      P(
        '一、你（单位）可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证会举行前向本机关提交授权委托书，载明委托事项和权限。'
      ),
      P('二、你（单位）认为听证主持人与本案有直接利害关系的，有权申请回避，并应当说明理由。'),
      P('三、请携带身份证明及有关证据材料准时参加听证。你（单位）可以在听证中陈述、申辩和质证，出示证据。'),
      P('四、你（单位）及委托代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。'),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      L('本机关地址：{agency.address}　邮政编码：{agency.postcode}'),
      ...agencySeal(),
      L(`当事人（签收）：${BLANK}\u3000${HAND_DATE}`, { before: 240 })
    ]
  },
  // 13 ─ 听证笔录
  {
    id: 'hearing_transcript',
    title: '听证笔录',
    prefix: null,
    dossierSlot: 21,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: '本笔录一式一份，由应急管理部门附卷存档；当事人或者委托代理人应当在每页签名。',
    fields: [
      dtime('start', '听证开始时间', { ...req, autofill: 'hearing.scheduledAt' }),
      dtime('end', '听证结束时间', { ...req }),
      text('place', '听证地点', { ...req, autofill: 'hearing.place' }),
      text('chair', '听证主持人', { ...req, autofill: 'hearing.chair' }),
      text('clerk', '书记员', { ...req, autofill: 'hearing.clerk' }),
      text('investigators', '案件调查人员', { ...req, hint: '提出处罚建议的本案调查人员姓名及执法证号' }),
      text('partyPresent', '当事人及委托代理人', { ...req, hint: '出席听证的当事人（法定代表人）及委托代理人姓名、身份' }),
      bool('public', '公开举行', { autofill: 'hearing.public' }),
      area('record', '听证过程记录', {
        ...req,
        hint: '调查人员提出违法事实、证据、依据和拟处罚意见；当事人陈述、申辩并质证；双方辩论；当事人最后陈述'
      })
    ],
    body: () => [
      L('案件名称：{case.name}'),
      L('听证时间：{f.start | cnDateTime}至{f.end | cnDateTime}'),
      L(`听证地点：{f.place}\u3000听证方式：${publicOrNot('f.public')}举行`),
      L('听证主持人：{f.chair}　书记员：{f.clerk}'),
      L('当事人：{party.name}'),
      L('当事人及委托代理人：{f.partyPresent}'),
      L('案件调查人员：{f.investigators}'),
      P(
        '听证主持人宣布听证开始，核对听证参加人身份，宣布听证纪律，告知当事人有申请回避、陈述、申辩和质证的权利，并询问当事人是否申请回避。',
        { before: 120 }
      ),
      L('听证过程记录：'),
      P('{f.record}'),
      L('（此栏不够，可另附页）', { size: SIZE.small }),
      P('以上笔录我已核对，与听证情况一致。', { before: 240 }),
      L(`当事人或者委托代理人（签名或者盖章）：${BLANK}\u3000${HAND_DATE}`),
      L(`案件调查人员（签名）：${BLANK}`),
      L(`听证主持人（签名）：${BLANK}`),
      L(`书记员（签名）：${BLANK}`)
    ]
  },
  // 14 ─ 听证会报告书
  {
    id: 'hearing_report',
    title: '听证会报告书',
    prefix: null,
    dossierSlot: 22,
    external: false,
    handSigned: false,
    procedures: ['general'],
    copies: '本报告书一式一份，由应急管理部门附卷存档。',
    fields: [
      dtime('heldAt', '听证时间', { ...req, autofill: 'hearing.scheduledAt' }),
      text('place', '听证地点', { ...req, autofill: 'hearing.place' }),
      text('chair', '听证主持人', { ...req, autofill: 'hearing.chair' }),
      text('clerk', '书记员', { ...req, autofill: 'hearing.clerk' }),
      area('summary', '听证基本情况', { ...req, hint: '听证参加人、是否公开举行、调查人员提出的事实、证据、依据和拟处罚意见' }),
      area('partyOpinion', '当事人陈述申辩意见', { ...req, hint: '当事人或者委托代理人的陈述、申辩、质证意见及提交的证据' }),
      area('findings', '听证认定的事实和证据', { ...req, hint: '根据听证笔录认定的事实和证据，逐项说明对当事人意见是否采纳及理由' }),
      area('recommendation', '处理意见和建议', {
        ...req,
        hint: '如：维持拟作出的行政处罚；建议从轻或者减轻处罚；建议不予行政处罚；建议补充调查'
      }),
      date('chairSignedOn', '报告日期', { ...req, hint: '听证主持人签署本报告的日期' })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('当事人'), val('{party.name}'), lab('立案编号'), val('{case.number}')],
          [lab('听证时间'), val('{f.heldAt | cnDateTime}'), lab('听证地点'), val('{f.place}')],
          [lab('听证主持人'), val('{f.chair}'), lab('书记员'), val('{f.clerk}')],
          { cells: [lab('听证基本情况'), val('{f.summary}', 3)], h: 2100 },
          { cells: [lab('当事人陈述申辩意见'), val('{f.partyOpinion}', 3)], h: 2300 },
          { cells: [lab('听证认定的事实和证据'), val('{f.findings}', 3)], h: 2300 },
          { cells: [lab('处理意见和建议'), val('{f.recommendation}\n>听证主持人：{f.chair}　{f.chairSignedOn | cnDate}', 3)], h: 1700 }
        ]
      )
    ]
  },
  // 15 ─ 案件处理呈批表
  {
    id: 'case_handling_approval',
    title: '案件处理呈批表',
    prefix: null,
    dossierSlot: 23,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.internal,
    fields: [
      area('facts', '违法事实', { ...req, autofill: 'case.facts', phrase: true }),
      area('evidence', '证据', { ...req, phrase: true }),
      area('defenceReview', '陈述申辩（听证）情况及复核意见', { ...req, phrase: true, hint: '当事人意见及是否采纳的理由；放弃的写明' }),
      cite('violatedProvision', '违反的规定', { ...req, phrase: true }),
      cite('penaltyBasis', '处罚依据', { ...req, phrase: true }),
      select('discretionTier', '裁量阶次', { ...req, options: ['不予处罚', '减轻处罚', '从轻处罚', '一般', '从重处罚'] }),
      area('discretionReason', '裁量基准及理由', { ...req, phrase: true, hint: '写明适用的裁量基准条目、阶次及理由' }),
      area('proposal', '承办人处理意见', { ...req, phrase: true, hint: '如：建议给予罚款人民币伍万元整的行政处罚' }),
      area('deptOpinion', '承办机构意见', { phrase: true }),
      area('legalReviewOpinion', '法制审核意见', { phrase: true, hint: '属于重大执法决定的填写' }),
      area('collectiveConclusion', '集体讨论意见', { phrase: true, hint: '经集体讨论的填写结论' }),
      area('headDecision', '负责人审批意见', { phrase: true })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('案由'), val('{case.cause}', 3)],
          [lab('当事人'), val('{party.name}'), lab('立案编号'), val('{case.number}')],
          [lab('立案日期'), val('{case.filedOn | cnDate}'), lab('承办人'), val('{#officers}{name} {/officers}')],
          { cells: [lab('违法事实及证据'), val('{f.facts}\n证据：{f.evidence}', 3)], h: 2000 },
          { cells: [lab('陈述申辩及复核'), val('{f.defenceReview}', 3)], h: 1100 },
          { cells: [lab('法律依据'), val('违反：{f.violatedProvision}\n依据：{f.penaltyBasis}', 3)], h: 900 },
          { cells: [lab('裁量理由'), val('{f.discretionTier}：{f.discretionReason}', 3)], h: 900 },
          { cells: [lab('处理意见'), val(`{f.proposal}\n${signLine('承办人')}`, 3)], h: 1100 },
          { cells: [lab('承办机构意见'), val(`{f.deptOpinion}\n${signLine('负责人')}`, 3)], h: 900 },
          { cells: [lab('法制审核意见'), val(`{f.legalReviewOpinion}\n${signLine('审核人')}`, 3)], h: 900 },
          { cells: [lab('集体讨论意见'), val('{f.collectiveConclusion}', 3)], h: 700 },
          { cells: [lab('负责人审批意见'), val(`{f.headDecision}\n${signLine('负责人')}`, 3)], h: 1000 }
        ]
      )
    ]
  },
  // 16 ─ 法制审核意见书
  {
    id: 'legal_review_opinion',
    title: '法制审核意见书',
    prefix: '法审',
    dossierSlot: 23,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.internal,
    fields: [
      text('submittingDept', '送审机构', { ...req }),
      date('submittedOn', '送审日期', { ...req }),
      text('reviewers', '审核人员', { ...req, hint: '法制审核人员姓名' }),
      area('triggers', '审核事由', { ...req, phrase: true, hint: '属于重大执法决定法制审核目录的哪一情形' }),
      area('proposal', '拟作出的处理决定', { ...req, phrase: true }),
      bool('okSubject', '执法主体合法、执法人员具备资格'),
      bool('okFacts', '当事人认定准确、事实清楚'),
      bool('okEvidence', '证据确凿、充分、合法'),
      bool('okLaw', '定性准确、适用依据正确'),
      bool('okProcedure', '程序合法'),
      bool('okDiscretion', '裁量适当'),
      bool('okDocuments', '执法文书规范'),
      bool('crimeSuspected', '涉嫌犯罪需要移送'),
      area('opinion', '审核意见', { ...req, phrase: true, hint: '逐项说明审核情况及修改建议' }),
      select('conclusion', '审核结论', { ...req, options: ['同意', '建议修改后同意', '不同意', '退回补充调查'] }),
      area('headOpinion', '法制审核机构负责人意见', { phrase: true })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('当事人'), val('{party.name}'), lab('立案编号'), val('{case.number}')],
          [lab('送审机构'), val('{f.submittingDept}'), lab('送审日期'), val('{f.submittedOn | cnDate}')],
          [lab('审核人员'), val('{f.reviewers}', 3)],
          { cells: [lab('审核事由'), val('{f.triggers}', 3)], h: 700 },
          { cells: [lab('拟处理决定'), val('{f.proposal}', 3)], h: 900 },
          {
            cells: [
              lab('审核内容'),
              val(
                [
                  '{f.okSubject | checkbox} 执法主体合法，执法人员具备执法资格',
                  '{f.okFacts | checkbox} 当事人认定准确，事实清楚',
                  '{f.okEvidence | checkbox} 证据确凿、充分、合法',
                  '{f.okLaw | checkbox} 定性准确，适用法律依据正确',
                  '{f.okProcedure | checkbox} 程序合法',
                  '{f.okDiscretion | checkbox} 裁量适当',
                  '{f.okDocuments | checkbox} 执法文书规范',
                  '{f.crimeSuspected | checkbox} 涉嫌犯罪，需要移送司法机关'
                ].join('\n'),
                3
              )
            ]
          },
          { cells: [lab('审核意见'), val('{f.opinion}', 3)], h: 1500 },
          [lab('审核结论'), val('{f.conclusion}', 3)],
          { cells: [lab('审核人'), val(`${signLine('审核人')}`, 3)], h: 700 },
          { cells: [lab('审核机构负责人意见'), val(`{f.headOpinion}\n${signLine('负责人')}`, 3)], h: 1100 }
        ]
      )
    ]
  },
  // 17 ─ 行政处罚集体讨论记录
  {
    id: 'collective_discussion_record',
    title: '行政处罚集体讨论记录',
    prefix: '罚集',
    dossierSlot: 24,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.internal,
    fields: [
      dtime('start', '讨论开始时间', { ...req }),
      dtime('end', '讨论结束时间', { ...req }),
      text('place', '地点', { ...req }),
      text('chair', '主持人', { ...req, hint: '本机关负责人' }),
      area('attendees', '出席人员', { ...req, hint: '姓名及职务' }),
      text('observers', '列席人员'),
      text('recorder', '记录人', { ...req }),
      text('reporter', '汇报人', { ...req, hint: '案件承办人' }),
      area('caseReport', '案情及处理意见汇报', { ...req, autofill: 'case.facts', phrase: true }),
      area('discussion', '讨论记录', { ...req, phrase: true, hint: '逐人记录发言要点' }),
      area('conclusion', '讨论结论', { ...req, phrase: true, hint: '如：同意给予罚款人民币伍万元整的行政处罚' })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('当事人'), val('{party.name}'), lab('立案编号'), val('{case.number}')],
          [lab('讨论时间'), val('{f.start | cnDateTime}至{f.end | cnDateTime}', 3)],
          [lab('地点'), val('{f.place}'), lab('主持人'), val('{f.chair}')],
          [lab('出席人员'), val('{f.attendees}', 3)],
          [lab('列席人员'), val('{f.observers}'), lab('记录人'), val('{f.recorder}')],
          [lab('汇报人'), val('{f.reporter}', 3)],
          { cells: [lab('案情及处理意见汇报'), val('{f.caseReport}', 3)], h: 1800 },
          { cells: [lab('讨论记录'), val('{f.discussion}', 3)], h: 2800 },
          { cells: [lab('讨论结论'), val('{f.conclusion}', 3)], h: 1200 },
          { cells: [lab('出席人员签名'), val('', 3)], h: 1000 }
        ]
      )
    ]
  },
  // 18/19 ─ 行政处罚决定书（单位/个人）
  ...(['org', 'person'] as const).map((kind): TypeDef => {
    const you = kind === 'org' ? '你单位' : '你'
    return {
      id: `penalty_decision_${kind}`,
      title: kind === 'org' ? '行政处罚决定书（单位）' : '行政处罚决定书（个人）',
      prefix: '罚',
      dossierSlot: 2,
      external: true,
      handSigned: false,
      procedures: ['general'],
      copies: COPIES.decision,
      fields: [
        area('facts', '违法事实', { ...req, autofill: 'case.facts', phrase: true, hint: '时间、地点、行为、情节、后果，说理充分' }),
        area('evidence', '证据', { ...req, phrase: true, hint: '列举证据并说明证明的事实' }),
        date('noticeDate', '告知书送达日期', { ...req }),
        text('noticeNumber', '告知书编号', { ...req }),
        bool('hearingEligible', '已告知听证权利', { hint: '符合听证条件、依法告知了听证权利的勾选' }),
        area('defenceSummary', '陈述申辩（听证）情况及采纳意见', {
          ...req,
          phrase: true,
          hint: '当事人的意见、复核结果及是否采纳的理由；放弃的写明'
        }),
        cite('violatedProvision', '违反的规定', { ...req, phrase: true }),
        cite('penaltyBasis', '处罚依据', { ...req, phrase: true }),
        area('discretionReason', '裁量理由', { ...req, phrase: true, hint: '适用的裁量基准条目、阶次及理由' }),
        area('penalty', '行政处罚内容', { ...req, phrase: true, hint: '如：罚款人民币伍万元整（¥50,000.00）' }),
        money('fine', '罚款金额', { hint: '有罚款的填写，用于缴款告知和公示' })
      ],
      body: () => [
        ...(kind === 'org'
          ? [
              L('被处罚单位：{party.name}', { before: 120 }),
              L('统一社会信用代码：{party.creditCode}'),
              L('地址：{party.address}　邮政编码：{party.postcode}'),
              L('法定代表人（负责人）：{party.legalRep}　职务：{party.legalRepPost}　联系电话：{party.phone}')
            ]
          : [
              L('被处罚人：{party.name}　性别：{party.sex}　年龄：{party.age}', { before: 120 }),
              L('身份证件号码：{party.idNumber}'),
              L('工作单位：{party.employer}　职务：{party.post}'),
              L('住址：{party.address}　联系电话：{party.phone}')
            ]),
        P('{f.facts | lead:"经查，"}', { before: 120 }),
        P('以上事实有{f.evidence}等证据为证。'),
        P(
          `本机关于{f.noticeDate | cnDate}向${you}送达了《行政处罚告知书》（{f.noticeNumber}），告知${you}拟作出行政处罚的事实、理由、依据及${you}依法享有的陈述、申辩{#f.hearingEligible}和要求听证{/f.hearingEligible}的权利。{f.defenceSummary}`
        ),
        P('{f.discretionReason}'),
        P(`${you}的上述行为违反了{f.violatedProvision}的规定，依据{f.penaltyBasis}的规定，决定给予{f.penalty}的行政处罚。`),
        ...block('f.fine', [
          P(
            `罚款{f.fine | amountCn}限${you}自收到本决定书之日起十五日内缴至{agency.bankName}，户名：{agency.bankAccountName}，账号：{agency.bankAccountNo}。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。`,
            { align: 'left' }
          )
        ]),
        P(appeal('决定', '决定书')),
        P(`${you}逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。`),
        ...agencySeal()
      ]
    }
  }),
  // 20 ─ 不予行政处罚决定书
  {
    id: 'no_penalty_decision',
    title: '不予行政处罚决定书',
    prefix: '不罚',
    dossierSlot: 2,
    external: true,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.party,
    fields: [
      area('facts', '违法事实', {
        ...req,
        autofill: 'case.facts',
        phrase: true,
        hint: '时间、地点、行为、情节、后果，写明轻微、及时改正等情节'
      }),
      area('evidence', '证据', { ...req, hint: '列举证据并说明证明的事实' }),
      cite('violatedProvision', '违反的规定', { ...req }),
      cite('reasonBasis', '不予处罚的依据', { ...req, hint: '如：《中华人民共和国行政处罚法》第三十三条第一款' }),
      area('reason', '不予处罚的理由', { ...req, hint: '如：违法行为轻微并及时改正，没有造成危害后果；初次违法且危害后果轻微并及时改正' }),
      date('decisionDate', '决定日期', { ...req })
    ],
    body: () => [
      ...partyBlock('当事人', '当事人'),
      P('{f.facts | lead:"经查，"}', { before: 120 }),
      P('以上事实有{f.evidence}等证据为证。'),
      P('你（单位）的上述行为违反了{f.violatedProvision}的规定，但鉴于{f.reason}，依据{f.reasonBasis}的规定，本机关决定不予行政处罚。'),
      P(appeal('决定', '决定书')),
      ...agencySeal('{f.decisionDate | cnDate}')
    ]
  },
  // 21 ─ 行政（当场）处罚决定书
  {
    id: 'onsite_penalty_decision',
    title: '行政（当场）处罚决定书',
    prefix: '当罚',
    dossierSlot: 2,
    external: true,
    handSigned: true,
    procedures: ['summary'],
    copies: COPIES.party,
    fields: [
      dtime('time', '违法行为时间', { ...req }),
      text('place', '违法行为地点', { ...req }),
      area('facts', '违法事实', { ...req, autofill: 'case.facts', phrase: true }),
      cite('violatedProvision', '违反的规定', { ...req, phrase: true }),
      cite('penaltyBasis', '处罚依据', { ...req, phrase: true }),
      area('penalty', '行政处罚内容', { ...req, phrase: true, hint: '警告，或者罚款（个人200元以下、单位3000元以下）' }),
      money('fine', '罚款金额', { hint: '有罚款的填写' }),
      select('paymentMethod', '罚款缴纳方式', { options: ['当场缴纳', '自收到本决定书之日起十五日内到指定银行缴纳'], when: 'f.fine' }),
      ...partyRefusalFields()
    ],
    body: () => [
      ...partyBlock('被处罚单位', '被处罚人'),
      P('{f.time | cnDateTime}，在{f.place}，{f.facts}', { before: 120 }),
      P(
        '以上事实违反了{f.violatedProvision}的规定，依据{f.penaltyBasis}和《中华人民共和国行政处罚法》第五十一条的规定，当场决定给予{f.penalty}的行政处罚。'
      ),
      ...block('f.fine', [
        P(
          '罚款{f.fine | amountCn}，缴纳方式：{f.paymentMethod}。收缴银行：{agency.bankName}，户名：{agency.bankAccountName}，账号：{agency.bankAccountNo}。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。',
          { align: 'left' }
        )
      ]),
      P(appeal('决定', '决定书')),
      ...officerSigns(),
      partySign('当事人'),
      ...agencySeal()
    ]
  },
  // 22 ─ 文书送达回执
  {
    id: 'service_receipt',
    title: '文书送达回执',
    prefix: null,
    dossierSlot: 28,
    external: false,
    handSigned: true,
    procedures: ['summary', 'general', 'inspection'],
    copies: '本回执由应急管理部门附卷存档。',
    fields: [
      list('documents', '送达文书', {
        ...req,
        hint: '可同时送达多份文书',
        item: [
          { key: 'title', label: '文书名称', type: 'text', required: true },
          { key: 'number', label: '文书编号', type: 'text' }
        ]
      }),
      text('recipient', '受送达人', { ...req, autofill: 'party.name' }),
      dtime('servedAt', '送达时间', { ...req }),
      text('place', '送达地点', { ...req, autofill: 'party.address' }),
      select('method', '送达方式', { ...req, options: ['直接送达', '留置送达', '委托送达', '邮寄送达', '公告送达', '电子送达'] }),
      text('proxyRelation', '代收人及与受送达人关系', { hint: '由他人代收时填写' }),
      text('witness', '见证人', { hint: '留置送达时填写见证人姓名及身份' }),
      area('remarks', '备注', { phrase: true, hint: '留置送达写明拒收事由和日期；邮寄送达写明邮件号码' })
    ],
    body: () => [
      table(
        [1, 5, 3],
        [
          [lab('序号'), lab('送达文书名称'), lab('文书编号')],
          [val('^{#f.documents}{$n}'), val('{title}'), val('{number}{/f.documents}')]
        ]
      ),
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('送达机关'), val('{agency.name}', 3)],
          [lab('受送达人'), val('{f.recipient}', 3)],
          [lab('送达时间'), val('{f.servedAt | cnDateTime}'), lab('送达方式'), val('{f.method}')],
          [lab('送达地点'), val('{f.place}', 3)],
          { cells: [lab('受送达人签名或者盖章'), val(`\n>${HAND_DATE}`, 3)], h: 1000 },
          [lab('代收人及与受送达人关系'), val('{f.proxyRelation}', 3)],
          { cells: [lab('送达人（签名）'), val(`{#officers}\n${BLANK}\u3000执法证号：{certNo}\n{/officers}`, 3)], h: 900 },
          [lab('见证人'), val('{f.witness}', 3)],
          { cells: [lab('备注'), val('{f.remarks}', 3)], h: 1000 }
        ]
      )
    ]
  },
  // 23 ─ 罚款催缴通知书
  {
    id: 'fine_demand_notice',
    title: '罚款催缴通知书',
    prefix: '催缴',
    dossierSlot: 25,
    external: true,
    handSigned: false,
    procedures: ['general', 'summary'],
    copies: COPIES.party,
    fields: [
      date('decisionDate', '处罚决定日期', { ...req }),
      text('decisionNumber', '处罚决定书编号', { ...req }),
      money('fine', '罚款金额', { ...req }),
      date('asOfDate', '截止日期', { ...req, autofill: 'today', hint: '计算未缴金额和加处罚款的截止日' }),
      money('unpaid', '未缴罚款', { ...req }),
      date('surchargeFrom', '加处罚款起算日', { ...req, hint: '缴款期限届满次日' }),
      money('surcharge', '已加处罚款', { ...req, hint: '每日3%，不超过罚款数额' }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee(),
      P(
        '本机关于{f.decisionDate | cnDate}作出《行政处罚决定书》（{f.decisionNumber}），对你（单位）处以{f.fine | amountCn}的罚款。截至{f.asOfDate | cnDate}，你（单位）尚有罚款{f.unpaid | amountCn}未缴纳。'
      ),
      P(
        '依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，自{f.surchargeFrom | cnDate}起每日按罚款数额的百分之三加处罚款，截至{f.asOfDate | cnDate}已加处罚款{f.surcharge | amountCn}，加处罚款的数额不超出罚款的数额。'
      ),
      P(
        '请你（单位）自收到本通知书之日起十日内，将上述罚款和加处罚款缴至{agency.bankName}，户名：{agency.bankAccountName}，账号：{agency.bankAccountNo}。你（单位）收到本通知书后有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。',
        { align: 'left' }
      ),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      ...agencySeal()
    ]
  },
  // 24 ─ 案件移送书
  {
    id: 'case_transfer',
    title: '案件移送书',
    prefix: '移',
    dossierSlot: 29,
    external: true,
    handSigned: false,
    procedures: ['general', 'inspection'],
    copies: '本文书一式两份：一份由应急管理部门备案，一份送受移送机关。',
    fields: [
      text('receivingAuthority', '受移送机关', { ...req, hint: '如：××县公安局' }),
      area('caseSummary', '案件基本情况', { ...req, autofill: 'case.facts', phrase: true }),
      area('reason', '移送理由', { ...req, phrase: true, hint: '如：涉嫌重大责任事故罪；不属于本机关管辖' }),
      cite('basis', '移送依据', {
        ...req,
        phrase: true,
        hint: '如：《中华人民共和国行政处罚法》第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》'
      }),
      area('materials', '移送材料', { ...req, hint: '材料名称及页数' }),
      num('materialsCount', '材料份数', { ...req }),
      text('contact', '联系人', { ...req })
    ],
    body: () => [
      addressee('{f.receivingAuthority}'),
      P('本机关在办理{case.name}过程中，发现该案{f.reason}。依据{f.basis}的规定，现将该案移送你单位处理。'),
      P('案件基本情况：{f.caseSummary}'),
      P('随案移送材料共{f.materialsCount}份：{f.materials}'),
      P('请你单位在收到本移送书后及时审查，并将处理结果书面告知本机关。'),
      L('联系人：{f.contact}　联系电话：{agency.phone}'),
      ...agencySeal()
    ]
  },
  // 25 ─ 结案审批表
  {
    id: 'case_closing_approval',
    title: '结案审批表',
    prefix: '结',
    dossierSlot: 30,
    external: false,
    handSigned: true,
    procedures: ['general'],
    copies: COPIES.internal,
    fields: [
      text('decisionNumber', '处罚决定书编号', { hint: '作出处罚决定的填写' }),
      date('decisionDate', '处罚决定日期'),
      area('outcome', '处理结果', { ...req, phrase: true, hint: '处罚种类和数额，或者不予处罚、移送等结果' }),
      area('execution', '执行情况', { ...req, phrase: true, hint: '罚款缴纳、整改落实、强制执行情况' }),
      date('paidOn', '缴款日期'),
      money('paidAmount', '缴款金额'),
      text('receiptNo', '缴款票据号'),
      select('closingReason', '结案理由', {
        ...req,
        options: ['执行完毕', '终结执行', '移送处理', '不予行政处罚', '违法事实不成立', '撤销案件', '其他']
      }),
      area('handlerOpinion', '承办人意见', { ...req, phrase: true, hint: '如：本案已执行完毕，建议结案' }),
      area('deptOpinion', '承办机构意见', { phrase: true }),
      area('headOpinion', '负责人审批意见', { phrase: true })
    ],
    body: () => [
      table(
        [2.2, 3.6, 2.4, 3.8],
        [
          [lab('案件名称'), val('{case.name}', 3)],
          [lab('案由'), val('{case.cause}', 3)],
          [lab('当事人'), val('{party.name}'), lab('立案编号'), val('{case.number}')],
          [lab('立案日期'), val('{case.filedOn | cnDate}'), lab('承办人'), val('{#officers}{name} {/officers}')],
          [lab('决定书编号'), val('{f.decisionNumber}'), lab('决定日期'), val('{f.decisionDate | cnDate}')],
          { cells: [lab('处理结果'), val('{f.outcome}', 3)], h: 1100 },
          {
            cells: [
              lab('执行情况'),
              val('{f.execution}\n缴款日期：{f.paidOn | cnDate}　金额：{f.paidAmount | amountFig}　票据号：{f.receiptNo}', 3)
            ],
            h: 1500
          },
          [lab('结案理由'), val('{f.closingReason}', 3)],
          { cells: [lab('承办人意见'), val(`{f.handlerOpinion}\n${signLine('承办人')}`, 3)], h: 1300 },
          { cells: [lab('承办机构意见'), val(`{f.deptOpinion}\n${signLine('负责人')}`, 3)], h: 1200 },
          { cells: [lab('负责人审批意见'), val(`{f.headOpinion}\n${signLine('负责人')}`, 3)], h: 1200 }
        ]
      )
    ]
  }
]

const HEADER = '应急管理行政执法文书'

// ------------------------------------------------------------------------------------------------------------------
// Assembly
// ------------------------------------------------------------------------------------------------------------------
function manifest() {
  const m = {
    version: 1,
    header: HEADER,
    types: TYPES.map((t) => ({
      id: t.id,
      title: t.title,
      prefix: t.prefix,
      dossierSlot: t.dossierSlot,
      external: t.external,
      handSigned: t.handSigned,
      procedures: t.procedures,
      copies: t.copies,
      fields: t.fields.map((f) => {
        const out: Record<string, unknown> = { key: f.key, label: f.label, type: f.type, required: !!f.required }
        if (f.autofill) out.autofill = f.autofill
        if (f.phrase) out.phraseCategory = `${t.id}.${f.key}`
        if (f.hint) out.hint = f.hint
        if (f.options) out.options = f.options
        if (f.item) out.item = f.item.map((s) => ({ ...s, required: !!s.required }))
        if (f.when) out.when = f.when
        return out
      })
    }))
  }
  ManifestSchema.parse(m) // fail the build, not the app, when the catalogue is malformed
  return m
}

function buildDocument(t: TypeDef): Document {
  const children: (Paragraph | Table)[] = [
    para(HEADER, { font: 'song', size: SIZE.body, align: 'center' }),
    para(t.title, { font: 'hei', size: SIZE.title, bold: true, align: 'center', before: 120, after: t.prefix ? 0 : 240, line: 360 }),
    ...(t.prefix ? [para('{doc.number}', { font: 'song', size: SIZE.number, align: 'right', after: 120, plain: true })] : []),
    ...t.body(),
    para(t.copies, { size: SIZE.small, align: 'left', before: 240 })
  ]
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '共 ', font: FONTS.song, size: SIZE.small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONTS.song, size: SIZE.small }),
          new TextRun({ text: ' 页　第 ', font: FONTS.song, size: SIZE.small }),
          new TextRun({ children: [PageNumber.CURRENT], font: FONTS.song, size: SIZE.small }),
          new TextRun({ text: ' 页', font: FONTS.song, size: SIZE.small })
        ]
      })
    ]
  })
  return new Document({
    creator: 'CaseBinder',
    lastModifiedBy: 'CaseBinder',
    title: t.title,
    description: `CaseBinder 执法文书模板：${t.id}`,
    styles: {
      default: {
        document: {
          run: { font: FONTS.fang, size: SIZE.body },
          paragraph: { spacing: { line: LINE_BODY, lineRule: LineRuleType.AUTO } }
        }
      }
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(15), footer: mm(15) } } },
        footers: { default: footer },
        children
      }
    ]
  })
}

/** re-zip with a fixed entry order and timestamp, and fixed core-property dates */
function normalise(buf: Buffer): Buffer {
  const src = new PizZip(buf)
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir)
  const first = ['[Content_Types].xml', '_rels/.rels']
  names.sort((a, b) => {
    const ia = first.indexOf(a),
      ib = first.indexOf(b)
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib)
    return a < b ? -1 : a > b ? 1 : 0
  })
  const out = new PizZip()
  for (const name of names) {
    let data: string | Uint8Array = src.files[name]!.asUint8Array()
    if (name === 'docProps/core.xml') {
      data = src.files[name]!.asText()
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${FIXED_DATE}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${FIXED_DATE}$2`)
    }
    out.file(name, data, { date: ZIP_DATE, createFolders: false, binary: typeof data !== 'string' })
  }
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }) as Buffer
}

async function buildAll(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  files.set('manifest.json', Buffer.from(JSON.stringify(manifest(), null, 2) + '\n', 'utf8'))
  for (const t of TYPES) files.set(`${t.id}.docx`, normalise(await Packer.toBuffer(buildDocument(t))))
  return files
}

async function main() {
  const check = process.argv.includes('--check')
  const files = await buildAll()
  if (check) {
    const bad: string[] = []
    for (const [name, buf] of files) {
      const p = join(OUT_DIR, name)
      if (!existsSync(p) || !readFileSync(p).equals(buf)) bad.push(name)
    }
    const extra = existsSync(OUT_DIR) ? readdirSync(OUT_DIR).filter((n) => /\.(docx|json)$/.test(n) && !files.has(n)) : []
    if (bad.length || extra.length) {
      if (bad.length) console.error(`templates out of date: ${bad.join(', ')}`)
      if (extra.length) console.error(`templates not produced by the script: ${extra.join(', ')}`)
      console.error('run: npx tsx scripts/build-templates.ts')
      process.exit(1)
    }
    console.log(`templates up to date (${files.size} files)`)
    return
  }
  mkdirSync(OUT_DIR, { recursive: true })
  for (const [name, buf] of files) writeFileSync(join(OUT_DIR, name), buf)
  console.log(`wrote ${files.size} files to templates/`)
}

await main()
