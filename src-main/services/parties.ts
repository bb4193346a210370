import { appError } from '../core/errors'
import { partyIdentityKey, type Party, type PartyData } from '../core/party'
import { findParty, findPartyByIdentity, searchParties, updateParty } from '../store/repos/parties'
import { caseIdsOfParty } from '../store/repos/cases'
import { indexCase } from '../store/repos/case-search'
import { change, transact, type ServiceContext } from './context'
import { addParty, duplicateError } from './ops/parties'

export function partiesList(ctx: ServiceContext, input: { q?: string | undefined; kind?: string | undefined; limit: number }) {
  return searchParties(ctx.home.store, {
    limit: input.limit,
    ...(input.q ? { q: input.q } : {}),
    ...(input.kind ? { kind: input.kind } : {})
  })
}

export async function partiesGet(ctx: ServiceContext, input: { id: number }): Promise<Party> {
  const p = await findParty(ctx.home.store, input.id)
  if (!p) throw appError('PARTY_NOT_FOUND', `未找到编号为 ${input.id} 的当事人`)
  return p
}

/** Is this credit code or ID number already a party? (instant check while typing) */
export async function partiesFindDuplicate(ctx: ServiceContext, input: { creditCode?: string | undefined; idNumber?: string | undefined }) {
  const key = input.idNumber
    ? `id:${input.idNumber.trim().toUpperCase()}`
    : input.creditCode
      ? `cc:${input.creditCode.trim().toUpperCase()}`
      : null
  return key ? await findPartyByIdentity(ctx.home.store, key) : null
}

export async function partiesAdd(ctx: ServiceContext, input: PartyData): Promise<Party> {
  return transact(ctx, (tx) => addParty(tx, input))
}

export async function partiesEdit(ctx: ServiceContext, input: { id: number; data: PartyData }): Promise<Party> {
  const key = partyIdentityKey(input.data)
  return (
    await change(
      ctx,
      'parties',
      async (db, at) => {
        const before = await findParty(db, input.id)
        if (!before) throw appError('PARTY_NOT_FOUND', `未找到编号为 ${input.id} 的当事人`)
        const clash = await findPartyByIdentity(db, key)
        if (clash && clash.id !== before.id) throw duplicateError(clash)
        await updateParty(db, before.id, input.data, key, at)
        // party names are part of the case search index
        for (const caseId of await caseIdsOfParty(db, before.id)) await indexCase(db, caseId)
        return { before, after: (await findParty(db, before.id))! }
      },
      ({ before, after }) => ({
        action: 'party.edit',
        targetType: 'party',
        targetId: after.id,
        summary: `修改当事人 ${after.name} 的信息`,
        detail: { before, after }
      })
    )
  ).after
}
