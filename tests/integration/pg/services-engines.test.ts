/**
 * The same services on both engines: a desk home (SQLite) and a server home (PostgreSQL) get the same demo data,
 * and then list, search, issue and verify the same way. On PostgreSQL, concurrent issues take unique, contiguous
 * numbers and the activity record's chain never forks.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildProgram } from '../../../src-main/cli/main'
import { call, createContext, migrateHomeToPostgres, openServerHome, type ServiceContext, type StoreHome } from '../../../src-main/services'
import { makeHome, type TestHome } from '../../helpers'
import { createScratchDatabase, type ScratchDatabase } from '../../support/pg-database'
import QUESTIONING from '../../fixtures/questioning-notice.json'

const NOW = '2026-11-25T02:00:00Z'
const SEARCHES = ['动火', '有限公司', '消防', '未按规定', '粉尘', '危险化学品', '江州']

describe('the services on SQLite and on PostgreSQL', () => {
  let desk: TestHome
  let scratch: ScratchDatabase
  let dir: string
  let server: StoreHome
  let pg: ServiceContext

  beforeAll(async () => {
    desk = await makeHome(NOW)
    scratch = await createScratchDatabase(inject('pgUrl'), 'cb_services')
    dir = mkdtempSync(join(tmpdir(), 'casebinder-server-'))
    server = await openServerHome(dir, scratch.url, { actor: 'tester' })
    pg = createContext(server, { actor: 'tester', now: () => new Date(NOW), version: 'test' })
    for (const ctx of [desk.ctx, pg]) await call(ctx, 'demo.load', { cases: 30 })
  }, 240_000)

  afterAll(async () => {
    await server?.close()
    desk?.cleanup()
    await scratch?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('says which engine holds the data (the footer shows 局端服务器 instead of a server path)', async () => {
    expect((await call(desk.ctx, 'app.info', {})).engine).toBe('sqlite')
    expect((await call(pg, 'app.info', {})).engine).toBe('postgres')
  })

  it('loads the same demo cases', async () => {
    const a = await call(desk.ctx, 'cases.list', { limit: 200 })
    const b = await call(pg, 'cases.list', { limit: 200 })
    expect(b.total).toBe(a.total)
    expect(b.total).toBeGreaterThan(0)
    const shape = (xs: typeof a.items) => xs.map((c) => [c.number, c.name, c.status, c.procedure])
    expect(shape(b.items)).toEqual(shape(a.items))
  })

  it('finds the same cases by Chinese substrings (FTS5 trigram on SQLite, pg_trgm on PostgreSQL)', async () => {
    for (const q of SEARCHES) {
      const a = await call(desk.ctx, 'cases.search', { q, limit: 100 })
      const b = await call(pg, 'cases.search', { q, limit: 100 })
      expect(
        b.map((c) => c.number),
        q
      ).toEqual(a.map((c) => c.number))
      expect(
        b.map((c) => c.snippet),
        q
      ).toEqual(a.map((c) => c.snippet))
    }
  })

  it('shows every case the same way: its detail, documents, review and timeline', async () => {
    const cases = (await call(desk.ctx, 'cases.list', { limit: 200 })).items
    for (const c of cases) {
      const views = async (ctx: ServiceContext) => ({
        detail: await call(ctx, 'cases.get', { ref: String(c.id) }),
        documents: await call(ctx, 'documents.list', { caseId: c.id }),
        review: await call(ctx, 'reviews.show', { caseId: c.id }),
        timeline: (await call(ctx, 'timelines.show', { caseId: c.id })).entries.map((e) => [e.action, e.summary, e.at])
      })
      expect(await views(pg), `case ${c.number ?? c.id}`).toEqual(await views(desk.ctx))
    }
  }, 120_000)

  it('answers the lists and the workbench the same way', async () => {
    const lists = async (ctx: ServiceContext) => ({
      workbench: await call(ctx, 'workbench.summary', {}),
      publicity: await call(ctx, 'publicity.list', { limit: 200 }),
      reviews: await call(ctx, 'reviews.queue', {}),
      officers: await call(ctx, 'officers.list', { includeInactive: true }),
      parties: await call(ctx, 'parties.list', { limit: 200 }),
      users: (await call(ctx, 'users.list', {})).map((u) => [u.login, u.name, u.roles, u.active]),
      deadlines: await call(ctx, 'deadlines.list', { limit: 500 })
    })
    expect(await lists(pg)).toEqual(await lists(desk.ctx))
  })

  it('verifies the activity record on both', async () => {
    const a = await call(desk.ctx, 'audit.verify', {})
    const b = await call(pg, 'audit.verify', {})
    expect(a).toMatchObject({ ok: true, firstBad: null })
    expect(b).toMatchObject({ ok: true, firstBad: null })
    expect(b.entries).toBe(a.entries)
  })

  it('gives 20 concurrent issues on PostgreSQL 20 unique, contiguous numbers; the chain verifies', async () => {
    const cases = (await call(pg, 'cases.list', { status: ['investigating'], limit: 200 })).items
    expect(cases.length).toBeGreaterThan(0)
    const drafts: number[] = []
    for (let i = 0; i < 20; i++) {
      const c = cases[i % cases.length]!
      const d = await call(pg, 'documents.create', { caseId: c.id, type: 'questioning_notice', fields: QUESTIONING })
      drafts.push(d.id)
    }
    const issued = await Promise.all(drafts.map((id) => call(pg, 'documents.issue', { id })))
    const numbers = issued.map((d) => d.number!)
    expect(new Set(numbers).size).toBe(20)
    const serials = numbers.map((n) => Number(/(\d+)号$/.exec(n)?.[1])).sort((x, y) => x - y)
    expect(serials.at(-1)! - serials[0]!).toBe(19)
    expect(await call(pg, 'audit.verify', {})).toMatchObject({ ok: true, firstBad: null })
  }, 120_000)

  it('the CLI with --db reaches the same data: cases list --json, search 动火', async () => {
    const run = async (...args: string[]) => {
      const lines: string[] = []
      const prev = process.env.CASEBINDER_PASSWORD
      process.env.CASEBINDER_PASSWORD = 'demo2026'
      try {
        await buildProgram((x) => lines.push(x)).parseAsync([
          'node',
          'casebinder',
          '--home',
          dir,
          '--db',
          scratch.url,
          '--user',
          'wangjg',
          ...args
        ])
      } finally {
        if (prev === undefined) delete process.env.CASEBINDER_PASSWORD
        else process.env.CASEBINDER_PASSWORD = prev
      }
      return lines.join('\n')
    }
    const listed = JSON.parse(await run('cases', 'list', '--json', '--limit', '200')) as { number: string | null }[]
    const onDeskList = await call(desk.ctx, 'cases.list', { limit: 200 })
    expect(listed.map((c) => c.number)).toEqual(onDeskList.items.map((c) => c.number))
    const found = JSON.parse(await run('search', '动火', '--json')) as { number: string | null }[]
    const onDesk = await call(desk.ctx, 'cases.search', { q: '动火', limit: 50 })
    expect(found.map((c) => c.number)).toEqual(onDesk.map((c) => c.number))
  })

  it('a desk moved to the server (casebinder migrate) verifies there: audit.verify and the same cases', async () => {
    const target = await createScratchDatabase(inject('pgUrl'), 'cb_moved')
    const filesDir = mkdtempSync(join(tmpdir(), 'casebinder-moved-'))
    try {
      desk.home.close()
      const report = await migrateHomeToPostgres({ from: desk.dir, to: target.url, blobsDir: join(filesDir, 'blobs') })
      expect(report.verify.ok).toBe(true)
      const moved = await openServerHome(filesDir, target.url, { actor: 'tester' })
      try {
        const ctx = createContext(moved, { actor: 'tester', now: () => new Date(NOW), version: 'test' })
        expect(await call(ctx, 'audit.verify', {})).toMatchObject({ ok: true, firstBad: null, entries: report.verify.chain.entries })
        expect((await call(ctx, 'cases.list', { limit: 200 })).total).toBe(report.verify.tables.find((t) => t.name === 'cases')!.rows)
        // the moved server works on: a change appends to the moved chain
        const c = (await call(ctx, 'cases.list', { status: ['investigating'], limit: 1 })).items[0]!
        await call(ctx, 'documents.create', { caseId: c.id, type: 'questioning_notice', fields: QUESTIONING })
        expect(await call(ctx, 'audit.verify', {})).toMatchObject({ ok: true, entries: report.verify.chain.entries + 1 })
      } finally {
        await moved.close()
      }
    } finally {
      await target.drop()
      rmSync(filesDir, { recursive: true, force: true })
    }
  }, 120_000)
})
