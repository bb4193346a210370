/** `casebinder calendar`: the working-day calendar (工作日历). */
import type { Command } from 'commander'
import type { Door } from '../run'
import type { Printer } from '../output'
import { readFile } from '../args'

export function registerCalendar(program: Command, { run }: Door, out: Printer): void {
  const calendar = program.command('calendar').description('working-day calendar (工作日历)')
  calendar
    .command('import')
    .argument('<file>', 'JSON {year, restDays, makeupWorkdays, source} or lines "2027-01-01,休,元旦" / "2027-02-07,班,春节"')
    .option('--replace', 'replace a year that already has data')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { replace?: boolean; json?: boolean }) => {
      const text = readFile(file, 'CALENDAR_IMPORT_INVALID', 'utf8')
      const r = await run('calendar.import', { text, replace: !!o.replace })
      if (o.json) return out.json(r)
      out.line(`已导入${r.year}年工作日历：放假${r.restDays}天，调休上班${r.makeupWorkdays}天（${r.version}）`)
    })
  calendar
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const r = await run('calendar.listYears', {})
      if (o.json) return out.json(r.years.map((y) => ({ id: y.year, ...y })))
      out.line(`calendar version ${r.version}`)
      for (const y of r.years) out.line(`  ${y.year}  放假${y.restDays}天  调休上班${y.makeupWorkdays}天  ${y.source}`)
    })
}
