import { z } from 'zod'

/** One entry of the activity record (全过程记录). Appended in the same transaction as the change it describes. */
export const ActivitySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  caseId: z.string().nullable(),
  summary: z.string(),
  /** the change itself (before/after or the created object) */
  detail: z.unknown(),
  /** SHA-256 of the canonical encoding of `detail` */
  digest: z.string(),
  prevHash: z.string(),
  hash: z.string()
})
export type Activity = z.output<typeof ActivitySchema>

export const GENESIS_HASH = '0'.repeat(64)

/** The fields covered by an entry's hash, in the form passed to the canonical (RFC 8785) encoder. */
export function hashedFields(entry: Omit<Activity, 'hash' | 'detail'>): Record<string, unknown> {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    caseId: entry.caseId,
    summary: entry.summary,
    digest: entry.digest,
    prevHash: entry.prevHash
  }
}

export const ChainReportSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headHash: z.string(),
  firstBad: z
    .object({ seq: z.number().int(), reason: z.string() })
    .nullable()
})
export type ChainReport = z.output<typeof ChainReportSchema>

/** Action names, stable strings shown translated in the timeline. */
export const ACTION_LABELS: Record<string, string> = {
  'agency.set': '修改执法主体信息',
  'officer.add': '新增执法人员',
  'officer.edit': '修改执法人员信息',
  'officer.deactivate': '停用执法人员',
  'officer.reactivate': '恢复执法人员',
  'lists.export': '导出公示清单',
  'demo.load': '载入演示数据',
  'home.init': '初始化数据目录'
}
