/**
 * A throwaway PostgreSQL server for the opt-in engine tests (`npm run test:pg`): Debian's binaries
 * (/usr/lib/postgresql/<major>/bin, from the `postgresql` package), a fresh cluster in a temp folder, listening on a
 * free loopback port with its unix socket inside that folder, trust authentication, fsync off, collation C and
 * LC_CTYPE C.UTF-8 (pg_trgm takes no trigrams from Chinese text under LC_CTYPE C: migrations-pg/003). Nothing of the
 * machine's own PostgreSQL service is used or touched. `stop()` stops the server and removes the folder.
 *
 * initdb and the server refuse to run as root; as root (CI runs as root) both run as the `postgres` OS user, which
 * the package creates, and the folder is handed to it.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface PgCluster {
  /** postgres://… of the database created for the tests */
  url: string
  /** a URL for the same server, another database */
  urlFor(database: string): string
  /** stop the server (fast shutdown: open sessions are ended) and start it again on the same port (fault tests) */
  pause(): void
  resume(): void
  stop(): void
}

export interface PgClusterOptions {
  /** fsync and synchronous commit on, as a production server (benchmarks); tests run without them */
  durable?: boolean
}

const PG_ROOT = '/usr/lib/postgresql'
const SUPERUSER = 'casebinder'

/** The bin folder of the newest installed PostgreSQL major version that has initdb and pg_ctl. */
export function findPgBin(root = PG_ROOT): string {
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const m of majors) {
    const bin = join(root, m, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin
  }
  throw new Error(`no PostgreSQL server binaries under ${root}/*/bin (install the Debian package: apt-get install postgresql)`)
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** Run a PostgreSQL binary, as the `postgres` OS user when we are root. */
function runPg(asRoot: boolean, file: string, args: string[]): void {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() })
}

function osUserIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

function describeFailure(err: unknown, log: string): Error {
  const e = err as { message?: string; stderr?: Buffer | string }
  const stderr = e.stderr ? String(e.stderr) : ''
  const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : ''
  return new Error(`PostgreSQL test cluster failed: ${e.message ?? String(err)}\n${stderr}\n${tail}`.trim())
}

/** initdb into a temp folder, start on a free loopback port, create `database`. */
export async function startPgCluster(database = 'casebinder_test', options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin()
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-pg-'))
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  const pgCtl = (args: string[]) => runPg(asRoot, join(bin, 'pg_ctl'), ['-D', data, ...args])
  let started = false
  const stop = () => {
    process.removeListener('exit', stop)
    try {
      if (started) pgCtl(['stop', '-m', 'fast', '-w'])
    } finally {
      started = false
      rmSync(dir, { recursive: true, force: true })
    }
  }
  // a run that ends without its teardown (an interrupted vitest) still stops the server and removes the folder
  process.once('exit', stop)
  try {
    if (asRoot) {
      const { uid, gid } = osUserIds('postgres')
      chownSync(dir, uid, gid)
    }
    runPg(asRoot, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--lc-ctype=C.UTF-8',
      '--no-sync'
    ])
    let port = 0
    let opts = ''
    // the port can be taken between freePort() and the server's bind: try a few
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      opts = `-c listen_addresses=127.0.0.1 -p ${port} -k '${dir}'`
      if (!options.durable) opts += ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
      try {
        pgCtl(['start', '-w', '-t', '60', '-l', log, '-o', opts])
        started = true
        break
      } catch (err) {
        if (attempt >= 3) throw err
      }
    }
    const urlFor = (db: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${db}`
    const admin = new pg.Client({ connectionString: urlFor('postgres') })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE ${database}`)
    } finally {
      await admin.end()
    }
    const pause = () => {
      pgCtl(['stop', '-m', 'fast', '-w'])
      started = false
    }
    const resume = () => {
      pgCtl(['start', '-w', '-t', '60', '-l', log, '-o', opts])
      started = true
    }
    return { url: urlFor(database), urlFor, pause, resume, stop }
  } catch (err) {
    const failure = describeFailure(err, log)
    stop()
    throw failure
  }
}
