import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase, schemaVersion } from '../../src-main/store/db'
import { MIGRATIONS, migrationChecksum } from '../../src-main/store/migrations'
import { openHome } from '../../src-main/store/home'
import { BlobStore } from '../../src-main/store/blobs'
import { writeFileAtomic } from '../../src-main/store/atomic'
import { StoreDataError } from '../../src-main/store/json'
import { getSetting } from '../../src-main/store/settings'
import { verifyChain } from '../../src-main/store/activity'
import { latestCatalogue } from '../../src-main/store/repos/review'
import { findParty } from '../../src-main/store/repos/parties'

const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'casebinder-store-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('database and migrations', () => {
  it('opens with WAL, foreign keys and synchronous FULL, and records applied migrations', () => {
    const file = join(tmp(), 'db.sqlite')
    const db = openDatabase(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version)
    db.close()
    // reopening applies nothing twice
    const again = openDatabase(file)
    expect((again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length)
    again.close()
  })

  it('applies a new migration once, in order, on the next open', () => {
    const file = join(tmp(), 'db.sqlite')
    openDatabase(file).close()
    const extra = [...MIGRATIONS, { version: 99, name: 'test table', sql: 'CREATE TABLE t99 (x INTEGER) STRICT;' }]
    const db = openDatabase(file, { migrations: extra })
    expect(schemaVersion(db)).toBe(99)
    db.prepare('INSERT INTO t99 VALUES (1)').run()
    db.close()
  })

  it('rolls back a failing migration completely and leaves the database usable at the old version', () => {
    const file = join(tmp(), 'db.sqlite')
    openDatabase(file).close()
    const broken = [...MIGRATIONS, { version: 50, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }]
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/nowhere/)
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version)
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined()
    db.close()
  })

  it('refuses a database whose applied migration was edited, or that is newer than this program', () => {
    const file = join(tmp(), 'db.sqlite')
    openDatabase(file, { migrations: [...MIGRATIONS, { version: 70, name: 'x', sql: 'CREATE TABLE t70 (x INTEGER);' }] }).close()
    expect(() => openDatabase(file)).toThrow(/does not know/)
    expect(() =>
      openDatabase(file, { migrations: [...MIGRATIONS, { version: 70, name: 'x', sql: 'CREATE TABLE t70 (y INTEGER);' }] })
    ).toThrow(/changed after it was applied/)
  })

  it('keeps every released migration byte for byte: a home records these checksums and refuses any other text', () => {
    // a new migration adds its line here once released; an existing line never changes
    const released: Record<number, string> = {
      1: 'a95b2d679ee60dd6eb4775b2deedff4616c8122594dc81fe7e53460953de76a2',
      2: '06b88ee919ccd84c14f900ef21034a17a3a999aa0ffb9556c32b3f1f830a1639',
      3: 'c3e3df61aabee7ebec1c2d7fe06d5d3fc091659ffe9f67d46116db7991fe9919',
      4: 'e98213350477e147985467f472a3f33071f99a90778eabba2e0f104adbab7dd8',
      5: '7782a77282c168a197fddeb1ab2b137778fc47d86b60bf665d8d2a134c5549e3',
      6: '9ddf6397d4a563df725ad8dfc145c73d09a99b4fb2c1f842005dee7db53e396c'
    }
    for (const m of MIGRATIONS) if (released[m.version]) expect(migrationChecksum(m), `migration ${m.version}`).toBe(released[m.version])
    const file = join(tmp(), 'db.sqlite')
    const db = openDatabase(file)
    const applied = db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all() as {
      version: number
      checksum: string
    }[]
    expect(applied.filter((r) => released[r.version]).map((r) => r.checksum)).toEqual(Object.values(released))
    db.close()
    const edited = MIGRATIONS.map((m) => (m.version === 5 ? { ...m, sql: m.sql + ' ' } : m))
    expect(() => openDatabase(file, { migrations: edited })).toThrow(/^migration 5 \(.*\) was changed after it was applied$/)
  })

  it('lists one file per migration, in order, each named NNN-what-it-does after its version', () => {
    const dir = fileURLToPath(new URL('../../src-main/store/migrations', import.meta.url))
    const files = readdirSync(dir)
      .filter((f) => /^\d{3}-/.test(f))
      .sort()
    for (const f of files) expect(f).toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.ts$/)
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version))
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })
})

