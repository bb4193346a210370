import { appError } from '../core/errors'
import { chineseDate } from '../core/dates'
import { agencyTable, officerTable } from '../core/publicity-lists'
import { csv, htmlPage, htmlTable, type Table } from '../core/tables'
import { getAgency } from '../store/repos/agency'
import { change, today, type ServiceContext } from './context'
import { writeExportFiles } from './guards'
import { officerViews } from './officers'

export interface ExportFile {
  name: string
  mime: string
  content: string
}

function publicityPage(agencyName: string, tables: Table[], asOf: string): string {
  return htmlPage(`${agencyName}<br>行政执法公示清单`, `公示日期：${chineseDate(asOf)}`, tables.map(htmlTable).join('\n'))
}

export function listsRender(ctx: ServiceContext) {
  return renderLists(ctx)
}

async function renderLists(ctx: ServiceContext): Promise<{ files: ExportFile[]; omitted: { name: string; reason: string }[] }> {
  const agency = await getAgency(ctx.home.store)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '尚未登记执法主体信息，请先在“设置 › 执法主体”中填写')
  const asOf = today(ctx)
  const officers = await officerViews(ctx.home.store, true, asOf)
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

export async function listsExport(ctx: ServiceContext, input: { outDir: string }): Promise<{ files: string[] }> {
  const { files, omitted } = await renderLists(ctx)
  return change(
    ctx,
    'lists',
    () => ({ files: writeExportFiles(input.outDir, files) }),
    (r) => ({
      action: 'lists.export',
      targetType: 'publicity',
      targetId: null,
      summary: `导出行政执法公示清单（${r.files.length} 个文件）`,
      detail: { outDir: input.outDir, files: files.map((f) => f.name), omitted }
    })
  )
}
