/** `casebinder officers`: certified officers (执法人员). */
import { Option, type Command } from 'commander'
import { EXPIRY_LABELS, OfficerInputSchema } from '../../core/officer'
import type { Door } from '../run'
import type { Printer } from '../output'
import { defined, pick } from '../args'

type OfficerOpts = {
  name?: string
  cert?: string
  validUntil?: string
  post?: string
  unit?: string
  certType?: string
  certArea?: string
  legalReviewer?: boolean
  json?: boolean
}

const officerFields = (c: Command) =>
  c
    .option('--name <s>', '姓名')
    .option('--cert <s>', '执法证号')
    .option('--valid-until <date>', '证件有效期至 YYYY-MM-DD')
    .option('--post <s>', '职务')
    .option('--unit <s>', '所在单位')
    .addOption(new Option('--cert-type <s>', '证件类型'))
    .option('--cert-area <s>', '执法区域')
    .option('--json', 'print JSON')

const officerInput = (o: OfficerOpts) =>
  defined({
    name: o.name,
    certNo: o.cert,
    validUntil: o.validUntil,
    post: o.post,
    unit: o.unit,
    certType: pick(OfficerInputSchema.shape.certType.unwrap(), o.certType, '--cert-type'),
    certArea: o.certArea,
    legalReviewer: o.legalReviewer
  })

export function registerOfficers(program: Command, { run }: Door, out: Printer): void {
  const officers = program.command('officers').description('certified officers (执法人员)')
  officers
    .command('list')
    .option('--all', 'include deactivated officers')
    .option('--as-of <date>', 'compute certificate states on this date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (o: { all?: boolean; asOf?: string; json?: boolean }) => {
      const list = await run('officers.list', { includeInactive: !!o.all, ...(o.asOf ? { asOf: o.asOf } : {}) })
      if (o.json) return out.json(list)
      if (list.length === 0) return out.line('（无执法人员）')
      for (const x of list) {
        const state = x.active ? EXPIRY_LABELS[x.expiry.state] : '已停用'
        const days = x.expiry.state === 'expiring' ? `，剩余${x.expiry.daysLeft}天` : ''
        out.line(
          `${String(x.id).padStart(4)}  ${x.name.padEnd(6, '　')} ${x.certNo.padEnd(14)} 有效期至 ${x.validUntil}  [${state}${days}]${x.legalReviewer ? '  法制审核' : ''}`
        )
      }
    })
  officerFields(officers.command('add').description('register an officer'))
    .option('--legal-reviewer', 'qualified legal reviewer (法制审核人员)')
    .action(async (o: OfficerOpts) => {
      const x = await run('officers.add', { name: '', certNo: '', validUntil: '', ...officerInput(o) })
      if (o.json) return out.json(x)
      out.line(`已新增执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officerFields(officers.command('edit').argument('<id>').description('change an officer'))
    .option('--legal-reviewer', 'grant legal-review qualification')
    .option('--no-legal-reviewer', 'withdraw legal-review qualification')
    .action(async (id: string, o: OfficerOpts) => {
      const x = await run('officers.edit', { id, patch: officerInput(o) })
      if (o.json) return out.json(x)
      out.line(`已修改执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officers
    .command('deactivate')
    .argument('<id>')
    .option('--reason <s>', '停用原因', '')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { reason: string; json?: boolean }) => {
      const x = await run('officers.deactivate', { id, reason: o.reason })
      if (o.json) return out.json(x)
      out.line(`已停用执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officers
    .command('reactivate')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const x = await run('officers.reactivate', { id })
      if (o.json) return out.json(x)
      out.line(`已恢复执法人员 ${x.name}（编号 ${x.id}）`)
    })
}
