import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { appError } from '../core/errors'
import { chineseDate } from '../core/dates'
import { agencyTable, officerTable, type Table } from '../core/publicity-lists'
import { getAgency } from '../store/repos/agency'
import { writeFileAtomic } from '../store/atomic'
import { change, today, type ServiceContext } from './context'
import { officersList } from './officers'

export interface ExportFile {
  name: string
  mime: string
  content: string
}

const BOM = '\uFEFF' // Excel and WPS need it to read UTF-8 CSV as Chinese

function csv(table: Table): string {
  return BOM + stringify([table.headers, ...table.rows], { record_delimiter: 'windows' })
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function htmlTable(t: Table): string {
  const head = t.headers.map((h) => `<th>${esc(h)}</th>`).join('')
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')
  return `<section><h2>${esc(t.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`
}

function publicityPage(agencyName: string, tables: Table[], asOf: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(agencyName)} 行政执法公示清单</title>
<style>
  body { font-family: "Noto Serif CJK SC", "SimSun", "Songti SC", serif; margin: 2em auto; max-width: 1100px; color: #111; }
  h1 { text-align: center; font-size: 22pt; margin-bottom: .2em; }
  .meta { text-align: center; color: #444; margin-bottom: 2em; }
  h2 { font-size: 16pt; border-left: 4px solid #b22; padding-left: .5em; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2em; font-size: 11pt; }
  th, td { border: 1px solid #333; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  @page { size: A4 landscape; margin: 15mm; }
  @media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(agencyName)}<br>行政执法公示清单</h1>
<p class="meta">公示日期：${esc(chineseDate(asOf))}</p>
${tables.map(htmlTable).join('\n')}
</body>
</html>
`
}

export function listsRender(ctx: ServiceContext): { files: ExportFile[]; omitted: { name: string; reason: string }[] } {
  const agency = getAgency(ctx.home.db)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，请先在“设置 › 执法主体”中填写')
  const asOf = today(ctx)
  const officers = officersList(ctx, { includeInactive: true, asOf })
  const a = agencyTable(agency)
  const { table: o, omitted } = officerTable(agency, officers, asOf)
  return {
    files: [
      { name: '执法主体资格清单.csv', mime: 'text/csv;charset=utf-8', content: csv(a) },
      { name: '执法人员资格清单.csv', mime: 'text/csv;charset=utf-8', content: csv(o) },
      { name: '行政执法公示清单.html', mime: 'text/html;charset=utf-8', content: publicityPage(agency.name, [a, o], asOf) }
    ],
    omitted: omitted.map((x) => ({ name: x.officer.name, reason: x.reason }))
  }
}

export function listsExport(ctx: ServiceContext, input: { outDir: string }): { files: string[] } {
  const { files, omitted } = listsRender(ctx)
  return change(
    ctx,
    'lists',
    () => {
      const written: string[] = []
      try {
        for (const f of files) {
          const path = join(input.outDir, f.name)
          writeFileAtomic(path, f.content)
          written.push(path)
        }
      } catch (err) {
        throw appError('EXPORT_FAILED', `无法写入导出目录 ${input.outDir}：${(err as Error).message}`, { outDir: input.outDir })
      }
      return { files: written }
    },
    (r) => ({
      action: 'lists.export',
      targetType: 'publicity',
      targetId: null,
      summary: `导出行政执法公示清单（${r.files.length} 个文件）`,
      detail: { outDir: input.outDir, files: files.map((f) => f.name), omitted }
    })
  )
}
