/** Simplified Chinese (default). The shape of this object is the message schema; en.ts must match it. */
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
    officers: '执法人员'
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
    none: '—',
    fixErrors: '请先更正标出的错误',
    noChanges: '没有需要保存的修改'
  },
  footer: {
    home: '数据目录：{path}',
    version: '版本 {v}',
    audit: '全过程记录',
    verify: '校验',
    intact: '完整（{n} 条）',
    broken: '第 {seq} 条记录异常：{reason}',
    notChecked: '未校验'
  },
  welcome: {
    title: '欢迎使用案卷通',
    intro: '这是一个新的数据目录，尚未登记执法主体和执法人员。',
    demoHint: '载入演示数据：一个虚构的应急管理局和 7 名执法人员，便于先熟悉各项功能。',
    blankHint: '从空白开始：先填写本机关的执法主体信息，再登记执法人员。',
    loadDemo: '载入演示数据',
    startBlank: '从空白开始',
    demoLoaded: '已载入演示数据：执法人员 {n} 名'
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
