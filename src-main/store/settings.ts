import { z } from 'zod'
import { SETTING_SCHEMAS } from '../core/settings'
import type { Scope } from './engine/engine'
import { parseJsonColumn } from './json'
import * as q from './engine/sql'

/** The stored value of `key`, read through its schema when core declares one (core/settings.ts); `fallback` when unset. */
export async function getSetting<T>(db: Scope, key: string, fallback: T): Promise<T> {
  const row = (await q.get(db, 'SELECT value FROM settings WHERE key = ?', [key])) as { value: string } | undefined
  if (!row) return fallback
  return parseJsonColumn(SETTING_SCHEMAS[key] ?? z.unknown(), row.value, { table: 'settings', column: 'value', id: key, key: 'key' }) as T
}

export async function setSetting(db: Scope, key: string, value: unknown): Promise<void> {
  await q.run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value)
  ])
}

/** The newest migration applied to this store (either engine's own numbering). */
export async function schemaVersion(db: Scope): Promise<number> {
  const row = await q.get<{ v: number | null }>(db, 'SELECT MAX(version) AS v FROM schema_migrations')
  return row?.v ?? 0
}
