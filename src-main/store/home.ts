import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import envPaths from 'env-paths'
import { openDatabase, type Db, type OpenOptions } from './db'
import { BlobStore } from './blobs'
import { appendActivity } from './activity'
import { getSetting, setSetting } from './settings'
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../core/officer'
import { referenceDataPending, seedReferenceData } from './reference'
import { openSqliteStore, type Store } from './engine/engine'
import { withTransaction } from './engine/transaction'

/** The data home: one folder holds the database, blobs, exports and logs. */
export interface HomePaths {
  root: string
  database: string
  blobs: string
  exports: string
  logs: string
}

export function homePaths(root: string): HomePaths {
  const r = resolve(root)
  return {
    root: r,
    database: join(r, 'casebinder.sqlite'),
    blobs: join(r, 'blobs'),
    exports: join(r, 'exports'),
    logs: join(r, 'logs')
  }
}

/** CASEBINDER_HOME, or the per-user data folder (e.g. ~/.local/share/casebinder, %LOCALAPPDATA%\casebinder\Data). */
export function defaultHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CASEBINDER_HOME) return resolve(env.CASEBINDER_HOME)
  return envPaths('casebinder', { suffix: '' }).data
}

/** Where a home is: its folder, and for the bureau server its PostgreSQL database (postgres://…). */
export interface HomeLocation {
  root: string
  database?: string | undefined
}

/** What the services see of a home, on either engine. */
export interface StoreHome {
  paths: HomePaths
  /** how to open this home again (a job's worker thread opens its own connection) */
  location: HomeLocation
  /**
   * The async store every service reads and writes through (services/context.ts `transact` for changes): the
   * desk's SQLite, or PostgreSQL on the bureau server.
   */
  store: Store
  blobs: BlobStore
  /** true when this open created the home (first run) */
  created: boolean
  close(): void | Promise<void>
}

/** A desk home: SQLite in the folder. */
export interface Home extends StoreHome {
  /**
   * The desk's better-sqlite3 database under the store: for opening and migrating it, copying a desk to a server,
   * and tests that look at rows directly. Services never use it (they see a StoreHome).
   */
  db: Db
  close(): void
}

export async function openHome(root: string, options: OpenOptions & { actor?: string } = {}): Promise<Home> {
  const paths = homePaths(root)
  for (const dir of [paths.root, paths.blobs, paths.exports, paths.logs]) mkdirSync(dir, { recursive: true })
  const db = openDatabase(paths.database, options)
  const store = openSqliteStore(db)
  let created = false
  try {
    if (!options.readonly) created = await initialiseHome(store, paths.root, options.actor ?? 'system')
  } catch (err) {
    db.close()
    throw err
  }
  return {
    paths,
    location: { root: paths.root },
    store,
    db,
    blobs: new BlobStore(paths.blobs),
    created,
    close: () => db.close()
  }
}

/**
 * First run of a home (its creation time, the default settings, the record's first entry) and the reference data
 * shipped with this version; true when this call created the home. The same for both engines.
 */
export async function initialiseHome(store: Store, root: string, actor: string): Promise<boolean> {
  // an initialised, up-to-date home is only read: no write lock is taken to open it
  const initialised = (await getSetting<string | null>(store, 'home.createdAt', null)) !== null
  if (initialised && !(await referenceDataPending(store))) return false
  const created = await withTransaction(store, async (db) => {
    if ((await getSetting<string | null>(db, 'home.createdAt', null)) !== null) return false
    const at = new Date().toISOString()
    await setSetting(db, 'home.createdAt', at)
    await setSetting(db, 'certificates.expiryWarningDays', DEFAULT_EXPIRY_WARNING_DAYS)
    await appendActivity(db, {
      actor,
      action: 'home.init',
      targetType: 'home',
      targetId: null,
      summary: '初始化数据目录',
      detail: { root, at },
      at
    })
    return true
  })
  await withTransaction(store, (db) => seedReferenceData(db, actor))
  return created
}
