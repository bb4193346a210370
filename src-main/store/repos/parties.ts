import { PartySchema, type Party, type PartyData } from '../../core/party'
import type { Db } from '../db'
import { parseJsonColumn } from '../json'

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

export function findParty(db: Db, id: number): Party | null {
  const r = db.prepare('SELECT * FROM parties WHERE id = ?').get(id) as Row | undefined
  return r ? fromRow(r) : null
}

export function findPartyByIdentity(db: Db, key: string): Party | null {
  const r = db.prepare('SELECT * FROM parties WHERE identity_key = ?').get(key) as Row | undefined
  return r ? fromRow(r) : null
}

export function partiesByIds(db: Db, ids: readonly number[]): Party[] {
  if (ids.length === 0) return []
  const rows = db.prepare(`SELECT * FROM parties WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[]
  return rows.map(fromRow)
}

export function countParties(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM parties').get() as { n: number }).n
}

export function searchParties(db: Db, filter: { q?: string; kind?: string; limit: number }): Party[] {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.q) {
    where.push('(name LIKE ? OR identity_key LIKE ?)')
    params.push(`%${filter.q}%`, `%${filter.q.toUpperCase()}%`)
  }
  if (filter.kind) {
    where.push('kind = ?')
    params.push(filter.kind)
  }
  const sql = `SELECT * FROM parties ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC, id DESC LIMIT ?`
  return (db.prepare(sql).all(...params, filter.limit) as Row[]).map(fromRow)
}

export function insertParty(db: Db, p: PartyData, identityKey: string, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO parties (kind, name, identity_key, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.kind, p.name, identityKey, JSON.stringify(p), at, at).lastInsertRowid
  )
}

export function updateParty(db: Db, id: number, p: PartyData, identityKey: string, at: string): void {
  db.prepare('UPDATE parties SET kind = ?, name = ?, identity_key = ?, data = ?, updated_at = ? WHERE id = ?').run(
    p.kind,
    p.name,
    identityKey,
    JSON.stringify(p),
    at,
    id
  )
}
