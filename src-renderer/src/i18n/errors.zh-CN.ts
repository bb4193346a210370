/**
 * The text of every error code (src-main/core/errors.ts), in Simplified Chinese; errors.en.ts has the same keys.
 * The services' own message (already zh-CN, naming the particular case) is shown when the UI is in Chinese; these
 * are the fallback when a message is missing. `{name}` is filled from the error's details (see i18n/errors.ts).
 */
import type { ErrorCode } from '../../../src-main/core/errors'

const errorsZhCN: Record<ErrorCode, string> = {
  // general
  VALIDATION_FAILED: '输入有误，请检查标出的内容',
  UNKNOWN_CHANNEL: '未知的接口：{channel}',
  UNAUTHORIZED: '无权访问案卷通服务',
  INTERNAL: '内部错误，操作未完成。详情见日志。',
  SERVER_UNAVAILABLE: '服务器暂时不可用，操作未完成，数据未更改。请稍后重试。',
  // auth
  AUTH_REQUIRED: '请先登录',
  FORBIDDEN: '没有执行此操作的权限',
  AUTH_FAILED: '登录名或密码不正确',
  AUTH_LOCKED: '连续登录失败次数过多，账户已暂时锁定（{unlocksAt} 解锁）',
  AUTH_INACTIVE: '账户已停用，请联系管理员',
  PASSWORD_WEAK: '密码不符合要求：至少 8 位，同时包含字母和数字',
  // server
  RATE_LIMITED: '登录尝试过于频繁，请稍后再试',
  // users
  SETUP_DONE: '已经创建过管理员账户，请登录',
  USER_NOT_FOUND: '未找到该用户',
  USER_LOGIN_TAKEN: '该登录名已被使用',
  USER_OFFICER_TAKEN: '该执法人员已关联其他账户',
  USER_LAST_ADMIN: '至少要保留一个在用的管理员账户',
  // agency
  AGENCY_NOT_CONFIGURED: '尚未登记执法主体信息，请先在“设置 › 执法主体”中填写',
  // officers
  OFFICER_NOT_FOUND: '未找到该执法人员',
  OFFICER_CERT_DUPLICATE: '该执法证号已登记给其他执法人员（编号 {holderId}）',
  OFFICER_STATE_UNCHANGED: '执法人员已处于该状态',
  OFFICERS_TOO_FEW: '执法人员不得少于两人（须为持有不同执法证件的两名以上执法人员）',
  OFFICER_INACTIVE: '执法人员已停用，不能承办案件',
  OFFICER_CERT_EXPIRED: '执法人员的执法证已过有效期',
  // parties
  PARTY_NOT_FOUND: '未找到该当事人',
  PARTY_DUPLICATE: '该当事人已登记（编号 {existingId}）',
  // cases
  CASE_NOT_FOUND: '未找到该案件',
  CASE_TRANSITION_INVALID: '案件当前状态不允许这一步',
  CASE_NOT_FILED: '案件尚未立案',
  CASE_NOT_GENERAL_PROCEDURE: '简易程序案件不适用这一步',
  CASE_NO_PARTY: '案件没有当事人',
  SUMMARY_LIMIT_EXCEEDED: '超出简易程序的处罚限额，应改按一般程序办理',
  STEP_REQUIRED: '这一步须通过专门的环节完成（负责人审批或归档作业），不能直接推进',
  CASE_SEALED: '案件已归档封存，不能再作任何修改',
  // approvals
  APPROVAL_NOT_AVAILABLE: '案件当前状态不能作这项审批',
  // deadlines
  DEADLINE_NOT_FOUND: '没有这一期限规则',
  DEADLINE_NOT_EXTENDABLE: '该期限不能延长',
  CALENDAR_IMPORT_INVALID: '日历文件有误，未导入',
  CALENDAR_YEAR_EXISTS: '该年份的日历已存在；如需替换请选择“覆盖”',
  // basis
  VIOLATION_NOT_FOUND: '违法行为目录中没有该项',
  // templates
  TEMPLATE_NOT_FOUND: '没有这种文书模板',
  TEMPLATE_INVALID: '模板文件无效，未导入',
  // documents
  DOCUMENT_NOT_FOUND: '未找到该文书',
  DOCUMENT_NOT_DRAFT: '文书已签发或已作废，不能修改；如需更正请新建版本',
  DOCUMENT_NOT_ISSUED: '文书尚未签发或已作废',
  DOCUMENT_CORRECTION_OPEN: '已有更正中的新版本',
  DOCUMENT_UNDER_REVIEW: '文书正在法制审核中，审核意见作出前不能修改',
  DOCUMENT_CHECK_FAILED: '文书检查未通过（{count}项）',
  DOCUMENT_REVISION_CONFLICT: '文书已被他人修改，请重新打开后再改',
  DOCUMENT_NUMBER_TAKEN: '该文号已被使用',
  // evidence
  EVIDENCE_INVALID: '文件不能作为这类材料登记',
  EVIDENCE_DUPLICATE: '同一文件已登记（编号 {existingId}）',
  EVIDENCE_NOT_FOUND: '未找到该证据',
  // hearings
  HEARING_NOT_FOUND: '未找到该听证记录',
  HEARING_STATE_INVALID: '听证当前状态不允许这一步',
  HEARING_NOTICE_NOT_SERVED: '尚未送达行政处罚告知书',
  HEARING_REQUEST_LATE: '听证申请期已届满，逾期提出的视为放弃听证权利',
  HEARING_NOTICE_TOO_SHORT: '应当在举行听证的七日前通知当事人',
  HEARING_CHAIR_INVALID: '听证主持人应为本机关在岗的非本案调查人员',
  DISCUSSION_ATTENDEES_INVALID: '集体讨论应有三名以上在用的负责人参加，主持人应为其中一人',
  // review
  REVIEW_NOT_FOUND: '未找到该法制审核',
  REVIEW_STATE_INVALID: '法制审核当前状态不允许这一步',
  REVIEW_DOCUMENT_CHANGED: '送审后决定书草稿已修改，请承办人员重新提交',
  REVIEWER_INVALID: '该人员不能担任法制审核人员',
  // gates
  GATE_NOT_FILED: '案件尚未立案，不能作出处理决定',
  GATE_NOTICE_NOT_SERVED: '尚未送达行政处罚告知书，不能作出处罚决定',
  GATE_WINDOW_OPEN: '当事人陈述、申辩或申请听证的期限尚未届满',
  GATE_HEARING_PENDING: '听证尚未结束',
  GATE_STATEMENT_NOT_REVIEWED: '当事人的陈述、申辩尚未复核',
  GATE_REVIEW_REQUIRED: '重大执法决定须经法制审核',
  GATE_REVIEW_NOT_APPROVED: '法制审核未通过',
  GATE_REVIEW_STALE: '法制审核后决定书已修改，须重新审核',
  GATE_DISCUSSION_REQUIRED: '须经负责人集体讨论决定',
  GATE_PENALTY_ABOVE_NOTICE: '决定的处罚重于告知的处罚，须重新告知',
  // dossier
  DOSSIER_LOCKED: '案卷已归档封存，不能再修改',
  DOSSIER_INCOMPLETE: '案卷不完整，不能归档',
  DOSSIER_CASE_NOT_CLOSED: '案件尚未结案，不能归档',
  DOSSIER_REVIEW_VETO: '案卷评查存在否决项，不能归档',
  // publicity
  PUBLICITY_NOT_FOUND: '未找到该公示记录',
  PUBLICITY_NOT_APPLICABLE: '该决定不需公示',
  PUBLICITY_NO_DECISION: '本案还没有已签发的行政处罚决定书',
  PUBLICITY_REDACTION_INCOMPLETE: '公示信息中仍有个人信息未能隐去，请检查决定书内容',
  PUBLICITY_STATE_INVALID: '公示信息当前状态不允许这一步',
  PUBLICITY_PERIOD: '公示期限尚未届满',
  // exports
  EXPORT_FAILED: '无法写入导出目录 {outDir}',
  EXPORT_FOLDER_NOT_EMPTY: '目标文件夹不是空的',
  // jobs
  JOB_NOT_FOUND: '没有这项任务',
  JOB_NOT_DONE: '任务尚未完成或没有生成文件',
  JOB_CANCELLED: '已取消，未生成任何文件',
  // signing
  RENDITION_FAILED: '生成 PDF 失败',
  SIGNING_FAILED: '签名失败',
  SIGNING_NOT_CONFIGURED: '尚未配置签名证书：请在“设置 › 签名证书”中导入机关证书，或生成测试证书',
  SIGNING_PASSWORD_REQUIRED: '请输入签名证书密码',
  VERIFY_FAILED: '签名或归档包验证未通过',
  // audit
  AUDIT_CHAIN_BROKEN: '全过程记录的校验链已断开',
  // demo
  DEMO_NOT_EMPTY: '数据目录中已有数据，不能载入演示数据（请使用新的数据目录）'
}

export default { errors: errorsZhCN }
