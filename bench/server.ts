/**
 * The bureau server under load, on both engines in the same run: `casebinder server` (a process of its own) on a
 * SQLite home and on PostgreSQL (a throwaway cluster), each with the demo data, and 20 clients (processes of their
 * own, bench/server-client.mjs) calling it over HTTP: search, list, file a case, draft and issue a document, open a
 * case. Per channel p50/p95, throughput, errors; afterwards the issued numbers (unique, gap-free) and the activity
 * record's chain are checked. JSON lines; no thresholds.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { call, createContext, openStoreHome, type HomeLocation } from '../src-main/services'
import * as q from '../src-main/store/engine/sql'
import { startPgCluster, type PgCluster } from '../tests/support/pg-cluster'
import { startServerProcess } from '../tests/support/server-process'
import { emit, stats } from './lib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SEARCHES = ['动火', '有限公司', '消防', '粉尘', '危险化学品', '江州', '培训']

interface Sample {
  channel: string
  ms: number
  ok: boolean
  code: string | null
}

async function prepare(location: HomeLocation): Promise<{ partyId: number; caseIds: number[] }> {
  const home = await openStoreHome(location, { actor: 'bench' })
  try {
    const ctx = createContext(home, { actor: 'bench', version: 'bench' })
    await call(ctx, 'demo.load', { cases: 40 })
    const cases = (await call(ctx, 'cases.list', { status: ['investigating'], limit: 200 })).items
    const parties = await call(ctx, 'parties.list', { kind: 'org', limit: 1 })
    return { partyId: parties[0]!.id, caseIds: cases.map((c) => c.id) }
  } finally {
    await home.close()
  }
}

function runClient(url: string, ops: number, client: number, setup: unknown): Promise<{ samples: Sample[]; issued: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bench/server-client.mjs', url, 'wangjg', 'demo2026', String(ops), String(client), JSON.stringify(setup)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (c: string) => (out += c))
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as { samples: Sample[]; issued: string[] })
      } catch {
        reject(new Error(`client ${client} printed: ${out}`))
      }
    })
  })
}

/** The serial of a document number (…〔2026〕12号 → 12). */
const serialOf = (n: string) => Number(/〔\d{4}〕(\d+)号$/.exec(n)?.[1] ?? NaN)

async function check(location: HomeLocation, issued: string[]) {
  const home = await openStoreHome(location, { actor: 'bench' })
  try {
    const ctx = createContext(home, { actor: 'bench', version: 'bench' })
    const rows = await q.all<{ number: string }>(
      home.store,
      `SELECT number FROM documents WHERE type = 'questioning_notice' AND number IS NOT NULL`
    )
    const serials = rows.map((r) => serialOf(r.number)).sort((a, b) => a - b)
    const gapFree = serials.every((s, i) => s === i + 1)
    const chain = await call(ctx, 'audit.verify', {})
    return {
      numbersUnique: new Set(issued).size === issued.length,
      gapFree,
      numbered: serials.length,
      chainOk: chain.ok,
      entries: chain.entries
    }
  } finally {
    await home.close()
  }
}

async function runOne(engine: 'sqlite' | 'postgres', location: HomeLocation, clients: number, ops: number): Promise<void> {
  const setup = { ...(await prepare(location)), searches: SEARCHES }
  const server = await startServerProcess(location)
  const url = server.url
  let results: { samples: Sample[]; issued: string[] }[]
  const t0 = performance.now()
  try {
    results = await Promise.all(Array.from({ length: clients }, (_, i) => runClient(url, ops, i, setup)))
  } finally {
    await server.stop()
  }
  const wall = (performance.now() - t0) / 1000
  const samples = results.flatMap((r) => r.samples)
  const issued = results.flatMap((r) => r.issued)
  const byChannel = new Map<string, number[]>()
  for (const s of samples) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s.ms])
  for (const [channel, ms] of byChannel) emit({ bench: 'server.call', engine, clients, channel, ...stats(ms) })
  const errors = samples.filter((s) => !s.ok)
  const codes: Record<string, number> = {}
  for (const e of errors) codes[e.code ?? '?'] = (codes[e.code ?? '?'] ?? 0) + 1
  const all = stats(samples.map((s) => s.ms))
  emit({
    bench: 'server',
    engine,
    clients,
    calls: samples.length,
    seconds: Math.round(wall * 10) / 10,
    callsPerSecond: Math.round(samples.length / wall),
    p50: all.median,
    p95: all.p95,
    errors: errors.length,
    errorCodes: codes,
    issued: issued.length,
    ...(await check(location, issued))
  })
}

export async function runServerBench(clients = 20, ops = 50): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-bench-server-'))
  let cluster: PgCluster | null = null
  try {
    await runOne('sqlite', { root: join(dir, 'desk') }, clients, ops)
    try {
      // durable, as a bureau's server runs (fsync, synchronous commit); the SQLite home runs synchronous=FULL
      cluster = await startPgCluster('casebinder_bench', { durable: true })
    } catch (err) {
      emit({ bench: 'server', engine: 'postgres', skipped: `no PostgreSQL here: ${(err as Error).message}` })
      return
    }
    await runOne('postgres', { root: join(dir, 'server'), database: cluster.url }, clients, ops)
  } finally {
    cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await runServerBench(Number(process.env.BENCH_CLIENTS ?? 20), Number(process.env.BENCH_OPS ?? 50))
