/**
 * `casebinder migrate`: a desk home copied into a PostgreSQL database and verified (store/engine/copy-home.ts).
 * Not a contract channel: the CLI runs it on its own, with no signed-in session, like `casebinder server`.
 */
import { existsSync } from 'node:fs'
import { copyHomeToPostgres, CopyRefusedError, type CopyProgress, type CopyReport } from '../store/engine/copy-home'
import { openPostgresStore } from '../store/engine/engine'
import { homePaths, openHome } from '../store/home'

export { CopyRefusedError, type CopyProgress, type CopyReport, type VerifyReport } from '../store/engine/copy-home'

export interface MigrateHomeOptions {
  /** the desk home's folder */
  from: string
  /** postgres://… */
  to: string
  /** the server's blob folder (content-addressed) */
  blobsDir?: string
  actor?: string
  onProgress?: (p: CopyProgress) => void
}

export async function migrateHomeToPostgres(options: MigrateHomeOptions): Promise<CopyReport> {
  if (!existsSync(homePaths(options.from).database)) throw new CopyRefusedError(`no data home at ${options.from}`)
  const home = await openHome(options.from, { actor: options.actor ?? 'system (migrate)' })
  try {
    const store = openPostgresStore({ connectionString: options.to, max: 2 })
    try {
      return await copyHomeToPostgres(home, store, {
        ...(options.blobsDir !== undefined ? { blobsDir: options.blobsDir } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {})
      })
    } finally {
      await store.close()
    }
  } finally {
    home.close()
  }
}
