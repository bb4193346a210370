/**
 * Faults on the bureau server (its own PostgreSQL cluster, so stopping it disturbs no other test):
 * - the server process killed (SIGKILL) while a client issues documents: after a restart every number the client
 *   was given is there, issued, the numbers have no gap and the activity record's chain verifies;
 * - PostgreSQL stopped under a running server: calls get SERVER_UNAVAILABLE (服务器暂时不可用) and write nothing;
 *   when PostgreSQL is back the same server process works again, without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildProgram } from '../../../src-main/cli/main'
import { call, createContext, openServerHome } from '../../../src-main/services'
import * as q from '../../../src-main/store/engine/sql'
import { startPgCluster, type PgCluster } from '../../support/pg-cluster'
import { apiClient, startServerProcess, type ServerProcess } from '../../support/server-process'
import QUESTIONING from '../../fixtures/questioning-notice.json'

const serialOf = (n: string) => Number(/〔\d{4}〕(\d+)号$/.exec(n)?.[1] ?? NaN)

describe('the bureau server under faults', () => {
  let cluster: PgCluster
  let dir: string
  let caseId: number
  let server: ServerProcess | null = null

  const home = () => ({ root: dir, database: cluster.url })
  async function inspect() {
    const h = await openServerHome(dir, cluster.url, { actor: 'tester' })
    try {
      const ctx = createContext(h, { actor: 'tester', version: 'test' })
      const rows = await q.all<{ number: string; status: string }>(
        h.store,
        `SELECT number, status FROM documents WHERE type = 'questioning_notice' AND number IS NOT NULL`
      )
      return { numbers: rows.map((r) => r.number), chain: await call(ctx, 'audit.verify', {}) }
    } finally {
      await h.close()
    }
  }
  async function signedIn(url: string) {
    const api = apiClient(url)
    expect((await api('auth.signIn', { login: 'wangjg', password: 'demo2026' })).ok).toBe(true)
    return api
  }

  beforeAll(async () => {
    cluster = await startPgCluster('casebinder_faults', { durable: true })
    dir = mkdtempSync(join(tmpdir(), 'casebinder-faults-'))
    const h = await openServerHome(dir, cluster.url, { actor: 'tester' })
    try {
      const ctx = createContext(h, { actor: 'tester', version: 'test' })
      await call(ctx, 'demo.load', { cases: 10 })
      // a case of its own, with two officers whose certificates are valid today
      const party = (await call(ctx, 'parties.list', { kind: 'org', limit: 1 }))[0]!
      const today = new Date().toISOString().slice(0, 10)
      caseId = (
        await call(ctx, 'cases.registerAndFile', {
          register: {
            source: 'inspection',
            sourceDate: today,
            procedure: 'general',
            cause: '未按规定对从业人员进行安全生产教育和培训',
            facts: '故障测试：作业人员未经培训上岗。',
            parties: [{ partyId: party.id }],
            officerIds: [1, 2]
          },
          filedOn: today
        })
      ).id
    } finally {
      await h.close()
    }
  }, 180_000)

  afterAll(async () => {
    if (server) await server.stop()
    cluster?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('loses nothing it confirmed when the server is killed mid-run, and the chain verifies after the restart', async () => {
    server = await startServerProcess(home())
    const api = await signedIn(server.url)
    const confirmed: string[] = []
    let failures = 0
    let firstFailure: string | undefined
    const killed = server
    const run = (async () => {
      for (let i = 0; i < 200 && failures === 0; i++) {
        try {
          const d = await api('documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING })
          if (!d.ok) throw new Error(d.error!.code)
          const issued = await api('documents.issue', { id: d.value.id })
          if (!issued.ok) throw new Error(`${issued.error!.code}: ${issued.error!.message}`)
          confirmed.push(issued.value.number as string)
        } catch (err) {
          failures++
          firstFailure ??= String(err)
        }
      }
    })()
    while (confirmed.length < 8 && failures === 0) await new Promise((r) => setTimeout(r, 20))
    expect(firstFailure, 'nothing fails before the kill').toBeUndefined()
    killed.child.kill('SIGKILL')
    await run
    await new Promise<void>((ok) =>
      killed.child.exitCode !== null || killed.child.signalCode !== null ? ok() : killed.child.once('exit', () => ok())
    )
    expect(failures).toBeGreaterThan(0)

    // restart on the same database: everything confirmed is there, issued; the numbers run without a gap
    server = await startServerProcess(home())
    const after = await inspect()
    for (const n of confirmed) expect(after.numbers).toContain(n)
    const serials = after.numbers.map(serialOf).sort((a, b) => a - b)
    expect(serials).toEqual(serials.map((_, i) => i + 1))
    expect(after.chain).toMatchObject({ ok: true, firstBad: null })
    // and the restarted server goes on numbering after the last one
    const api2 = await signedIn(server.url)
    const d = await api2('documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING })
    const next = await api2('documents.issue', { id: d.value.id })
    expect(serialOf(next.value.number as string)).toBe(serials.length + 1)
  }, 180_000)

  it('answers 服务器暂时不可用 while PostgreSQL is down, writes nothing, and recovers when it is back', async () => {
    server ??= await startServerProcess(home())
    const api = await signedIn(server.url)
    const before = await inspect()
    cluster.pause()
    try {
      for (const [channel, input] of [
        ['cases.list', { limit: 5 }],
        ['documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING }]
      ] as const) {
        const r = await api(channel, input)
        expect(r, channel).toMatchObject({
          ok: false,
          error: { code: 'SERVER_UNAVAILABLE', message: expect.stringContaining('服务器暂时不可用') }
        })
      }
    } finally {
      cluster.resume()
    }
    // the same server process, no restart: the session is still valid and calls work again
    const listed = await api('cases.list', { limit: 5 })
    expect(listed.ok).toBe(true)
    const after = await inspect()
    expect(after.numbers).toEqual(before.numbers)
    expect(after.chain).toMatchObject({ ok: true, entries: before.chain.entries })
    const d = await api('documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING })
    expect(d.ok).toBe(true)
  }, 180_000)

  it('20 concurrent `documents issue` from the CLI (--server) get 20 unique, contiguous numbers; `audit verify` passes', async () => {
    server ??= await startServerProcess(home())
    const api = await signedIn(server.url)
    const drafts: number[] = []
    for (let i = 0; i < 20; i++) {
      const d = await api('documents.create', { caseId, type: 'questioning_notice', fields: QUESTIONING })
      drafts.push(d.value.id as number)
    }
    const url = server.url
    const cli = async (...args: string[]) => {
      const lines: string[] = []
      await buildProgram((x) => lines.push(x)).parseAsync(['node', 'casebinder', '--server', url, '--user', 'wangjg', ...args])
      return lines.join('\n')
    }
    process.env.CASEBINDER_PASSWORD = 'demo2026'
    try {
      const answers = await Promise.all(drafts.map((id) => cli('documents', 'issue', String(id), '--json')))
      const numbers = answers.map((a) => (JSON.parse(a) as { number: string }).number)
      expect(new Set(numbers).size).toBe(20)
      const serials = numbers.map(serialOf).sort((a, b) => a - b)
      expect(serials.at(-1)! - serials[0]!).toBe(19)
      const verified = JSON.parse(await cli('audit', 'verify', '--json')) as { ok: boolean }
      expect(verified.ok).toBe(true)
    } finally {
      delete process.env.CASEBINDER_PASSWORD
    }
  }, 120_000)
})
