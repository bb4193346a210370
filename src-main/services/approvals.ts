/**
 * Approvals (负责人审批): a head records 立案审批, 案件处理审批 or 结案审批 on a case. The step (services/ops/approvals.ts)
 * moves the case where the approval does and fills the approval form; the handler names the signed-in head and
 * returns the case as its screen shows it.
 */
import type { z } from 'zod'
import type { ApprovalInputSchema, CaseDetail } from '../core/case-views'
import { findCase } from '../store/repos/cases'
import { detail } from './cases'
import { transact, type ServiceContext } from './context'
import { recordApproval } from './ops/approvals'

export async function approvalsRecord(ctx: ServiceContext, input: z.output<typeof ApprovalInputSchema>): Promise<CaseDetail> {
  const p = ctx.principal
  const approver = p ? { userId: p.userId, name: p.name } : { userId: null, name: ctx.actor }
  await transact(ctx, (tx) => recordApproval(tx, input, approver))
  return detail(ctx, (await findCase(ctx.home.store, input.caseId))!)
}
