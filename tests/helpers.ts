import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openHome, type Home } from '../src-main/store/home'
import { createContext, type ServiceContext } from '../src-main/services/context'
import type { AppEvent } from '../src-main/contract'
import { loadManifest } from '../src-main/drafting/catalogue'

export interface TestHome {
  dir: string
  home: Home
  ctx: ServiceContext
  events: AppEvent[]
  /** move the clock */
  setNow(iso: string): void
  cleanup(): void
}

/** A real data home in a temp folder, with a fixed clock (default 2026-11-25 10:00 China time). */
export async function makeHome(now = '2026-11-25T02:00:00Z'): Promise<TestHome> {
  const dir = mkdtempSync(join(tmpdir(), 'casebinder-test-'))
  const home = await openHome(dir, { actor: 'tester' })
  const events: AppEvent[] = []
  let clock = new Date(now)
  const ctx = createContext(home, { actor: 'tester', now: () => clock, emit: (e) => events.push(e), version: 'test' })
  return {
    dir,
    home,
    ctx,
    events,
    setNow: (iso) => {
      clock = new Date(iso)
    },
    cleanup: () => {
      try {
        home.close()
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const VALID_AGENCY = {
  name: '江州市应急管理局',
  shortName: '江',
  creditCode: '11360400MB1C23456B',
  address: '江州市滨江区人民路188号',
  postcode: '332000',
  phone: '0792-8123456',
  reconsiderationBody: '江州市人民政府',
  court: '江州市滨江区人民法院'
}

/** A digest of every table's rows: equal before and after means nothing was written. */
export function storeDigest(t: TestHome): string {
  const h = createHash('sha256')
  const tables = t.home.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`)
    .all() as { name: string }[]
  for (const { name } of tables) h.update(name).update(JSON.stringify(t.home.db.prepare(`SELECT * FROM "${name}"`).all()))
  return h.digest('hex')
}

export function countRows(home: Home, table: string): number {
  return (home.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
}

/**
 * Take a decision draft through the procedural steps its gates still ask for, the way a case handler would:
 * serve the notice, record written waivers, submit the current draft for legal review (approved by the
 * agency's legal reviewer), hold the collective discussion. Used by tests whose subject is not the gates.
 */
export async function clearDecisionGates(ctx: ServiceContext, documentId: number, date = '2026-11-25'): Promise<void> {
  const { call } = await import('../src-main/services')
  const { REVIEW_ASPECTS } = await import('../src-main/core/legal-review')
  for (let round = 0; round < 8; round++) {
    const doc = await call(ctx, 'documents.get', { id: documentId })
    const g = doc.gates[0]
    if (!g) return
    const caseId = doc.caseId
    if (g.code === 'GATE_NOTICE_NOT_SERVED') {
      for (const to of ['investigating', 'internal_review', 'notice'] as const) {
        if ((await call(ctx, 'cases.get', { ref: String(caseId) })).allowedTransitions.includes(to))
          await call(ctx, 'cases.transition', { id: caseId, to, date })
      }
    } else if (g.code === 'GATE_HEARING_PENDING') {
      await call(ctx, 'waivers.record', { caseId, right: 'hearing', date, note: '当事人书面撤回听证申请' })
    } else if (g.code === 'GATE_WINDOW_OPEN') {
      for (const right of ['statement', 'hearing'] as const)
        await call(ctx, 'waivers.record', { caseId, right, date, note: '当事人书面声明放弃' })
    } else if (g.code === 'GATE_STATEMENT_NOT_REVIEWED') {
      await call(ctx, 'documents.save', {
        id: documentId,
        revision: doc.revision,
        fields: { defenceSummary: '当事人提出的陈述申辩意见已经复核，不予采纳。' }
      })
    } else if (g.code === 'GATE_REVIEW_REQUIRED' || g.code === 'GATE_REVIEW_NOT_APPROVED' || g.code === 'GATE_REVIEW_STALE') {
      const s = await call(ctx, 'reviews.show', { caseId })
      const open = s.rounds.find((r) => r.status === 'in_review')
      const reviewer = s.reviewers.find((r) => r.eligible)
      if (!reviewer) throw new Error('no eligible legal reviewer')
      const r =
        open ??
        (await call(ctx, 'reviews.submit', { caseId, reviewerId: reviewer.id, documentId, note: '提请法制审核', submittedOn: date }))
      await call(ctx, 'reviews.decide', {
        reviewId: r.id,
        decidedOn: date,
        decision: {
          outcome: 'approved',
          aspects: Object.fromEntries(REVIEW_ASPECTS.map((a) => [a, { ok: true, note: '' }])) as never,
          opinion: '事实清楚，证据确凿，程序合法，同意。',
          crimeSuspected: false,
          changes: ''
        }
      })
    } else if (g.code === 'GATE_DISCUSSION_REQUIRED') {
      await call(ctx, 'discussions.record', {
        caseId,
        heldOn: date,
        ...(await discussionHeads(ctx)),
        conclusion: doc.type === 'no_penalty_decision' ? 'no_penalty' : 'penalty',
        conclusionText: '同意承办机构的处理意见',
        record: ''
      })
    } else {
      throw new Error(`cannot clear gate ${g.code}: ${g.message}`)
    }
  }
  throw new Error('gates did not clear')
}

/**
 * Three heads for a collective discussion, by user id, the first chairing: the home's active heads (the demo has
 * 王建国, 陈志强 and 周文斌), made up to three with new head accounts where the home has fewer.
 */
export async function discussionHeads(ctx: ServiceContext): Promise<{ chairId: number; attendeeIds: number[] }> {
  const { call } = await import('../src-main/services')
  const heads = (await call(ctx, 'users.directory', {})).filter((u) => u.roles.includes('head'))
  for (let i = heads.length; i < 3; i++)
    heads.push(
      await call(ctx, 'users.add', { login: `head-${i + 1}`, name: `负责人${i + 1}`, roles: ['head'], password: 'head-pass-2026' })
    )
  const attendeeIds = heads.slice(0, 3).map((u) => u.id)
  return { chairId: attendeeIds[0]!, attendeeIds }
}

/** A plausible value for every field of a document type (so its checks pass), with `extra` on top. */
export function fillFields(typeId: string, extra: Record<string, unknown> = {}, date = '2026-09-05'): Record<string, unknown> {
  const type = loadManifest().manifest.types.find((x) => x.id === typeId)
  if (!type) throw new Error(`no template ${typeId}`)
  const v = (ft: string, key: string): unknown =>
    ft === 'date'
      ? date
      : ft === 'datetime'
        ? `${date}T${key.toLowerCase().includes('end') ? '11:00' : '09:00'}`
        : ft === 'money'
          ? 10000
          : ft === 'number'
            ? 3
            : ft === 'boolean'
              ? false
              : ft === 'citation'
                ? '《中华人民共和国安全生产法》第二十八条第一款'
                : `测试${key}`
  const f: Record<string, unknown> = {}
  for (const fd of type.fields) {
    if (fd.type === 'list')
      f[fd.key] = [Object.fromEntries((fd.item ?? []).map((s) => [s.key, s.type === 'select' ? (s.options?.[0] ?? '') : v(s.type, s.key)]))]
    else if (fd.type === 'select') f[fd.key] = fd.options?.[0] ?? ''
    else f[fd.key] = v(fd.type, fd.key)
  }
  return { ...f, ...extra }
}
