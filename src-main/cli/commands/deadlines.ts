/** `casebinder deadlines`: open deadlines across cases (期限). */
import type { Command } from 'commander'
import { ALERT_LABELS } from '../../core/deadlines'
import type { Door } from '../run'
import type { Printer } from '../output'

export function registerDeadlines(program: Command, { run }: Door, out: Printer): void {
  program
    .command('deadlines')
    .description('open deadlines across cases (期限)')
    .option('--due-within <days>', 'due within N calendar days (overdue included)')
    .option('--officer <id>', "only this officer's cases")
    .option('--json', 'print JSON')
    .action(async (o: { dueWithin?: string; officer?: string; json?: boolean }) => {
      const list = await run('deadlines.list', {
        ...(o.dueWithin !== undefined ? { dueWithinDays: Number(o.dueWithin) } : {}),
        ...(o.officer ? { officerId: Number(o.officer) } : {}),
        limit: 2000
      })
      if (o.json) return out.json(list.map((d) => ({ id: `${d.caseId}:${d.code}`, ...d })))
      for (const d of list)
        out.line(
          `${d.due}  ${ALERT_LABELS[d.alert].padEnd(5, '　')} ${d.label.padEnd(10, '　')} [${d.caseId}] ${d.caseName}${d.verified ? '' : '（日历未核实）'}`
        )
      out.line(`（共 ${list.length} 项）`)
    })
}
