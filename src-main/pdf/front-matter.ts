/**
 * Cover (案卷首页), contents list (卷内目录) and dossier note (备考表) as printable HTML (DOMAIN.md §3.3).
 * Each function returns one self-contained HTML document laid out for A4.
 */
import { chineseDate } from '../core/dates'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Prefer TrueType CJK faces (embedded as CID TrueType by Chromium); the Windows faces first. */
export const CJK_SERIF = `"SimSun", "宋体", "FangSong", "仿宋", "AR PL UMing CN", "AR PL UMing", "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif`
export const CJK_SANS = `"SimHei", "黑体", "WenQuanYi Zen Hei", "Droid Sans Fallback", "Noto Sans CJK SC", sans-serif`

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: A4; margin: 25mm 20mm 25mm 28mm; }
body { font-family: ${CJK_SERIF}; font-size: 12pt; color: #000; margin: 0; }
h1 { font-family: ${CJK_SANS}; font-size: 22pt; text-align: center; margin: 0 0 8mm; letter-spacing: 2pt; }
h2 { font-family: ${CJK_SANS}; font-size: 16pt; text-align: center; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
* { box-sizing: border-box; }
.nowrap { white-space: nowrap; }
.docno { font-size: 8.5pt; letter-spacing: -0.2pt; }
td, th { border: 1px solid #000; padding: 2mm 1.5mm; vertical-align: middle; word-break: break-all; }
th { font-family: ${CJK_SANS}; font-weight: normal; white-space: nowrap; }
.label { width: 26%; text-align: center; font-family: ${CJK_SANS}; }
.center { text-align: center; } .right { text-align: right; }
.sign { margin-top: 10mm; line-height: 2.2; }
tr { break-inside: avoid; }
</style></head><body>${body}</body></html>`
}

export interface CoverData {
  agencyName: string
  dossierNumber: string
  caseName: string
  cause: string
  outcome: string
  filedOn: string
  closedOn: string
  handlers: string
  archiveNumber: string
  archivedOn: string
  retention: string
  items: number
  pages: number
}

export function coverHtml(d: CoverData): string {
  const row = (label: string, value: string) => `<tr><td class="label">${esc(label)}</td><td>${esc(value)}</td></tr>`
  return page(
    '案卷首页',
    `<div style="height:18mm"></div>
<h1>${esc(d.agencyName)}</h1>
<h2>安全生产违法案件 案卷（首页）</h2>
<p class="right">${esc(d.dossierNumber)}</p>
<table>
${row('案件名称', d.caseName)}
${row('案\u3000\u3000由', d.cause)}
${row('处理结果', d.outcome)}
${row('立案日期', d.filedOn ? chineseDate(d.filedOn) : '')}
${row('结案日期', d.closedOn ? chineseDate(d.closedOn) : '')}
${row('承 办 人', d.handlers)}
${row('卷内件数', `${d.items} 件`)}
${row('卷内页数', `${d.pages} 页`)}
${row('归 档 号', d.archiveNumber)}
${row('归档日期', d.archivedOn ? chineseDate(d.archivedOn) : '')}
${row('保存期限', d.retention)}
</table>`
  )
}

export interface ContentsRow {
  no: number
  number: string
  responsible: string
  title: string
  date: string
  pages: string
  remarks: string
}

export function contentsHtml(caseName: string, rows: ContentsRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td class="center">${r.no}</td><td class="nowrap docno">${esc(r.number)}</td><td>${esc(r.responsible)}</td><td>${esc(r.title)}</td><td class="center nowrap">${esc(r.date.replace(/-/g, '.'))}</td><td class="center nowrap">${esc(r.pages)}</td><td>${esc(r.remarks)}</td></tr>`
    )
    .join('\n')
  return page(
    '卷内目录',
    `<h2>卷 内 目 录</h2>
<p>案件名称：${esc(caseName)}</p>
<table style="font-size:9.5pt">
<colgroup><col style="width:6%"><col style="width:27%"><col style="width:12%"><col><col style="width:12%"><col style="width:8%"><col style="width:10%"></colgroup>
<thead><tr><th>序号</th><th>文号</th><th>责任者</th><th>题名</th><th>日期</th><th>页号</th><th>备注</th></tr></thead>
<tbody>
${body}
</tbody></table>`
  )
}

export interface NoteData {
  items: number
  pages: number
  missing: string[]
  av: string[]
  compiler: string
  compiledOn: string
  checker: string
  checkedOn: string
  note: string
}

export function noteHtml(d: NoteData): string {
  const lines = [
    `本卷共 ${d.items} 件，${d.pages} 页（不含首页、卷内目录和备考表）。`,
    d.missing.length ? `缺少或以打印件代替的材料：${d.missing.join('；')}。` : '本卷材料齐全。',
    d.av.length ? `音像资料另行保存，不编页号：${d.av.join('；')}。` : '',
    d.note
  ].filter(Boolean)
  return page(
    '备考表',
    `<h2>备 考 表</h2>
<table><tr><td style="height:120mm;vertical-align:top;line-height:2">本卷情况说明：<br>${lines.map(esc).join('<br>')}</td></tr></table>
<div class="sign">立卷人：${esc(d.compiler)}\u3000\u3000\u3000\u3000\u3000${d.compiledOn ? esc(chineseDate(d.compiledOn)) : '\u3000\u3000年\u3000\u3000月\u3000\u3000日'}<br>
检查人：${esc(d.checker)}\u3000\u3000\u3000\u3000\u3000${d.checkedOn ? esc(chineseDate(d.checkedOn)) : '\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</div>`
  )
}
