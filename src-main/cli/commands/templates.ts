/** `casebinder templates`: document templates (文书模板). */
import type { Command } from 'commander'
import type { Door } from '../run'
import type { Printer } from '../output'

export function registerTemplates(program: Command, { run }: Door, out: Printer): void {
  program
    .command('templates')
    .description('document templates (文书模板)')
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await run('templates.list', {})
      if (o.json) return out.json(list)
      for (const t of list)
        out.line(
          `${t.id.padEnd(30)} ${t.title}${t.prefix ? `  代字：${t.prefix}` : ''}${t.custom ? '  [本机关模板]' : ''}  字段 ${t.fields.length}`
        )
    })
}
