/** Strings of the case list, the case form, parties and the case page (zh-CN, the schema for cases.en.ts). Part of the main messages (zh-CN.ts). */
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS } from '../../../src-main/core/approvals'
const casesZhCN = {
  cases: {
    title: '案件',
    subtitle: '全部案件，按最近更新排序。输入两个以上汉字可在案件名称、案由、案情和当事人中全文检索。',
    newCase: '登记/立案',
    searchPlaceholder: '搜索案件名称、案由、案情、当事人（至少2个字）',
    filters: {
      status: '状态',
      procedure: '程序',
      officer: '承办人员',
      dateRange: '案源日期',
      from: '开始日期',
      to: '结束日期',
      mine: '只看我的案件',
      all: '全部'
    },
    columns: {
      number: '立案号',
      name: '案件名称',
      parties: '当事人',
      procedure: '程序',
      status: '状态',
      nextDeadline: '下一期限',
      updatedAt: '更新时间'
    },
    notFiled: '未立案',
    empty: '没有符合条件的案件',
    emptyAll: '尚未登记案件',
    total: '共 {n} 件',
    searchHit: '检索命中'
  },
  caseForm: {
    title: '登记/立案',
    subtitle: '登记案源；一般程序案件可在确认两名以上执法人员后同时立案并编立案号。',
    sectionSource: '案件来源',
    sectionParties: '当事人与执法人员',
    sectionPenalty: '拟给予的行政处罚（简易程序）',
    sectionPreview: '预览',
    fields: {
      source: '案件来源',
      sourceDate: '案源日期',
      procedure: '程序',
      cause: '案由',
      facts: '案情摘要',
      parties: '当事人',
      officers: '执法人员',
      warning: '警告',
      fine: '罚款（元）',
      filedOn: '立案日期'
    },
    hints: {
      sourceDate: '发现线索或收到材料之日，立案期限由此起算',
      cause: '违法行为，如 未按规定对从业人员进行安全生产教育和培训',
      officers: '立案或当场处罚须有两名以上持有效执法证件的执法人员',
      summary: '简易程序：警告，或对公民200元以下、对法人或者其他组织3000元以下罚款（行政处罚法第五十一条）'
    },
    partyPlaceholder: '输入名称、信用代码或身份证号搜索',
    addParty: '新增当事人',
    officerPlaceholder: '选择执法人员',
    officerExpired: '执法证已于 {date} 到期，不能承办案件',
    officerExpiring: '剩{n}天',
    caseName: '案件名称',
    filingDeadline: '立案期限',
    decisionDeadline: '作出处理决定期限',
    deadlineFrom: '自{start}起{length}{unit}，至 {due}',
    deadlineOverdue: '已逾期',
    previewPending: '填写日期后显示',
    register: '登记案源',
    registerAndFile: '登记并立案',
    registerAndFileOnlyGeneral: '简易程序案件无需立案',
    registered: '已登记案源：{name}',
    filed: '已立案：{number}',
    failed: '未能保存'
  },
  party: {
    addTitle: '新增当事人',
    kind: '类型',
    fields: {
      name: '名称',
      personName: '姓名',
      soleName: '个体工商户名称',
      creditCode: '统一社会信用代码',
      address: '地址',
      soleAddress: '经营场所',
      personAddress: '住址',
      postcode: '邮政编码',
      legalRep: '法定代表人',
      soleLegalRep: '经营者',
      legalRepPost: '职务',
      operatorIdNumber: '经营者身份证号',
      phone: '联系电话',
      licences: '证照信息',
      idNumber: '身份证号码',
      sex: '性别',
      birthDate: '出生日期',
      employer: '工作单位',
      post: '职务'
    },
    derived: '由身份证号码得出：{sex}，{birth} 出生',
    duplicate: '该{what}已登记为当事人“{name}”',
    duplicateCredit: '统一社会信用代码',
    duplicateId: '身份证号码',
    useExisting: '使用已有当事人',
    added: '已新增当事人 {name}'
  },
  caseDetail: {
    tabs: {
      basic: '基本信息',
      parties: '当事人',
      documents: '文书',
      evidence: '证据与音像',
      timeline: '全过程记录',
      review: '法制审核',
      publicity: '公示',
      dossier: '案卷'
    },
    notFound: '未找到该案件',
    number: '立案号',
    noNumber: '尚未编号',
    name: '案件名称',
    status: '状态',
    procedure: '程序',
    source: '案件来源',
    sourceDate: '案源日期',
    filedOn: '立案日期',
    createdAt: '登记时间',
    registeredBy: '登记人',
    cause: '案由',
    facts: '案情摘要',
    officers: '执法人员',
    intendedPenalty: '拟给予的处罚',
    penaltyText: '{warning}{fine}',
    penaltyWarning: '警告',
    penaltyFine: '罚款{n}元',
    deadlines: '办案期限',
    noDeadlines: '暂无期限',
    dl: {
      label: '期限',
      start: '起算日',
      length: '期间',
      extension: '延长/扣除',
      due: '届满日',
      alert: '状态',
      met: '已于 {date} 完成'
    },
    extensionText: '延长{n}{unit}',
    excludedText: '扣除{n}{unit}',
    actions: {
      file: '立案',
      advance: '推进',
      extend: '延期',
      exclude: '扣除期间',
      suspend: '中止',
      resume: '恢复',
      approve: '审批'
    },
    approvals: {
      title: '负责人审批',
      none: '尚无审批记录',
      kinds: { ...APPROVAL_KIND_LABELS },
      outcomes: { ...APPROVAL_OUTCOME_LABELS },
      kind: '审批事项',
      outcome: '审批结论',
      opinion: '审批意见',
      opinionHint: '将连同负责人姓名和日期写入审批表',
      opinionRequired: '请填写审批意见',
      date: '审批日期',
      approver: '审批人',
      dialogTitle: '负责人审批',
      save: '确认审批',
      done: '已记录{kind}：{outcome}'
    },
    fileDialog: {
      title: '立案',
      filedOn: '立案日期',
      officers: '执法人员',
      cause: '案由',
      done: '已立案：{number}'
    },
    advanceDialog: {
      title: '推进案件',
      current: '当前状态',
      to: '变为',
      date: '日期',
      note: '说明',
      none: '该状态为终态，不能再推进',
      done: '案件状态已变为“{status}”'
    },
    extendDialog: {
      title: '延长作出处理决定期限',
      length: '延长天数',
      reason: '延期理由',
      approvedBy: '批准人',
      hint: '行政处罚法第六十条：案情复杂不能在期限内作出决定的，经本机关负责人批准可以延长',
      done: '已延长期限'
    },
    excludeDialog: {
      title: '扣除期间',
      code: '期限',
      from: '开始日期',
      to: '结束日期',
      reason: '理由',
      hint: '听证、检测、检验、鉴定、公告等期间不计入办案期限',
      done: '已扣除期间'
    },
    flagDialog: {
      suspendTitle: '中止案件调查',
      resumeTitle: '恢复案件调查',
      reason: '原因',
      reasonRequired: '请填写原因',
      done: '已保存'
    },
    masked: '已隐去',
    partyRole: { party: '当事人', responsible_person: '主要负责人' },
    timelineNote: '办案环节和关键日期如下；文书、证据、审核、公示等全部操作的全过程记录（防篡改哈希链）列在其后。',
    noEvents: '暂无记录',
    actor: '操作人：{actor}',
    notYet: '尚未提供',
    notYetText: {
      documents: '将在此按模板制作立案审批表、询问笔录、告知书、处罚决定书等文书，编号签发并做规范性检查。',
      evidence: '将在此登记书证、物证、现场照片和执法记录仪音像资料，按内容指纹保存，防止篡改。',
      review: '将在此对重大执法决定提交法制审核，记录审核意见和整改情况。',
      publicity: '将在此生成行政处罚决定公开信息（依法隐去个人信息），并记录公示日期。',
      dossier: '将在此按归档顺序组卷，生成卷内目录、备考表并导出电子案卷。'
    }
  }
}

export default casesZhCN
export type CasesMessages = typeof casesZhCN
