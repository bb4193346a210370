/**
 * vitest globalSetup of the opt-in PostgreSQL project (tests/vitest.pg.config.ts): the server the engine tests use.
 * CASEBINDER_TEST_DB=postgres://… names an existing server (its role needs CREATEDB: each test file makes its own
 * database); otherwise a throwaway cluster is started for the run and removed after it.
 */
import type { TestProject } from 'vitest/node'
import { startPgCluster } from './pg-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of a database on the test server; test files create their own databases next to it */
    pgUrl: string
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const external = process.env.CASEBINDER_TEST_DB
  if (external) {
    project.provide('pgUrl', external)
    return undefined
  }
  const cluster = await startPgCluster()
  project.provide('pgUrl', cluster.url)
  return () => cluster.stop()
}
