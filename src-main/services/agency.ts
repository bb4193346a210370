import type { AgencyData } from '../core/agency'
import { getAgency, saveAgency } from '../store/repos/agency'
import { change, type ServiceContext } from './context'

export function agencyGet(ctx: ServiceContext) {
  return getAgency(ctx.home.store)
}

export async function agencySet(ctx: ServiceContext, input: AgencyData) {
  return (
    await change(
      ctx,
      'agency',
      async (db, at) => {
        const before = await getAgency(db)
        await saveAgency(db, input, at)
        return { before, after: (await getAgency(db))! }
      },
      ({ before, after }) => ({
        action: 'agency.set',
        targetType: 'agency',
        targetId: '1',
        summary: before ? `修改执法主体信息：${after.name}` : `登记执法主体：${after.name}`,
        detail: { before, after }
      })
    )
  ).after
}
