/**
 * A home on the bureau server: the data lives in PostgreSQL, the blobs, exports and logs in the server's folder.
 * Opening it applies the pending PostgreSQL migrations and, on first run, initialises it as a desk home is
 * (home.ts initialiseHome: the record's first entry, the reference data).
 */
import { mkdirSync } from 'node:fs'
import { BlobStore } from './blobs'
import { openPostgresStore } from './engine/engine'
import { migratePostgres } from './engine/pg-migrate'
import { PG_MIGRATIONS } from './migrations-pg'
import { homePaths, initialiseHome, openHome, type HomeLocation, type StoreHome } from './home'

export type { HomeLocation }

export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text)
}

export async function openServerHome(
  root: string,
  connectionString: string,
  options: { actor?: string; poolSize?: number } = {}
): Promise<StoreHome> {
  const paths = homePaths(root)
  for (const dir of [paths.root, paths.blobs, paths.exports, paths.logs]) mkdirSync(dir, { recursive: true })
  const store = openPostgresStore({ connectionString, max: options.poolSize ?? 10 })
  let created: boolean
  try {
    await migratePostgres(store.db, PG_MIGRATIONS)
    created = await initialiseHome(store, paths.root, options.actor ?? 'system')
  } catch (err) {
    await store.close()
    throw err
  }
  return {
    paths,
    location: { root: paths.root, database: connectionString },
    store,
    blobs: new BlobStore(paths.blobs),
    created,
    close: () => store.close()
  }
}

/** A desk home (SQLite in the folder) or a server home (PostgreSQL), as the location says. */
export async function openStoreHome(location: HomeLocation, options: { actor?: string } = {}): Promise<StoreHome> {
  if (location.database !== undefined) return openServerHome(location.root, location.database, options)
  return openHome(location.root, options)
}
