/** Approvals by a head (负责人审批): 立案审批, 案件处理审批, 结案审批. */
import { ApprovalInputSchema, CaseDetailSchema } from '../core/case-views'
import type { ChannelMap } from './shared'

export const approvalsChannels = {
  /** recorded by the signed-in head; moves the case where the approval does and fills the approval form */
  'approvals.record': { input: ApprovalInputSchema, output: CaseDetailSchema }
} as const satisfies ChannelMap
