/**
 * 全过程记录 of one case: its entries of the hash-chained activity record as a readable timeline (who, what,
 * when, which document or evidence, the hash), with the chain's verification status, and an export.
 */
import type { Scope } from '../store/engine/engine'
import { ACTION_LABELS, actorLabel } from '../core/activity'
import { appError } from '../core/errors'
import { csv } from '../core/tables'
import type { TimelineKind } from '../core/review-views'
import { listActivity, verifyChain } from '../store/activity'
import { findCase } from '../store/repos/cases'
import type { ServiceContext } from './context'

function kindOf(action: string): TimelineKind {
  const head = action.split('.')[0]!
  if (head === 'document' || head === 'evidence' || head === 'publicity' || head === 'dossier') return head
  if (head === 'review' || head === 'discussion') return 'review'
  if (head === 'hearing' || head === 'rights') return 'hearing'
  return 'case'
}

interface TimelineQuery {
  caseId: number
  kinds?: TimelineKind[] | undefined
  actor?: string | undefined
  q?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export function timelinesShow(ctx: ServiceContext, input: TimelineQuery) {
  return caseTimeline(ctx.home.store, input)
}

/** A case's entries of the activity record, filtered, each marked verified up to the chain's first broken link. */
async function caseTimeline(db: Scope, input: TimelineQuery) {
  const c = await findCase(db, input.caseId)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
  const chain = await verifyChain(db)
  const all = (await listActivity(db, { caseId: String(c.id), limit: 100_000 })).reverse()
  const entries = all
    .map((a) => ({
      seq: a.seq,
      at: a.at,
      actor: a.actor,
      actorLabel: actorLabel(a),
      action: a.action,
      actionLabel: ACTION_LABELS[a.action] ?? a.action,
      kind: kindOf(a.action),
      targetType: a.targetType,
      targetId: a.targetId,
      summary: a.summary,
      hash: a.hash,
      prevHash: a.prevHash,
      /** the entry lies before the first broken link of the chain */
      verified: chain.ok || (chain.firstBad !== null && a.seq < chain.firstBad.seq)
    }))
    .filter((e) => !input.kinds?.length || input.kinds.includes(e.kind))
    .filter((e) => !input.actor || e.actor === input.actor)
    .filter((e) => !input.q || e.summary.includes(input.q) || e.actionLabel.includes(input.q))
    .filter((e) => !input.from || e.at.slice(0, 10) >= input.from)
    .filter((e) => !input.to || e.at.slice(0, 10) <= input.to)
  return {
    caseId: c.id,
    caseName: c.name,
    caseNumber: c.number,
    total: all.length,
    actors: [...new Set(all.map((a) => a.actor))],
    actorOptions: [...new Map(all.map((a) => [a.actor, { actor: a.actor, label: actorLabel(a) }])).values()],
    chain: { ok: chain.ok, entries: chain.entries, headHash: chain.headHash, firstBad: chain.firstBad },
    entries
  }
}

export async function timelinesExport(ctx: ServiceContext, input: { caseId: number; format: 'csv' | 'json' }) {
  const t = await caseTimeline(ctx.home.store, { caseId: input.caseId })
  const base = `全过程记录-${t.caseNumber ?? t.caseName}`.replace(/[\\/:*?"<>|〔〕（）()\s]+/g, '_')
  if (input.format === 'json') {
    return {
      name: `${base}.json`,
      mime: 'application/json',
      content: JSON.stringify({ schema: 'casebinder.timeline/1', ...t }, null, 2) + '\n'
    }
  }
  const table = {
    title: '全过程记录',
    headers: ['序号', '时间', '操作人', '操作', '内容', '对象', '哈希', '前一条哈希', '校验'],
    rows: t.entries.map((e) => [
      String(e.seq),
      e.at,
      e.actor,
      e.actionLabel,
      e.summary,
      `${e.targetType}${e.targetId ? `#${e.targetId}` : ''}`,
      e.hash,
      e.prevHash,
      e.verified ? '通过' : '未通过'
    ])
  }
  return { name: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: csv(table) }
}
