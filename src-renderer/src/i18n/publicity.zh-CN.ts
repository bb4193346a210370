/**
 * Strings of the publicity UI (zh-CN, the schema for publicity.en.ts): the case's 公示 tab, the 公示 page's
 * decision publicity, 设置 › 法制审核目录 and the workbench cards. Merged into the main messages in i18n/index.ts;
 * the top-level `publicity` object replaces the main one there, so it carries the main one's keys too.
 */
import zhCN from './zh-CN'
import type { PublicityRecord, PublicityStatus, WithdrawReason } from '../../../src-main/core/publicity'
import { MEASURE_LABELS } from '../../../src-main/core/major-decision'

// The labels below are the core's (PUBLICITY_STATUS_LABELS, WITHDRAW_REASON_LABELS, RECORD_COLUMNS), written out:
// core/publicity cannot be loaded in the renderer (see components/publicity/constants.ts). The e2e spec checks
// that they stay equal.
const status: Record<PublicityStatus, string> = {
  pending: '待公示',
  published: '已公示',
  withdrawn: '已撤回',
  corrected: '已更正',
  expired: '已到期下架',
  removed_early: '信用修复提前下架'
}
const reasons: Record<WithdrawReason, string> = {
  revoked: '处罚决定被撤销',
  changed: '处罚决定被变更',
  unlawful: '处罚决定被确认违法',
  void: '处罚决定被确认无效',
  credit_repair: '信用修复提前下架',
  expired: '公示期满下架'
}
/** the 双公示 field headers, as the data standard names them */
const fields: Record<keyof PublicityRecord, string> = {
  caseName: '案件名称',
  partyName: '行政相对人名称',
  partyCategory: '行政相对人类别',
  creditCode: '统一社会信用代码',
  idNumberMasked: '证件号码（已隐去部分）',
  legalRep: '法定代表人',
  decisionNumber: '行政处罚决定书文号',
  violationType: '违法行为类型',
  facts: '违法事实',
  basis: '处罚依据',
  penaltyType: '处罚类别',
  penaltyContent: '处罚内容',
  fineWan: '罚款金额（万元）',
  confiscationWan: '没收违法所得、没收非法财物的金额（万元）',
  licence: '暂扣或者吊销证照名称及编号',
  decisionDate: '处罚决定日期',
  publicFrom: '公示起始日期',
  minUntil: '最短公示期限届满日',
  publicUntil: '公示截止期',
  agencyName: '处罚机关',
  agencyCreditCode: '处罚机关统一社会信用代码',
  dataSource: '数据来源单位',
  dataSourceCode: '数据来源单位统一社会信用代码',
  remarks: '备注'
}

