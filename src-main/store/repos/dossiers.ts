/**
 * The dossier of a case (案卷): its manual item order, and once archived its archive record and lock.
 * A locked row cannot change (a trigger refuses it).
 */
import { z } from 'zod'
import { isSet, type Scope } from '../engine/engine'
import { parseJsonColumn } from '../json'
import * as q from '../engine/sql'

export interface DossierRecord {
  caseId: number
  /** item keys in the order set by hand, or null for the scheme's order */
  itemOrder: string[] | null
  compiler: string
  checker: string
  note: string
  archiveNumber: string | null
  retention: string | null
  archivedOn: string | null
  locked: boolean
  bundleSha256: string | null
  updatedAt: string
}

interface Row {
  case_id: number
  item_order: string | null
  compiler: string
  checker: string
  note: string
  archive_number: string | null
  retention: string | null
  archived_on: string | null
  locked: number
  bundle_sha256: string | null
  updated_at: string
}

const ITEM_ORDER = z.array(z.string())

function fromRow(r: Row): DossierRecord {
  return {
    caseId: r.case_id,
    itemOrder: r.item_order
      ? parseJsonColumn(ITEM_ORDER, r.item_order, { table: 'dossiers', column: 'item_order', id: r.case_id, key: 'case_id' })
      : null,
    compiler: r.compiler,
    checker: r.checker,
    note: r.note,
    archiveNumber: r.archive_number,
    retention: r.retention,
    archivedOn: r.archived_on,
    locked: isSet(r.locked),
    bundleSha256: r.bundle_sha256,
    updatedAt: r.updated_at
  }
}

export async function findDossier(db: Scope, caseId: number): Promise<DossierRecord | null> {
  const r = (await q.get(db, 'SELECT * FROM dossiers WHERE case_id = ?', [caseId])) as Row | undefined
  return r ? fromRow(r) : null
}

export async function dossierLocked(db: Scope, caseId: number): Promise<boolean> {
  const r = (await q.get(db, 'SELECT locked FROM dossiers WHERE case_id = ?', [caseId])) as Pick<Row, 'locked'> | undefined
  return r !== undefined && isSet(r.locked)
}

export async function saveDossierOrder(db: Scope, caseId: number, order: readonly string[], at: string): Promise<void> {
  await q.run(
    db,
    `INSERT INTO dossiers (case_id, item_order, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET item_order = excluded.item_order, updated_at = excluded.updated_at`,
    [caseId, JSON.stringify(order), at]
  )
}

/** Record the archive number, retention and date, and lock the dossier. */
export async function lockDossier(
  db: Scope,
  caseId: number,
  a: { archiveNumber: string; retention: string; archivedOn: string; bundleSha256: string | null; at: string }
): Promise<void> {
  await q.run(
    db,
    `INSERT INTO dossiers (case_id, archive_number, retention, archived_on, locked, bundle_sha256, updated_at) VALUES (?, ?, ?, ?, TRUE, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET archive_number = excluded.archive_number, retention = excluded.retention,
       archived_on = excluded.archived_on, locked = TRUE, bundle_sha256 = excluded.bundle_sha256, updated_at = excluded.updated_at`,
    [caseId, a.archiveNumber, a.retention, a.archivedOn, a.bundleSha256, a.at]
  )
}
