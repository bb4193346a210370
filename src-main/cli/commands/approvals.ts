/** `casebinder approvals`: a head's approvals (负责人审批: 立案审批、案件处理审批、结案审批). */
import type { Command } from 'commander'
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS } from '../../core/approvals'
import { CASE_STATUS_LABELS } from '../../core/case'
import { ApprovalInputSchema } from '../../core/case-views'
import { caseIdOf, type Door } from '../run'
import type { Printer } from '../output'
import { pick } from '../args'

export function registerApprovals(program: Command, door: Door, out: Printer): void {
  const approvals = program.command('approvals').description("a head's approvals (负责人审批)")
  approvals
    .command('record <case>')
    .description('record an approval as the signed-in head; filing and closing approvals move the case')
    .requiredOption('--kind <kind>', 'filing (立案审批) | handling (案件处理审批) | closing (结案审批)')
    .requiredOption('--outcome <outcome>', 'approved | rejected')
    .requiredOption('--opinion <text>', "the head's opinion, printed on the approval form")
    .option('--date <date>', 'the day of the decision (default: today)')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { kind: string; outcome: string; opinion: string; date?: string; json?: boolean }) => {
      const c = await door.run('approvals.record', {
        caseId: await caseIdOf(door, ref),
        kind: pick(ApprovalInputSchema.shape.kind, o.kind, '--kind'),
        outcome: pick(ApprovalInputSchema.shape.outcome, o.outcome, '--outcome'),
        opinion: o.opinion,
        ...(o.date ? { date: o.date } : {})
      })
      if (o.json) return out.json(c)
      const a = c.approvals.at(-1)!
      out.line(
        `${c.name}：${APPROVAL_KIND_LABELS[a.kind]}${APPROVAL_OUTCOME_LABELS[a.outcome]}（负责人 ${a.approverName}，${a.decidedOn}），` +
          `案件状态：${CASE_STATUS_LABELS[c.status]}${c.number ? `（${c.number}）` : ''}`
      )
    })
}