const publicityZhCN = {
  publicity: {
    ...zhCN.publicity,
    status,
    reasons,
    fields,
    // ---- the case's 公示 tab
    caseTitle: '行政处罚决定公示',
    caseHint:
      '行政处罚决定应当自作出之日起7个工作日内公示；自然人的身份证号码、住址、电话等个人信息依法隐去（行政处罚法第四十八条，安全生产法第七十八条）。',
    build: '生成公示信息',
    rebuild: '重新生成',
    rebuilt: '已重新生成公示信息',
    built: '已生成公示信息，请于 {due} 前公示',
    noDecision: '本案还没有已签发的行政处罚决定书；决定书签发后可在此生成公示信息。',
    draftOnly: '{title}尚未签发；签发后才能生成公示信息。',
    decisionLabel: '公示的决定书',
    due: '公示期限',
    dueBy: '应于 {date} 前公示',
    overdue: '已逾期',
    redactions: '已隐去个人信息{n}处',
    noRedactions: '未发现需要隐去的个人信息',
    period: '公示期间',
    periodFrom: '公示起始',
    minUntil: '最短公示期限届满',
    maxUntil: '最长公示期限届满',
    periodHint: '自处罚决定日期起算。最短公示期限届满前不能因信用修复提前下架；最长公示期限届满后下架（国家发展改革委令第58号）。',
    canRemoveEarly: '最短公示期限已届满，当事人可申请信用修复提前下架',
    publishedOn: '公示日期',
    url: '公示网址',
    notPublished: '尚未公示',
    withdrawn: '撤回情况',
    withdrawnLine: '{date} 撤回：{reason}',
    supersededBy: '已由更正后的公示信息替代',
    withdrawDue: '处罚决定已被撤销或者变更，应于 {date} 前撤下公示（3个工作日内）',
    record: '双公示信息（信用中国行政处罚数据项）',
    summary: '行政处罚决定书摘要',
    publish: '登记公示',
    withdraw: '撤回',
    decisionChanged: '登记决定被撤销或变更',
    publishDialog: {
      title: '登记公示',
      hint: '在本机关网站或者“信用中国”等平台公示后，登记公示日期和网页地址。',
      publishedOn: '公示日期',
      url: '网页地址',
      urlPlaceholder: 'https://',
      done: '已登记公示'
    },
    withdrawDialog: {
      title: '撤回公示',
      reason: '撤回原因',
      reasonPlaceholder: '请选择撤回原因',
      date: '撤回日期',
      note: '说明',
      notePlaceholder: '写明撤回的依据和情况（如复议决定书文号、信用修复申请）',
      minHint: '最短公示期限至 {date} 届满；届满前不能因信用修复提前下架。',
      minOk: '最短公示期限已于 {date} 届满，可以信用修复提前下架。',
      maxHint: '最长公示期限至 {date} 届满；届满后方可按“公示期满下架”撤下。',
      done: '已撤回公示'
    },
    changedDialog: {
      title: '登记决定被撤销或变更',
      hint: '处罚决定因复议、诉讼或者本机关自行纠错被撤销、变更，或者被确认违法、无效的，应当在3个工作日内撤下已公示的信息（行政处罚法第四十八条第二款）。',
      date: '撤销或者变更日期',
      reason: '情况说明',
      reasonPlaceholder: '如：2026年12月1日江州市人民政府行政复议决定撤销该处罚决定',
      done: '已登记；请在 {date} 前撤下公示'
    },
    // ---- the 公示 page: decision publicity
    decisionsTitle: '行政处罚决定公示',
    decisionsDesc: '已签发的行政处罚决定生成的公示信息（已隐去个人信息）。待公示的应在决定作出之日起7个工作日内公示。',
    filterAll: '全部',
    col: {
      number: '决定书文号',
      party: '当事人',
      decisionDate: '决定日期',
      due: '公示期限',
      status: '状态',
      publishedOn: '公示日期',
      case: '案件'
    },
    openCase: '查看',
    noRecords: '暂无公示信息',
    exportTitle: '网站公示文件',
    exportDesc: '正在公示期内的已公示记录，按“双公示”数据项导出（CSV、JSON 用于报送，HTML 可直接发布）。',
    exportCount: '当前公示中 {n} 条',
    decisionCsv: '行政处罚决定公示.csv',
    decisionJson: '行政处罚决定公示.json',
    decisionHtml: '行政处罚决定公示.html',
    catalogueTitle: '重大执法决定法制审核目录清单',
    catalogueDesc: '按“设置 › 法制审核目录”中现行的目录生成，供向社会公布。',
    catalogueCsv: '重大执法决定法制审核目录清单.csv',
    catalogueHtml: '重大执法决定法制审核目录清单.html',
    goCatalogue: '查看或修订目录',
    // ---- workbench cards
    wbReview: '待法制审核',
    wbReviewRow: '第{round}轮 · 审核人：{reviewer}',
    wbPublicity: '待公示',
    wbNone: '无',
    wbDue: '{date} 到期'
  },
  catalogue: {
    nav: '法制审核目录',
    title: '重大执法决定法制审核目录',
    subtitle: '哪些处罚决定属于重大执法决定、须经法制审核（行政处罚法第五十八条）；修改后保存为新的版本，已提交的审核仍按提交时的版本。',
    current: '现行：第 {v} 版《{name}》，自 {from} 起施行（{by}，{at}）',
    edit: '目录内容',
    sections: {
      basic: '基本信息',
      thresholds: '数额标准',
      measures: '属于重大执法决定的处理',
      other: '其他情形',
      flags: '手动标记事项',
      discussion: '须集体讨论的情形',
      review: '审核期限与认定'
    },
    fields: {
      name: '目录名称',
      effectiveFrom: '施行日期',
      source: '制定依据',
      fineThreshold: '较大数额罚款',
      confiscationThreshold: '没收较大数额违法所得、非法财物',
      hearingThreshold: '听证的较大数额',
      org: '单位',
      person: '个人',
      measures: '处理种类',
      afterHearing: '经过听证程序作出的决定',
      benchmarkDeparture: '偏离裁量基准',
      manualFlags: '手动标记',
      discussionFor: '触发情形',
      reviewDays: '法制审核期限',
      workingDays: '个工作日',
      soleCountsAs: '个体工商户按'
    },
    hints: {
      thresholds: '达到或者超过标准的即属于重大执法决定；当事人为自然人（或按个人认定的个体工商户）时适用个人标准。',
      hearing: '告知听证权利的较大数额，可与法制审核标准不同。',
      afterHearing: '案件举行过听证的，作出的决定须经法制审核',
      benchmarkDeparture: '拟减轻处罚或者在裁量基准以外从重处罚的，须经法制审核',
      flags: '承办机构或者负责人可在案件中手动标记的其他重大情形（如案情复杂、涉及多个法律关系、社会影响重大）。',
      discussion: '案件出现所选情形时，作出决定前还须经负责人集体讨论（行政处罚法第五十七条第二款）。',
      reviewDays: '自收到完整材料之日起计算'
    },
    soleAs: { person: '个人', org: '单位' },
    triggerKinds: {
      fine: '较大数额罚款',
      confiscation: '没收较大数额',
      measure: '停产停业等处理',
      hearing: '经过听证',
      departure: '偏离裁量基准',
      manual: '手动标记'
    },
    measures: { ...MEASURE_LABELS },
    flagCol: { code: '代码', label: '名称', description: '说明' },
    yuan: '元',
    flagCodeHint: '小写字母、数字和下划线',
    addFlag: '增加标记',
    removeFlag: '删除',
    noFlags: '没有手动标记事项',
    save: '保存为新版本',
    revert: '放弃修改',
    saved: '已保存为第 {v} 版',
    history: '版本记录',
    historyCol: { version: '版本', name: '目录名称', effectiveFrom: '施行日期', createdAt: '保存时间', createdBy: '保存人' },
    inForce: '现行',
    policyTitle: '行政处罚决定公示期限',
    policyDesc: '自处罚决定日期起算。安全生产领域行政处罚信息最短公示1年、最长3年（国家发展改革委令第58号）。',
    policy: {
      minMonths: '最短公示期限',
      maxMonths: '最长公示期限',
      months: '个月',
      publishWarnings: '仅给予警告的决定也公示',
      publishWarningsHint: '关闭后，仅给予警告的决定不生成公示信息（参照市场监管领域的做法）。'
    },
    policySaved: '已保存公示期限设置'
  }
}

export default publicityZhCN
