/** The major-decision catalogue (重大执法决定法制审核目录), one row per version (migration 5: major_catalogues). */
import type { Scope } from '../../engine/engine'
import { parseJsonColumn } from '../../json'
import { MajorCatalogueSchema, type MajorCatalogue } from '../../../core/major-decision'
import * as q from '../../engine/sql'

export interface CatalogueVersion {
  version: number
  catalogue: MajorCatalogue
  createdAt: string
  createdBy: string
}

interface Row {
  version: number
  config: string
  created_at: string
  created_by: string
}

function fromRow(r: Row): CatalogueVersion {
  const catalogue = parseJsonColumn(MajorCatalogueSchema, r.config, {
    table: 'major_catalogues',
    column: 'config',
    id: r.version,
    key: 'version'
  })
  return { version: r.version, catalogue, createdAt: r.created_at, createdBy: r.created_by }
}

export async function latestCatalogue(db: Scope): Promise<CatalogueVersion> {
  const r = (await q.get(db, 'SELECT * FROM major_catalogues ORDER BY version DESC LIMIT 1')) as Row | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return fromRow(r)
}

/** The version in force on `date`: the newest one whose effective date has come (else the oldest). */
export async function catalogueOn(db: Scope, date: string): Promise<CatalogueVersion> {
  const r = ((await q.get(db, 'SELECT * FROM major_catalogues WHERE effective_from <= ? ORDER BY version DESC LIMIT 1', [date])) ??
    (await q.get(db, 'SELECT * FROM major_catalogues ORDER BY version LIMIT 1'))) as Row | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return fromRow(r)
}

export async function catalogueVersions(
  db: Scope
): Promise<{ version: number; name: string; effectiveFrom: string; createdAt: string; createdBy: string }[]> {
  return (
    (await q.all(db, 'SELECT version, name, effective_from, created_at, created_by FROM major_catalogues ORDER BY version DESC')) as {
      version: number
      name: string
      effective_from: string
      created_at: string
      created_by: string
    }[]
  ).map((r) => ({ version: r.version, name: r.name, effectiveFrom: r.effective_from, createdAt: r.created_at, createdBy: r.created_by }))
}

export async function insertCatalogue(db: Scope, cat: MajorCatalogue, actor: string, at: string): Promise<number> {
  return Number(
    await q.insert(
      db,
      'INSERT INTO major_catalogues (name, effective_from, config, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      [cat.name, cat.effectiveFrom, JSON.stringify(cat), at, actor],
      'version'
    )
  )
}
