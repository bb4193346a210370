import { z } from 'zod'

/** One entry of the activity record (全过程记录). Appended in the same transaction as the change it describes. */
export const ActivitySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** the signed-in user's login, or the name a trusted in-process caller gave */
  actor: z.string(),
  /** the signed-in user (users.id), their display name and linked officer; null for trusted callers and older entries */
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorOfficerId: z.number().int().nullable(),
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

/** The last entry as recorded beside the chain (setting `audit.head`): a truncated tail no longer matches it. */
export const AuditHeadSchema = z.object({ seq: z.number().int(), hash: z.string() })
export type AuditHead = z.output<typeof AuditHeadSchema>

/**
 * The fields covered by an entry's hash, in the form passed to the canonical (RFC 8785) encoder. The acting user's
 * fields (migration 6) are covered only when set, so every entry written before them hashes as it always did.
 */
export function hashedFields(entry: Omit<Activity, 'hash' | 'detail'>): Record<string, unknown> {
  return {
    ...(entry.actorUserId !== null ? { actorUserId: entry.actorUserId } : {}),
    ...(entry.actorName !== null ? { actorName: entry.actorName } : {}),
    ...(entry.actorOfficerId !== null ? { actorOfficerId: entry.actorOfficerId } : {}),
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
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable()
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
  'home.init': '初始化数据目录',
  'auth.signIn': '登录',
  'user.locked': '账户因连续登录失败被锁定',
  'user.bootstrap': '创建首个管理员账户',
  'user.add': '新增用户',
  'user.edit': '修改用户',
  'user.password_change': '修改密码',
  'user.password_reset': '重置用户密码',
  'party.add': '登记当事人',
  'party.edit': '修改当事人信息',
  'case.register': '案源登记',
  'case.file': '立案',
  'case.transition': '案件环节变更',
  'case.flag': '延期或者中止',
  'case.paid': '登记缴款',
  'case.published': '登记公示',
  'deadline.extend': '延长期限',
  'deadline.exclude': '扣除期间',
  'document.create': '起草文书',
  'document.save': '保存文书草稿',
  'document.issue': '签发文书',
  'document.void': '作废文书',
  'document.correct': '更正文书',
  'evidence.add': '添加证据或者音像记录',
  'dossier.reorder': '调整案卷顺序',
  'dossier.export': '导出案卷',
  'dossier.archive': '案卷归档',
  'dossier.access': '查阅已归档案卷',
  'review.profile': '登记拟作出的处理',
  'review.submit': '提交法制审核',
  'review.decide': '法制审核意见',
  'review.respond': '承办机构回复审核意见',
  'review.coordinate': '审核意见分歧协调',
  'hearing.request': '当事人申请听证',
  'hearing.schedule': '通知听证',
  'hearing.hold': '举行听证',
  'hearing.no_show': '当事人未出席听证',
  'rights.waive': '当事人书面放弃权利',
  'discussion.record': '集体讨论',
  'publicity.build': '生成公示信息',
  'publicity.rebuild': '重新生成公示信息',
  'publicity.publish': '公示处罚决定',
  'publicity.withdraw': '撤回公示',
  'publicity.decision_changed': '处罚决定被撤销或者变更',
  'publicity.export': '导出公示信息'
}

/** Who made an entry, as people read it: the signed-in user's name and login (王建国（wangjg）), else the actor. */
export function actorLabel(e: { actor: string; actorName: string | null }): string {
  return e.actorName && e.actorName !== e.actor ? `${e.actorName}（${e.actor}）` : e.actor
}
