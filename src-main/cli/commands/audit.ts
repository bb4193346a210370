/** `casebinder audit`: the activity record (全过程记录) of the whole home. */
import type { Command } from 'commander'
import { ACTION_LABELS } from '../../core/activity'
import type { Door } from '../run'
import { EXIT, fail, type Printer } from '../output'

export function registerAudit(program: Command, { run }: Door, out: Printer): void {
  const audit = program.command('audit').description('activity record (全过程记录)')
  audit
    .command('verify')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const r = await run('audit.verify', {})
      if (o.json) out.json(r)
      else if (r.ok) out.line(`activity record intact: ${r.entries} entries, head ${r.headHash}`)
      if (!r.ok) fail('AUDIT_CHAIN_BROKEN', `entry ${r.firstBad?.seq}: ${r.firstBad?.reason}`, undefined, EXIT.chainBroken)
    })
  audit
    .command('log')
    .option('--limit <n>', 'entries', '50')
    .option('--json', 'print JSON')
    .action(async (o: { limit: string; json?: boolean }) => {
      const list = await run('audit.list', { limit: Number(o.limit) })
      if (o.json) return out.json(list)
      for (const e of list)
        out.line(`${String(e.seq).padStart(5)}  ${e.at}  ${e.actor}  ${ACTION_LABELS[e.action] ?? e.action}  ${e.summary}`)
    })
}
