import { listActivity, verifyChain } from '../store/activity'
import type { ServiceContext } from './context'

export function auditVerify(ctx: ServiceContext) {
  return verifyChain(ctx.home.store)
}

export function auditList(ctx: ServiceContext, input: { targetType?: string | undefined; targetId?: string | undefined; limit: number }) {
  return listActivity(ctx.home.store, {
    limit: input.limit,
    ...(input.targetType ? { targetType: input.targetType } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {})
  })
}
