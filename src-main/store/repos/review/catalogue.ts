/** The major-decision catalogue (重大执法决定法制审核目录), one row per version (migration 5: major_catalogues). */
import type { Db } from '../../db'
import { parseJsonColumn } from '../../json'
import { MajorCatalogueSchema, type MajorCatalogue } from '../../../core/major-decision'

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

export function latestCatalogue(db: Db): CatalogueVersion {
  const r = db.prepare('SELECT * FROM major_catalogues ORDER BY version DESC LIMIT 1').get() as Row | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return fromRow(r)
}

/** The version in force on `date`: the newest one whose effective date has come (else the oldest). */
export function catalogueOn(db: Db, date: string): CatalogueVersion {
  const r = (db.prepare('SELECT * FROM major_catalogues WHERE effective_from <= ? ORDER BY version DESC LIMIT 1').get(date) ??
    db.prepare('SELECT * FROM major_catalogues ORDER BY version LIMIT 1').get()) as Row | undefined
  if (!r) throw new Error('no major-decision catalogue seeded')
  return fromRow(r)
}

export function catalogueVersions(
  db: Db
): { version: number; name: string; effectiveFrom: string; createdAt: string; createdBy: string }[] {
  return (
    db.prepare('SELECT version, name, effective_from, created_at, created_by FROM major_catalogues ORDER BY version DESC').all() as {
      version: number
      name: string
      effective_from: string
      created_at: string
      created_by: string
    }[]
  ).map((r) => ({ version: r.version, name: r.name, effectiveFrom: r.effective_from, createdAt: r.created_at, createdBy: r.created_by }))
}

export function insertCatalogue(db: Db, cat: MajorCatalogue, actor: string, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO major_catalogues (name, effective_from, config, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(cat.name, cat.effectiveFrom, JSON.stringify(cat), at, actor).lastInsertRowid
  )
}
