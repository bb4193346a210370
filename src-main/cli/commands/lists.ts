/** `casebinder lists`: the publicity lists (事前公示清单). */
import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { Door } from '../run'
import type { Printer } from '../output'

export function registerLists(program: Command, { run }: Door, out: Printer): void {
  program
    .command('lists')
    .description('publicity lists (事前公示清单)')
    .command('export')
    .requiredOption('--out <dir>', 'output folder')
    .option('--json', 'print JSON')
    .action(async (o: { out: string; json?: boolean }) => {
      const r = await run('lists.export', { outDir: resolve(o.out) })
      if (o.json) return out.json(r)
      for (const f of r.files) out.line(f)
    })
}