describe('data home', () => {
  it('creates the layout on first run, seeds settings and records the initialisation', async () => {
    const root = join(tmp(), 'home')
    const home = await openHome(root)
    expect(home.created).toBe(true)
    expect(readdirSync(root).sort()).toEqual(expect.arrayContaining(['blobs', 'casebinder.sqlite', 'exports', 'logs']))
    const actions = home.db.prepare('SELECT action FROM activity_log ORDER BY seq').all()
    expect(actions).toEqual([
      { action: 'home.init' },
      { action: 'calendar.seed' },
      { action: 'deadlines.rules.seed' },
      { action: 'review.catalogue.seed' }
    ])
    expect((home.db.prepare('SELECT COUNT(*) AS n FROM calendar_years').get() as { n: number }).n).toBe(7)
    home.close()
    const again = await openHome(root)
    expect(again.created).toBe(false)
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM activity_log').get() as { n: number }).n).toBe(4)
    again.close()
  })
})

describe('JSON columns', () => {
  it('reads each JSON column through its schema and refuses a corrupt row with an error naming table, column and row', async () => {
    const home = await openHome(join(tmp(), 'home'))
    const db = home.db
    const store = home.store
    expect((await latestCatalogue(store)).catalogue.name).toBeTruthy()
    db.prepare(`UPDATE major_catalogues SET config = '{"name": "x"' WHERE version = 1`).run()
    await expect(latestCatalogue(store)).rejects.toThrow(StoreDataError)
    await expect(latestCatalogue(store)).rejects.toThrow(/^corrupt row in major_catalogues \(version 1\): column config is not valid JSON/)
    db.prepare(`UPDATE major_catalogues SET config = '{"name": "x"}' WHERE version = 1`).run()
    await expect(latestCatalogue(store)).rejects.toThrow(
      /^corrupt row in major_catalogues \(version 1\): column config does not match its schema \(/
    )

    const at = new Date().toISOString()
    const id = Number(
      db
        .prepare(`INSERT INTO parties (kind, name, identity_key, data, created_at, updated_at) VALUES ('org', 'x', 'cc:x', '[1, 2]', ?, ?)`)
        .run(at, at).lastInsertRowid
    )
    await expect(findParty(store, id)).rejects.toThrow(
      new RegExp(`^corrupt row in parties \\(id ${id}\\): column data does not match its schema`)
    )

    db.prepare(`INSERT INTO settings (key, value) VALUES ('publicity.policy', '{"minMonths": "twelve"}')`).run()
    await expect(getSetting(store, 'publicity.policy', null)).rejects.toThrow(
      /^corrupt row in settings \(key publicity\.policy\): column value does not match its schema \(minMonths: /
    )
    // a key core does not declare is still checked to be JSON
    db.prepare(`INSERT INTO settings (key, value) VALUES ('x.unknown', 'not json')`).run()
    await expect(getSetting(store, 'x.unknown', null)).rejects.toThrow(
      /^corrupt row in settings \(key x\.unknown\): column value is not valid JSON/
    )

    // the verifier reports a damaged head instead of failing
    expect((await verifyChain(store)).ok).toBe(true)
    db.prepare(`UPDATE settings SET value = '{"seq": "4"}' WHERE key = 'audit.head'`).run()
    expect(await verifyChain(store)).toMatchObject({ ok: false, firstBad: { reason: 'recorded head is not valid (head altered)' } })
    home.close()
  })
})

describe('blob store', () => {
  it('stores content by SHA-256 once and verifies it on read', () => {
    const store = new BlobStore(join(tmp(), 'blobs'))
    const data = Buffer.from('现场检查记录 scan bytes')
    const a = store.put(data)
    const b = store.put(Buffer.from(data))
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(a.existed).toBe(false)
    expect(b).toEqual({ ...a, existed: true })
    expect(store.get(a.sha256).equals(data)).toBe(true)
    // corrupt it on disk: reading now fails loudly instead of returning wrong bytes
    writeFileSync(store.pathOf(a.sha256), 'tampered')
    expect(() => store.get(a.sha256)).toThrow(/corrupt/)
  })
  it('rejects names that are not hashes (no path traversal)', () => {
    const store = new BlobStore(join(tmp(), 'blobs'))
    expect(() => store.pathOf('../../etc/passwd')).toThrow(RangeError)
  })
})

describe('atomic writes', () => {
  it('replaces the whole file and leaves no temp file', () => {
    const dir = tmp()
    const target = join(dir, 'out.csv')
    writeFileAtomic(target, 'old')
    writeFileAtomic(target, 'new content')
    expect(readFileSync(target, 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['out.csv'])
  })
  it('fails cleanly when the target cannot be written, leaving nothing behind', () => {
    const dir = tmp()
    mkdirSync(join(dir, 'taken'))
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow()
    expect(readdirSync(dir)).toEqual(['taken'])
  })
})
