import demo from '../../resources/demo/foundation.json'
import { AgencyInputSchema } from '../core/agency'
import { addDays } from '../core/dates'
import { appError } from '../core/errors'
import { OfficerInputSchema } from '../core/officer'
import { saveAgency, getAgency } from '../store/repos/agency'
import { insertOfficer, listOfficers } from '../store/repos/officers'
import { change, today, type ServiceContext } from './context'

/** Seed the demo agency and officers into an empty home. Refuses to mix demo data into real data. */
export function demoLoad(ctx: ServiceContext, _input: { cases: number } = { cases: 0 }): { officers: number; agency: boolean; parties: number; cases: number } {
  const base = today(ctx)
  return change(
    ctx,
    'demo',
    (db, at) => {
      if (getAgency(db) || listOfficers(db, true).length > 0) {
        throw appError('DEMO_NOT_EMPTY', '数据目录中已有数据，不能载入演示数据（请使用新的数据目录）')
      }
      saveAgency(db, AgencyInputSchema.parse(demo.agency), at)
      for (const o of demo.officers) {
        const { validUntilOffsetDays, ...rest } = o
        insertOfficer(db, OfficerInputSchema.parse({ ...rest, validUntil: addDays(base, validUntilOffsetDays) }), at)
      }
      return { officers: demo.officers.length, agency: true, parties: 0, cases: 0 }
    },
    (r) => ({
      action: 'demo.load',
      targetType: 'home',
      targetId: null,
      summary: `载入演示数据：执法主体 1 个，执法人员 ${r.officers} 名`,
      detail: { agency: demo.agency, officers: demo.officers, baseDate: base }
    })
  )
}
