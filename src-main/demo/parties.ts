/** The demo parties as validated party input, with credit codes and ID numbers that pass their checks. */
import { PartyInputSchema, type PartyData } from '../core/party'
import { demoCreditCode, demoResidentId } from './identifiers'
import { M } from './material'

/** One input per party in cases.json, in order (case plans refer to parties by this index). */
export function demoParties(): PartyData[] {
  return M.parties.map((p) => {
    const d = M.districts[p.district]
    if (!d) throw new Error(`demo: unknown district ${p.district}`)
    const data =
      p.kind === 'person'
        ? {
            kind: 'person' as const,
            name: p.name,
            idNumber: demoResidentId(p.name, d.code, p.birthDate!, p.sex!),
            employer: p.employerOf ?? '',
            post: p.post ?? '',
            address: p.address,
            postcode: d.postcode,
            phone: p.phone
          }
        : {
            kind: p.kind,
            name: p.name,
            creditCode: demoCreditCode(p.name, p.kind, d.code),
            address: p.address,
            postcode: d.postcode,
            legalRep: p.legalRep!,
            ...(p.kind === 'org'
              ? { legalRepPost: p.legalRepPost ?? '' }
              : { operatorIdNumber: demoResidentId(p.legalRep!, d.code, p.birthDate!, p.sex!) }),
            phone: p.phone,
            licences: p.licences ?? ''
          }
    return PartyInputSchema.parse(data)
  })
}
