import { PartySchema, type Party, type PartyData } from '../../core/party'
import type { Scope } from '../engine/engine'
import { parseJsonColumn } from '../json'
import * as q from '../engine/sql'

interface Row {
  id: number
  kind: Party['kind']
  name: string
  identity_key: string
  data: string
  created_at: string
  updated_at: string
}

function fromRow(r: Row): Party {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    identityKey: r.identity_key,
    data: parseJsonColumn(PartySchema.shape.data, r.data, { table: 'parties', column: 'data', id: r.id }),
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export async function findParty(db: Scope, id: number): Promise<Party | null> {
  const r = (await q.get(db, 'SELECT * FROM parties WHERE id = ?', [id])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function findPartyByIdentity(db: Scope, key: string): Promise<Party | null> {
  const r = (await q.get(db, 'SELECT * FROM parties WHERE identity_key = ?', [key])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function partiesByIds(db: Scope, ids: readonly number[]): Promise<Party[]> {
  if (ids.length === 0) return []
  const rows = (await q.all(db, `SELECT * FROM parties WHERE id IN (${ids.map(() => '?').join(',')})`, [...ids])) as Row[]
  return rows.map(fromRow)
}

export async function countParties(db: Scope): Promise<number> {
  return ((await q.get(db, 'SELECT COUNT(*) AS n FROM parties')) as { n: number }).n
}

export async function searchParties(db: Scope, filter: { q?: string; kind?: string; limit: number }): Promise<Party[]> {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.q) {
    where.push(`(name ${q.ilike(db)} ? OR identity_key ${q.ilike(db)} ?)`)
    params.push(`%${filter.q}%`, `%${filter.q.toUpperCase()}%`)
  }
  if (filter.kind) {
    where.push('kind = ?')
    params.push(filter.kind)
  }
  const sql = `SELECT * FROM parties ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC, id DESC LIMIT ?`
  return ((await q.all(db, sql, [...params, filter.limit])) as Row[]).map(fromRow)
}

export async function insertParty(db: Scope, p: PartyData, identityKey: string, at: string): Promise<number> {
  return Number(
    await q.insert(db, 'INSERT INTO parties (kind, name, identity_key, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
      p.kind,
      p.name,
      identityKey,
      JSON.stringify(p),
      at,
      at
    ])
  )
}

export async function updateParty(db: Scope, id: number, p: PartyData, identityKey: string, at: string): Promise<void> {
  await q.run(db, 'UPDATE parties SET kind = ?, name = ?, identity_key = ?, data = ?, updated_at = ? WHERE id = ?', [
    p.kind,
    p.name,
    identityKey,
    JSON.stringify(p),
    at,
    id
  ])
}
