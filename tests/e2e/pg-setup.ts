/**
 * Playwright globalSetup: when CASEBINDER_E2E_ENGINE=postgres, the specs run against server homes on PostgreSQL
 * (the fixture makes a database per test on this server). CASEBINDER_TEST_DB names an existing server; otherwise a
 * throwaway cluster is started for the run. Without the variable, nothing happens (SQLite homes).
 */
import { startPgCluster } from '../support/pg-cluster'

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.CASEBINDER_E2E_ENGINE !== 'postgres') return undefined
  if (process.env.CASEBINDER_TEST_DB) {
    process.env.CASEBINDER_E2E_PG = process.env.CASEBINDER_TEST_DB
    return undefined
  }
  const cluster = await startPgCluster('casebinder_e2e')
  process.env.CASEBINDER_E2E_PG = cluster.url
  return () => cluster.stop()
}
