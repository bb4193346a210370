/** Simplified Chinese (default). The shape of this object is the message schema; en.ts must match it. */
import { CASE_SOURCE_LABELS, CASE_STATUS_LABELS, PROCEDURE_LABELS } from '../../../src-main/core/case'
import { ALERT_LABELS } from '../../../src-main/core/deadlines'
import { PARTY_KIND_LABELS } from '../../../src-main/core/party'
import casesZhCN from './cases.zh-CN'
import documentsZhCN from './documents.zh-CN'

const zhCN = {
  app: {
    name: '案卷通 CaseBinder',
    shortName: '案卷通',
    agencyNotConfigured: '尚未登记执法主体',
    language: '界面语言',
    loading: '正在加载…',
    connectionFailed: '无法连接到案卷通服务'
  },
  lang: { zhCN: '中文', en: 'English' },
  nav: {
    workbench: '工作台',
    cases: '案件',
    documents: '文书',
    archive: '案卷归档',
    publicity: '公示',
    settings: '设置',
    agency: '执法主体',
    officers: '执法人员',
    calendar: '工作日历',
    rules: '期限规则',
    templates: '文书模板'
  },
  placeholder: {
    title: '该功能尚未提供',
    workbench: '工作台将汇总待办事项、办案期限提醒和证件到期提醒。',
    cases: '案件模块将用于立案、调查取证、审核审批直至结案的全流程办理。',
    documents: '文书模块将按模板制作、编号、签发执法文书并进行规范性检查。',
    archive: '案卷归档模块将按归档顺序组卷、生成卷内目录并导出电子案卷。',
    publicityOther: '事中、事后公示（执法过程记录、执法决定公开）尚未提供。'
  },
  common: {
    save: '保存',
    saved: '已保存',
    cancel: '取消',
    confirm: '确定',
    edit: '编辑',
    add: '新增',
    actions: '操作',
    yes: '是',
    no: '否',
    none: '—',
    close: '关闭',
    refresh: '刷新',
    search: '搜索',
    reset: '重置',
    show: '显示',
    hide: '隐藏',
    back: '返回',
    loadFailed: '加载失败：{message}',
    fixErrors: '请先更正标出的错误',
    noChanges: '没有需要保存的修改'
  },
  footer: {
    home: '数据目录：{path}',
    server: '数据存放于局端服务器',
    version: '版本 {v}',
    audit: '全过程记录',
    verify: '校验',
    intact: '完整（{n} 条）',
    broken: '第 {seq} 条记录异常：{reason}',
    notChecked: '未校验'
  },
  welcome: {
    title: '欢迎使用案卷通',
    intro: '这是一个新的数据目录，尚未登记执法主体和执法人员。建议按以下顺序完成设置：',
    stepAgency: '填写本机关的执法主体信息（名称、统一社会信用代码、救济途径、罚没款缴纳）；',
    stepOfficers: '登记执法人员及其执法证件；',
    stepUsers: '在「用户与权限」中为承办人、法制审核人员、负责人、档案员等开设账户。',
    start: '开始设置'
  },
  roles: {
    admin: '管理员',
    handler: '办案人员',
    reviewer: '法制审核人员',
    head: '负责人',
    archivist: '档案员',
    clerk: '内勤'
  },
  agency: {
    title: '执法主体',
    subtitle: '作出行政处罚决定的机关。这些信息将印在执法文书上，并用于公示清单。',
    sectionBasic: '基本信息',
    sectionLegal: '救济途径',
    sectionBank: '罚没款缴纳',
    sectionPublicity: '公示信息',
    lastUpdated: '最后修改：{at}',
    fields: {
      name: '机关名称',
      shortName: '机关简称',
      creditCode: '统一社会信用代码',
      address: '地址',
      postcode: '邮政编码',
      phone: '联系电话',
      reconsiderationBody: '行政复议机关',
      court: '管辖人民法院',
      bankName: '罚没款收缴银行',
      bankAccountName: '户名',
      bankAccountNo: '银行账号',
      province: '省份',
      jurisdiction: '执法区域'
    },
    hints: {
      name: '全称，与公章一致，如 江州市应急管理局',
      shortName: '用于文书编号，如（江）应急罚〔2026〕1号',
      creditCode: '18位，见机关法人证书；校验位按 GB 32100-2015 核对',
      reconsiderationBody: '本级人民政府（行政复议法2023年修订第二十四条）',
      court: '被诉行政行为所在地的基层人民法院',
      bankAccountNo: '8至32位数字，可含空格',
      jurisdiction: '公示清单中的职权范围，如 本市行政区域内安全生产监督管理'
    }
  },
  officers: {
    title: '执法人员',
    subtitle: '持有行政执法证件的人员。证件过期或停用的人员不能被指派办案，也不会出现在公示清单中。',
    showInactive: '显示已停用人员',
    summary: '在岗 {active} 人，其中 {expired} 人证件已过期，{expiring} 人即将到期',
    summaryInactive: '，已停用 {n} 人',
    empty: '尚未登记执法人员',
    addTitle: '新增执法人员',
    editTitle: '编辑执法人员',
    added: '已新增执法人员 {name}',
    deactivate: '停用',
    reactivate: '恢复',
    deactivateTitle: '停用执法人员',
    deactivatePrompt: '确定停用 {name} 吗？停用后不能再被指派办案。请填写停用原因（如 调离、退休、证件注销）：',
    deactivated: '已停用 {name}',
    reactivated: '已恢复 {name}',
    legalReviewerTag: '法制审核',
    columns: {
      name: '姓名',
      post: '职务',
      unit: '所在单位',
      certNo: '执法证号',
      certType: '证件类型',
      validUntil: '有效期至',
      status: '状态',
      legalReviewer: '法制审核'
    },
    fields: {
      name: '姓名',
      post: '职务',
      unit: '所在单位',
      certNo: '执法证号',
      certType: '证件类型',
      certArea: '执法区域',
      validUntil: '有效期至',
      legalReviewer: '法制审核人员'
    },
    hints: {
      certNo: '执法证件上的编号',
      legalReviewer: '具有法制审核资格，可承担重大执法决定法制审核'
    },
    datePlaceholder: '选择日期',
    state: {
      valid: '有效',
      expiring: '即将到期（剩{n}天）',
      expiringToday: '即将到期（今日到期）',
      expired: '已过期',
      inactive: '已停用'
    },
    inactiveReason: '停用原因：{reason}'
  },
  labels: {
    penaltySubject: {
      unit: '生产经营单位',
      principal: '主要负责人',
      manager: '其他负责人和安全生产管理人员',
      responsible: '直接负责的主管人员和其他直接责任人员',
      investor: '个人经营的投资人'
    },
    penaltyStage: { first: '首次', uncorrected: '逾期未改正' },
    status: { ...CASE_STATUS_LABELS },
    source: { ...CASE_SOURCE_LABELS },
    procedure: { ...PROCEDURE_LABELS },
    alert: { ...ALERT_LABELS },
    partyKind: { ...PARTY_KIND_LABELS },
    eventType: {
      registered: '案源登记',
      filed: '立案',
      notice_served: '告知书送达',
      decided: '作出决定',
      served: '决定书送达',
      paid: '罚款缴纳',
      published: '决定公示',
      closed: '结案',
      archived: '归档',
      not_filed: '不予立案',
      transferred: '移送',
      no_penalty: '不予处罚',
      revoked: '撤销',
      terminated: '终止',
      suspended: '中止',
      resumed: '恢复办理',
      review_submitted: '提交法制审核',
      review_decided: '法制审核意见',
      hearing_requested: '申请听证',
      hearing_held: '举行听证',
      discussion_held: '集体讨论',
      waived: '放弃权利',
      decision_changed: '决定被撤销或变更',
      publicity_withdrawn: '撤回公示',
      status: '状态变更'
    },
    unit: { WD: '个工作日', CD: '日', months: '个月', hours: '小时' },
    deadlineKind: { duty: '履职期限', window: '等待/权利期间' },
    flag: { extended: '延期', suspended: '中止' },
    unverified: '日历未核实',
    unverifiedHint: '该期限涉及尚未导入官方放假安排的年份，按周末和法定节日推算，请在导入日历后核对'
  },
  workbench: {
    title: '工作台',
    subtitleAll: '全部案件的办理情况和期限提醒（右上角“我是”选择本人后只看自己承办的案件）',
    subtitleMine: '{name} 承办案件的办理情况和期限提醒',
    groups: { open: '在办', done: '已结', other: '其他' },
    openCases: '在办案件 {n} 件',
    overdue: '已逾期',
    due1: '1日内到期',
    due3: '3日内到期',
    noDeadlines: '无',
    myCases: '我的在办案件',
    allOpenCases: '在办案件（最近更新）',
    noCases: '暂无在办案件',
    due: '{date} 到期',
    newCase: '登记/立案'
  },
  ...casesZhCN,
  ...documentsZhCN,
  calendar: {
    title: '工作日历',
    subtitle: '国务院办公厅每年公布的节假日安排。工作日期限按此计算；没有导入的年份按周末和法定节日推算，相关期限标记为“日历未核实”。',
    version: '日历版本：{v}',
    import: '导入日历',
    columns: {
      year: '年份',
      restDays: '放假天数',
      makeupWorkdays: '调休上班天数',
      source: '来源',
      version: '版本',
      importedAt: '导入时间'
    },
    missingNext: '{year}年日历尚未导入，涉及该年的期限将标记为未核实',
    importTitle: '导入工作日历',
    importHint: '粘贴或选择文件。支持 JSON（含 year、restDays、makeupWorkdays 三项），或每行一天，如：',
    importExample: '2027-01-01,休,元旦　　2027-02-07,班,春节调休',
    chooseFile: '选择文件…',
    text: '日历内容',
    replace: '覆盖已有年份',
    imported: '已导入{year}年日历：放假{rest}天，调休上班{work}天',
    empty: '尚无日历数据'
  },
  rules: {
    title: '期限规则',
    subtitle: '办案期限按这张规则表计算。当前为只读；在界面中编辑规则（保存为新版本）将在后续版本提供。',
    version: '第 {v} 版：{name}（{at}）',
    columns: {
      label: '期限',
      trigger: '起算事件',
      length: '期间',
      kind: '类型',
      procedures: '适用程序',
      extendable: '可延长',
      source: '依据'
    }
  },
  publicity: {
    title: '公示',
    subtitle: '行政执法“三项制度”中的执法公示。',
    preTitle: '事前公示清单',
    preDesc: '执法主体资格清单和执法人员资格清单，按当日证件状态生成。',
    downloadAgency: '执法主体资格清单.csv',
    downloadOfficers: '执法人员资格清单.csv',
    downloadHtml: '行政执法公示清单.html',
    downloaded: '已生成 {name}',
    savedTo: '已保存到 {path}',
    omittedTitle: '未列入公示的执法人员',
    omittedNone: '所有在岗执法人员均已列入公示清单。',
    omittedName: '姓名',
    omittedReason: '原因',
    goAgency: '去填写执法主体',
    otherTitle: '事中、事后公示'
  }
}

export default zhCN
export type Messages = typeof zhCN
