/** The user accounts settings page (管理员): users, roles, passwords, the idle lock time. */
export default {
  usersAdmin: {
    nav: '用户与权限',
    title: '用户与权限',
    subtitle:
      '本机关使用案卷通的登录账户。一个账户可担任一个或多个角色；办案人员、法制审核人员应关联本人的执法人员信息，才能办理本人承办或审核的案件。',
    empty: '暂无用户账户',
    columns: {
      login: '登录名',
      name: '姓名',
      roles: '角色',
      officer: '关联执法人员',
      status: '状态'
    },
    state: {
      active: '启用',
      inactive: '停用',
      locked: '已锁定至 {time}'
    },
    lockedHint: '连续 {n} 次密码输错，账户暂时锁定，到时自动解除；重置密码可立即解除。',
    you: '（本人）',
    noOfficer: '不关联',
    officerInactive: '（已停用）',
    resetPassword: '重置密码',
    deactivate: '停用',
    reactivate: '启用',
    deactivateTitle: '停用账户',
    deactivateConfirm: '停用后，{name}（{login}）将无法登录案卷通，已办理的案件和记录不受影响。确定停用吗？',
    deactivateSelf: '这是您当前登录的账户，停用后您将无法再登录。确定停用吗？',
    deactivated: '已停用账户 {login}',
    reactivated: '已启用账户 {login}',
    addTitle: '新增用户',
    editTitle: '编辑用户',
    added: '已新增用户 {login}',
    fields: {
      login: '登录名',
      name: '姓名',
      roles: '角色',
      officer: '关联执法人员',
      password: '初始密码',
      password2: '确认密码'
    },
    hints: {
      login: '登录时使用，可用字母、数字、点、下划线和连字符，保存后不能修改。',
      officer: '办案人员、法制审核人员应关联本人的执法人员信息；管理员、内勤等可不关联。一名执法人员只能关联一个账户。',
      password: '至少 8 位，须同时包含字母和数字。请告知本人首次登录后自行修改密码。',
      loginFixed: '登录名保存后不能修改。'
    },
    officerPlaceholder: '不关联执法人员',
    officerTaken: '已关联账户 {login}',
    passwordMismatch: '两次输入的密码不一致',
    roleHints: {
      admin: '管理用户账户、执法主体、签名证书、法制审核目录和文书模板',
      handler: '承办案件，制作文书，调查取证',
      reviewer: '对重大执法决定进行法制审核',
      head: '审批，组织集体讨论，协调处理',
      archivist: '案卷封卷、归档',
      clerk: '登记、文书制作、送达等事务，不能审批'
    },
    reset: {
      title: '重置密码',
      intro: '为 {name}（{login}）设置新密码。原密码立即失效，账户的登录锁定一并解除。请告知本人首次登录后自行修改。',
      password: '新密码',
      password2: '确认密码',
      hint: '至少 8 位，须同时包含字母和数字。',
      done: '已重置 {login} 的密码'
    },
    idle: {
      title: '空闲锁定',
      label: '空闲锁定时间',
      unit: '分钟',
      hint: '超过此时间无任何操作，屏幕自动锁定，须重新输入密码才能继续；未保存的内容会保留。可设 5 至 480 分钟。',
      saved: '空闲锁定时间已设为 {n} 分钟'
    }
  },
  connection: {
    nav: '连接',
    title: '连接',
    intro: '选择本窗口使用的数据：本机的数据目录（单机使用），或本局的局端服务器（多人共用，数据保存在服务器上）。',
    where: '数据位置',
    local: '本机数据',
    server: '局端服务器',
    url: '服务器地址',
    urlPlaceholder: '例如 https://casebinder.bureau.lan:8443',
    serverHint: '连接后，本窗口显示局端服务器的页面，请使用服务器上的账户登录；本机数据目录保持不变，可随时从菜单“连接”改回本机数据。',
    save: '保存并重新启动',
    restarting: '已保存，案卷通正在按新的连接重新启动…'
  }
}
