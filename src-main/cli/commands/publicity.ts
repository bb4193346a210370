/** `casebinder publicity`: publication of penalty decisions (行政处罚决定公示, 双公示). */
import type { Command } from 'commander'
import type { ChannelOutput } from '../../contract'
import { contract } from '../../contract'
import { ReviewInputs } from '../../core/review-views'
import { caseIdOf, type Door } from '../run'
import type { Printer } from '../output'
import { pick } from '../args'

function printPublicity(out: Printer, p: ChannelOutput<'publicity.get'>): void {
  out.line(
    `#${p.id}  ${p.record.decisionNumber}  ${p.record.partyName}  [${p.statusLabel}]  应于${p.due}前公示${p.overdue ? '（已逾期）' : ''}  公示至${p.maxUntil}${p.withdrawDue ? `  应于${p.withdrawDue}前撤回` : ''}`
  )
}

export function registerPublicity(program: Command, door: Door, out: Printer): void {
  const { run } = door
  const pub = program.command('publicity').description('publication of penalty decisions (行政处罚决定公示)')
  pub
    .command('build <case>')
    .description('build the 双公示 record from the issued penalty decision (personal data redacted)')
    .option('--document <id>')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { document?: string; json?: boolean }) => {
      const p = await run('publicity.build', {
        caseId: await caseIdOf(door, ref),
        ...(o.document ? { documentId: Number(o.document) } : {})
      })
      if (o.json) return out.json(p)
      printPublicity(out, p)
      out.line(`隐去个人信息 ${p.redactions} 处\n${p.summary}`)
    })
  pub
    .command('publish <id>')
    .requiredOption('--date <date>')
    .requiredOption('--url <url>', 'the page where it is published')
    .action(async (id: string, o: { date: string; url: string }) =>
      printPublicity(out, await run('publicity.publish', { id: Number(id), publishedOn: o.date, url: o.url }))
    )
  pub
    .command('withdraw <id>')
    .requiredOption('--reason <r>', 'revoked | changed | unlawful | void | credit_repair | expired')
    .requiredOption('--date <date>')
    .option('--note <text>', '', '')
    .action(async (id: string, o: { reason: string; date: string; note: string }) =>
      printPublicity(
        out,
        await run('publicity.withdraw', {
          id: Number(id),
          reason: pick(ReviewInputs.publicityWithdraw.shape.reason, o.reason, '--reason'),
          date: o.date,
          note: o.note
        })
      )
    )
  pub
    .command('changed <case>')
    .description('the decision was revoked or changed: starts the 3-working-day withdrawal period')
    .requiredOption('--date <date>')
    .requiredOption('--reason <text>')
    .action(async (ref: string, o: { date: string; reason: string }) => {
      for (const p of await run('publicity.decisionChanged', { caseId: await caseIdOf(door, ref), date: o.date, reason: o.reason }))
        printPublicity(out, p)
    })
  pub
    .command('list')
    .option('--status <s>', 'pending | published | withdrawn | corrected | expired | removed_early')
    .option('--case <case>')
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; case?: string; json?: boolean }) => {
      const list = await run('publicity.list', {
        ...(o.status ? { status: pick(contract['publicity.list'].input.shape.status, o.status, '--status') } : {}),
        ...(o.case ? { caseId: await caseIdOf(door, o.case) } : {})
      })
      if (o.json) return out.json(list)
      if (!list.length) return out.line('（无公示记录）')
      for (const p of list) printPublicity(out, p)
    })
  pub
    .command('export')
    .description('write the published records as CSV, JSON and a static HTML page')
    .requiredOption('--out <dir>')
    .action(async (o: { out: string }) => {
      const r = await run('publicity.export', { outDir: o.out })
      out.line(`${r.count} 条公示信息`)
      for (const f of r.files) out.line(f)
    })
}
