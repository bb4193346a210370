/**
 * A database of its own for one test file, on the test server (pg-global-setup.ts), dropped afterwards: test files
 * run in parallel and a server named by CASEBINDER_TEST_DB is left as it was found.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface ScratchDatabase {
  url: string
  drop(): Promise<void>
}

export async function createScratchDatabase(serverUrl: string, prefix = 'cb_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  // no FORCE: a pool that was just ended may still be closing its connections, and a backend killed under it
  // reaches the client as an uncaught error; wait for them to go instead (55006: the database is in use)
  const drop = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await admin(`DROP DATABASE IF EXISTS ${name}`)
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 100) throw err
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  }
  return { url: url.toString(), drop }
}
