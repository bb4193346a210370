/** `casebinder demo`: load the demo agency, officers, parties and cases. */
import type { Command } from 'commander'
import type { Door } from '../run'
import type { Printer } from '../output'
import { ROLE_LABELS } from '../../core/roles'

export function registerDemo(program: Command, { run }: Door, out: Printer): void {
  program
    .command('demo')
    .description('load the demo agency, officers, parties and cases into an empty home')
    .option('--cases <n>', 'number of demo cases', '220')
    .option('--json', 'print JSON')
    .action(async (o: { cases: string; json?: boolean }) => {
      const r = await run('demo.load', { cases: Number(o.cases) })
      if (o.json) return out.json(r)
      out.line(`已载入演示数据：执法人员 ${r.officers} 名，当事人 ${r.parties} 个，案件 ${r.cases} 件`)
      out.line(`演示账户（密码均为 ${r.password}）：`)
      for (const a of r.accounts)
        out.line(`  ${a.login.padEnd(10)} ${a.name.padEnd(6, '　')} ${a.roles.map((x) => ROLE_LABELS[x]).join('、')}`)
      out.line(`例如：CASEBINDER_PASSWORD=${r.password} casebinder --user lixh cases list`)
    })
}
