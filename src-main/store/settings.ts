import { z } from 'zod'
import { SETTING_SCHEMAS } from '../core/settings'
import type { Db } from './db'
import { parseJsonColumn } from './json'

/** The stored value of `key`, read through its schema when core declares one (core/settings.ts); `fallback` when unset. */
export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) return fallback
  return parseJsonColumn(SETTING_SCHEMAS[key] ?? z.unknown(), row.value, { table: 'settings', column: 'value', id: key, key: 'key' }) as T
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value)
  )
}
