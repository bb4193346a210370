/** Registering a party inside the open transaction (the demo seeds its parties this way). */
import { appError } from '../../core/errors'
import { partyIdentityKey, type Party, type PartyData } from '../../core/party'
import { findParty, findPartyByIdentity, insertParty } from '../../store/repos/parties'
import type { Tx } from '../context'

/** The refusal for a credit code or ID number that is already a party. */
export function duplicateError(existing: Party) {
  const what = existing.kind === 'person' ? '身份证号码' : '统一社会信用代码'
  return appError('PARTY_DUPLICATE', `该${what}已登记为当事人“${existing.name}”（编号 ${existing.id}）`, {
    existingId: existing.id,
    issues: [{ path: existing.kind === 'person' ? 'idNumber' : 'creditCode', message: `已登记为“${existing.name}”` }]
  })
}

/** A new party; the same credit code or ID number twice is refused. Appends `party.add`. */
export async function addParty(tx: Tx, input: PartyData): Promise<Party> {
  const { db, at } = tx
  const key = partyIdentityKey(input)
  const existing = await findPartyByIdentity(db, key)
  if (existing) throw duplicateError(existing)
  const p = (await findParty(db, await insertParty(db, input, key, at)))!
  await tx.record('parties', {
    action: 'party.add',
    targetType: 'party',
    targetId: p.id,
    summary: `登记当事人 ${p.name}`,
    detail: { after: p }
  })
  return p
}
