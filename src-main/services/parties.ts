import { appError } from '../core/errors'
import { partyIdentityKey, type Party, type PartyData } from '../core/party'
import { findParty, findPartyByIdentity, searchParties, updateParty } from '../store/repos/parties'
import { caseIdsOfParty } from '../store/repos/cases'
import { indexCase } from '../store/repos/case-search'
import { change, transact, type ServiceContext } from './context'
import { addParty, duplicateError } from './ops/parties'

export function partiesList(ctx: ServiceContext, input: { q?: string | undefined; kind?: string | undefined; limit: number }) {
  return searchParties(ctx.home.db, { limit: input.limit, ...(input.q ? { q: input.q } : {}), ...(input.kind ? { kind: input.kind } : {}) })
}

export function partiesGet(ctx: ServiceContext, input: { id: number }): Party {
  const p = findParty(ctx.home.db, input.id)
  if (!p) throw appError('PARTY_NOT_FOUND', `未找到编号为 ${input.id} 的当事人`)
  return p
}

/** Is this credit code or ID number already a party? (instant check while typing) */
export function partiesFindDuplicate(ctx: ServiceContext, input: { creditCode?: string | undefined; idNumber?: string | undefined }) {
  const key = input.idNumber
    ? `id:${input.idNumber.trim().toUpperCase()}`
    : input.creditCode
      ? `cc:${input.creditCode.trim().toUpperCase()}`
      : null
  return key ? findPartyByIdentity(ctx.home.db, key) : null
}

export function partiesAdd(ctx: ServiceContext, input: PartyData): Party {
  return transact(ctx, (tx) => addParty(tx, input))
}

export function partiesEdit(ctx: ServiceContext, input: { id: number; data: PartyData }): Party {
  const key = partyIdentityKey(input.data)
  return change(
    ctx,
    'parties',
    (db, at) => {
      const before = findParty(db, input.id)
      if (!before) throw appError('PARTY_NOT_FOUND', `未找到编号为 ${input.id} 的当事人`)
      const clash = findPartyByIdentity(db, key)
      if (clash && clash.id !== before.id) throw duplicateError(clash)
      updateParty(db, before.id, input.data, key, at)
      // party names are part of the case search index
      for (const caseId of caseIdsOfParty(db, before.id)) indexCase(db, caseId)
      return { before, after: findParty(db, before.id)! }
    },
    ({ before, after }) => ({
      action: 'party.edit',
      targetType: 'party',
      targetId: after.id,
      summary: `修改当事人 ${after.name} 的信息`,
      detail: { before, after }
    })
  ).after
}
