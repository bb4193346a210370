/** The demo agency and its officers, validated, with certificate dates relative to the load day. */
import { AgencyInputSchema, type AgencyData } from '../core/agency'
import { addDays } from '../core/dates'
import { OfficerInputSchema, type OfficerData } from '../core/officer'
import { FOUNDATION } from './material'

export function demoFoundation(base: string): { agency: AgencyData; officers: OfficerData[] } {
  return {
    agency: AgencyInputSchema.parse(FOUNDATION.agency),
    officers: FOUNDATION.officers.map((o) => {
      const { validUntilOffsetDays, ...rest } = o
      return OfficerInputSchema.parse({ ...rest, validUntil: addDays(base, validUntilOffsetDays) })
    })
  }
}
