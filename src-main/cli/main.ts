#!/usr/bin/env node
/**
 * `casebinder` command line. A thin door: parses argv, calls services through `invoke`,
 * prints results (a table, or JSON with --json) and exits non-zero with a one-line message on failure.
 */
import { Command, CommanderError, Option } from 'commander'
import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { EXPIRY_LABELS, type Officer } from '../core/officer'
import type { AppError } from '../core/errors'
import { ACTION_LABELS, type Activity } from '../core/activity'
import type { Channel } from '../contract'
import { invoke } from '../services'
import { createContext } from '../services/context'
import { defaultHome, openHome } from '../store/home'
import { APP_VERSION } from '../version'

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message)
  }
}

interface Globals {
  home?: string
  actor?: string
}

function describe(e: AppError): string {
  const fields = e.details?.issues?.map((i) => `${i.path || '(input)'}: ${i.message}`) ?? []
  return `${e.code}: ${e.message}${fields.length > 1 ? ` [${fields.join('; ')}]` : ''}`
}

export function buildProgram(out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Command {
  const program = new Command()
  program
    .name('casebinder')
    .description('CaseBinder 案卷通 — enforcement case store, drafting and archiving')
    .version(APP_VERSION)
    .option('--home <dir>', 'data home (default: $CASEBINDER_HOME or the per-user data folder)')
    .option('--actor <name>', 'name recorded in the activity record', userInfo().username)
    .showHelpAfterError()
    .exitOverride()

  /** Open the home, run one service call, close. */
  function run<T = unknown>(channel: Channel, input: unknown): T {
    const g = program.opts<Globals>()
    const home = openHome(g.home ? resolve(g.home) : defaultHome(), { actor: g.actor ?? 'cli' })
    try {
      const ctx = createContext(home, { actor: g.actor ?? 'cli', version: APP_VERSION })
      const r = invoke(ctx, channel, input, { error: (m, e) => process.stderr.write(`${m}: ${String(e)}\n`) })
      if (!r.ok) throw new CliFailure(describe(r.error), 1)
      return r.value as T
    } finally {
      home.close()
    }
  }
  const json = (v: unknown) => out(JSON.stringify(v, null, 2))

  const agency = program.command('agency').description('agency profile (执法主体)')
  agency
    .command('show')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const a = run<Record<string, string> | null>('agency.get', {})
      if (o.json) return json(a)
      if (!a) return out('未登记执法主体 (agency not configured): run `casebinder agency set …`')
      for (const [k, v] of Object.entries(a)) out(`${k.padEnd(20)} ${v}`)
    })
  agency
    .command('set')
    .description('create or replace the agency profile; unspecified optional fields keep their current value')
    .option('--name <s>', '机关名称')
    .option('--short-name <s>', '机关简称 (used in document numbers)')
    .option('--credit-code <s>', '统一社会信用代码')
    .option('--address <s>')
    .option('--postcode <s>')
    .option('--phone <s>')
    .option('--reconsideration-body <s>', '行政复议机关 (本级人民政府)')
    .option('--court <s>', '管辖人民法院')
    .option('--bank-name <s>')
    .option('--bank-account-name <s>')
    .option('--bank-account-no <s>')
    .option('--province <s>')
    .option('--jurisdiction <s>', '执法区域')
    .option('--json', 'print JSON')
    .action((o: Record<string, string | boolean | undefined>) => {
      const current = run<Record<string, string> | null>('agency.get', {}) ?? {}
      const { json: asJson, ...fields } = o
      const merged = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) }
      delete (merged as Record<string, unknown>).updatedAt
      const a = run('agency.set', merged)
      if (asJson) return json(a)
      out('已保存执法主体信息 (agency saved)')
    })

  const officers = program.command('officers').description('certified officers (执法人员)')
  officers
    .command('list')
    .option('--all', 'include deactivated officers')
    .option('--as-of <date>', 'compute certificate states on this date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action((o: { all?: boolean; asOf?: string; json?: boolean }) => {
      const list = run<Officer[]>('officers.list', { includeInactive: !!o.all, ...(o.asOf ? { asOf: o.asOf } : {}) })
      if (o.json) return json(list)
      if (list.length === 0) return out('（无执法人员）')
      for (const x of list) {
        const state = x.active ? EXPIRY_LABELS[x.expiry.state] : '已停用'
        const days = x.expiry.state === 'expiring' ? `，剩余${x.expiry.daysLeft}天` : ''
        out(
          `${String(x.id).padStart(4)}  ${x.name.padEnd(6, '　')} ${x.certNo.padEnd(14)} 有效期至 ${x.validUntil}  [${state}${days}]${x.legalReviewer ? '  法制审核' : ''}`
        )
      }
    })
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
  const officerInput = (o: OfficerOpts) =>
    Object.fromEntries(
      Object.entries({
        name: o.name,
        certNo: o.cert,
        validUntil: o.validUntil,
        post: o.post,
        unit: o.unit,
        certType: o.certType,
        certArea: o.certArea,
        legalReviewer: o.legalReviewer
      }).filter(([, v]) => v !== undefined)
    )
  officerFields(officers.command('add').description('register an officer'))
    .option('--legal-reviewer', 'qualified legal reviewer (法制审核人员)')
    .action((o: OfficerOpts) => {
      const x = run<Officer>('officers.add', officerInput(o))
      if (o.json) return json(x)
      out(`已新增执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officerFields(officers.command('edit').argument('<id>').description('change an officer'))
    .option('--legal-reviewer', 'grant legal-review qualification')
    .option('--no-legal-reviewer', 'withdraw legal-review qualification')
    .action((id: string, o: OfficerOpts) => {
      const x = run<Officer>('officers.edit', { id, patch: officerInput(o) })
      if (o.json) return json(x)
      out(`已修改执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officers
    .command('deactivate')
    .argument('<id>')
    .option('--reason <s>', '停用原因', '')
    .option('--json', 'print JSON')
    .action((id: string, o: { reason: string; json?: boolean }) => {
      const x = run<Officer>('officers.deactivate', { id, reason: o.reason })
      if (o.json) return json(x)
      out(`已停用执法人员 ${x.name}（编号 ${x.id}）`)
    })
  officers
    .command('reactivate')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) => {
      const x = run<Officer>('officers.reactivate', { id })
      if (o.json) return json(x)
      out(`已恢复执法人员 ${x.name}（编号 ${x.id}）`)
    })

  program
    .command('lists')
    .description('publicity lists (事前公示清单)')
    .command('export')
    .requiredOption('--out <dir>', 'output folder')
    .option('--json', 'print JSON')
    .action((o: { out: string; json?: boolean }) => {
      const r = run<{ files: string[] }>('lists.export', { outDir: resolve(o.out) })
      if (o.json) return json(r)
      for (const f of r.files) out(f)
    })

  const audit = program.command('audit').description('activity record (全过程记录)')
  audit
    .command('verify')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const r = run<{ ok: boolean; entries: number; headHash: string; firstBad: { seq: number; reason: string } | null }>(
        'audit.verify',
        {}
      )
      if (o.json) json(r)
      else if (r.ok) out(`activity record intact: ${r.entries} entries, head ${r.headHash}`)
      if (!r.ok) throw new CliFailure(`AUDIT_CHAIN_BROKEN: entry ${r.firstBad!.seq}: ${r.firstBad!.reason}`, 3)
    })
  audit
    .command('log')
    .option('--limit <n>', 'entries', '50')
    .option('--json', 'print JSON')
    .action((o: { limit: string; json?: boolean }) => {
      const list = run<Activity[]>('audit.list', { limit: Number(o.limit) })
      if (o.json) return json(list)
      for (const e of list) out(`${String(e.seq).padStart(5)}  ${e.at}  ${e.actor}  ${ACTION_LABELS[e.action] ?? e.action}  ${e.summary}`)
    })

  program
    .command('demo')
    .description('load the demo agency and officers into an empty home')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const r = run<{ officers: number }>('demo.load', {})
      if (o.json) return json(r)
      out(`已载入演示数据：执法人员 ${r.officers} 名`)
    })

  program
    .command('channels')
    .description('list the contract channels (for scripting)')
    .action(async () => {
      const { CHANNELS } = await import('../contract')
      for (const c of CHANNELS) out(c)
    })
  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
    return 0
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are "errors" with exit code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2
    }
    if (err instanceof CliFailure) {
      process.stderr.write(`casebinder: ${err.message}\n`)
      return err.exitCode
    }
    process.stderr.write(`casebinder: ${(err as Error).message}\n`)
    return 1
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$|cli\.(js|mjs)$/.test(process.argv[1])
if (isEntry) {
  main(process.argv).then((code) => {
    process.exitCode = code
  })
}
