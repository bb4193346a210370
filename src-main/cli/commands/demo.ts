/** `casebinder demo`: load the demo agency, officers, parties and cases. */
import type { Command } from 'commander'
import type { Door } from '../run'
import type { Printer } from '../output'

export function registerDemo(program: Command, { run }: Door, out: Printer): void {
  program
    .command('demo')
    .description('load the demo agency, officers, parties and cases into an empty home')
    .option('--cases <n>', 'number of demo cases', '220')
    .option('--json', 'print JSON')
    .action((o: { cases: string; json?: boolean }) => {
      const r = run('demo.load', { cases: Number(o.cases) })
      if (o.json) return out.json(r)
      out.line(`已载入演示数据：执法人员 ${r.officers} 名，当事人 ${r.parties} 个，案件 ${r.cases} 件`)
    })
}
