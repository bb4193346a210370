import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import envPaths from 'env-paths'
import { openDatabase, type Db, type OpenOptions } from './db'
import { BlobStore } from './blobs'
import { appendActivity } from './activity'
import { getSetting, setSetting } from './settings'
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../core/officer'
import { seedReferenceData } from './reference'

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

export interface Home {
  paths: HomePaths
  db: Db
  blobs: BlobStore
  /** true when this open created the home (first run) */
  created: boolean
  close(): void
}

export function openHome(root: string, options: OpenOptions & { actor?: string } = {}): Home {
  const paths = homePaths(root)
  for (const dir of [paths.root, paths.blobs, paths.exports, paths.logs]) mkdirSync(dir, { recursive: true })
  const db = openDatabase(paths.database, options)
  let created = false
  if (!options.readonly) {
    db.transaction(() => {
      if (getSetting<string | null>(db, 'home.createdAt', null) !== null) return
      created = true
      const at = new Date().toISOString()
      setSetting(db, 'home.createdAt', at)
      setSetting(db, 'certificates.expiryWarningDays', DEFAULT_EXPIRY_WARNING_DAYS)
      appendActivity(db, {
        actor: options.actor ?? 'system',
        action: 'home.init',
        targetType: 'home',
        targetId: null,
        summary: '初始化数据目录',
        detail: { root: paths.root, at },
        at
      })
    }).immediate()
    db.transaction(() => seedReferenceData(db, options.actor ?? 'system')).immediate()
  }
  return {
    paths,
    db,
    blobs: new BlobStore(paths.blobs),
    created,
    close: () => db.close()
  }
}
