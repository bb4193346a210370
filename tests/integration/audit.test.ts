import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { makeHome, VALID_AGENCY, type TestHome } from '../helpers'
import { call } from '../../src-main/services'
import { verifyChain, appendActivity, entryHash } from '../../src-main/store/activity'
import { GENESIS_HASH } from '../../src-main/core/activity'

let t: TestHome
beforeEach(async () => {
  t = await makeHome()
  await call(t.ctx, 'agency.set', VALID_AGENCY)
  await call(t.ctx, 'officers.add', { name: '王建国', certNo: '36040019001', validUntil: '2028-01-01' })
  await call(t.ctx, 'officers.add', { name: '李晓红', certNo: '36040019002', validUntil: '2028-01-01' })
  await call(t.ctx, 'officers.edit', { id: 2, patch: { post: '科员' } })
  await call(t.ctx, 'officers.deactivate', { id: 1, reason: '调离' })
})
afterEach(() => t.cleanup())

/** Tamper as an attacker with a SQLite shell would: drop the append-only triggers first. */
function tamper(sql: string, ...params: unknown[]) {
  t.home.db.exec('DROP TRIGGER IF EXISTS activity_log_no_update; DROP TRIGGER IF EXISTS activity_log_no_delete;')
  t.home.db.prepare(sql).run(...params)
}

describe('activity record (全过程记录)', () => {
  it('records every change with actor, action, target, digest and a linked hash', async () => {
    const rows = t.home.db.prepare('SELECT * FROM activity_log ORDER BY seq').all() as Record<string, string | number>[]
    expect(rows.map((r) => r.action)).toEqual([
      'home.init',
      'calendar.seed',
      'deadlines.rules.seed',
      'review.catalogue.seed',
      'agency.set',
      'officer.add',
      'officer.add',
      'officer.edit',
      'officer.deactivate'
    ])
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    expect(rows[8]).toMatchObject({ actor: 'tester', target_type: 'officer', target_id: '1' })
    expect(JSON.parse(rows[7]!.detail as string)).toMatchObject({ before: { post: '' }, after: { post: '科员' } })
    expect(await verifyChain(t.home.store)).toMatchObject({ ok: true, entries: 9, firstBad: null })
  })

  it('refuses ordinary UPDATE and DELETE on the log', () => {
    expect(() => t.home.db.prepare(`UPDATE activity_log SET actor = 'x' WHERE seq = 2`).run()).toThrow(/append-only/)
    expect(() => t.home.db.prepare('DELETE FROM activity_log WHERE seq = 2').run()).toThrow(/append-only/)
  })

  it('refuses to append outside a transaction', async () => {
    await expect(appendActivity(t.home.store, { actor: 'a', action: 'x', targetType: 'y', summary: '', detail: {} })).rejects.toThrow(
      /inside the transaction/
    )
  })

  it('detects an altered field', async () => {
    tamper(`UPDATE activity_log SET actor = 'someone else' WHERE seq = 5`)
    expect((await verifyChain(t.home.store)).firstBad).toEqual({ seq: 5, reason: expect.stringMatching(/field was altered/) })
  })

  it('detects altered change content', async () => {
    const row = t.home.db.prepare('SELECT detail FROM activity_log WHERE seq = 7').get() as { detail: string }
    tamper('UPDATE activity_log SET detail = ? WHERE seq = 7', row.detail.replace('李晓红', '李小红'))
    expect((await verifyChain(t.home.store)).firstBad).toEqual({ seq: 7, reason: expect.stringMatching(/digest/) })
  })

  it('detects a deleted entry in the middle', async () => {
    tamper('DELETE FROM activity_log WHERE seq = 3')
    expect((await verifyChain(t.home.store)).firstBad?.seq).toBe(4)
  })

  it('detects deleted entries at the end (truncation)', async () => {
    tamper('DELETE FROM activity_log WHERE seq >= 7')
    const r = await verifyChain(t.home.store)
    expect(r.ok).toBe(false)
    expect(r.firstBad).toEqual({ seq: 7, reason: expect.stringMatching(/chain ends at 6/) })
  })

  it('detects reordered entries', async () => {
    tamper('UPDATE activity_log SET seq = 100 WHERE seq = 3')
    tamper('UPDATE activity_log SET seq = 3 WHERE seq = 4')
    tamper('UPDATE activity_log SET seq = 4 WHERE seq = 100')
    expect((await verifyChain(t.home.store)).firstBad?.seq).toBe(3)
  })

  it('a forged entry with a correctly recomputed hash still breaks the link to the next one', async () => {
    const row = t.home.db.prepare('SELECT * FROM activity_log WHERE seq = 3').get() as Record<string, string | number>
    const forged = {
      seq: 3,
      at: row.at as string,
      actor: row.actor as string,
      actorUserId: null,
      actorName: null,
      actorOfficerId: null,
      action: row.action as string,
      targetType: row.target_type as string,
      targetId: row.target_id as string,
      caseId: null,
      summary: 'forged summary',
      digest: row.digest as string,
      prevHash: row.prev_hash as string
    }
    tamper('UPDATE activity_log SET summary = ?, hash = ? WHERE seq = 3', forged.summary, entryHash(forged))
    expect((await verifyChain(t.home.store)).firstBad).toEqual({ seq: 4, reason: expect.stringMatching(/prev_hash/) })
  })

  it('`casebinder audit verify` exits non-zero naming the first bad entry', async () => {
    await call(t.ctx, 'users.bootstrap', { login: 'admin', name: '管理员', password: 'admin-pass-1' })
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', '--home', t.dir, '--user', 'admin', ...args], {
        encoding: 'utf8',
        env: { ...process.env, CASEBINDER_PASSWORD: 'admin-pass-1' }
      })
    const good = cli('audit', 'verify')
    expect(good.status).toBe(0)
    // the 9 entries above, the admin's creation and this command's sign-in
    expect(good.stdout).toMatch(/intact: 11 entries/)
    tamper(`UPDATE activity_log SET at = '2020-01-01T00:00:00Z' WHERE seq = 4`)
    t.home.close()
    const bad = cli('audit', 'verify')
    expect(bad.status).toBe(3)
    expect(bad.stderr).toMatch(/AUDIT_CHAIN_BROKEN: entry 4:/)
  })
})
