#!/usr/bin/env node
/**
 * `casebinder` command line. A thin door: parses argv, calls services through `invoke`,
 * prints results (a table, or JSON with --json) and exits non-zero with a one-line message on failure.
 */
import { Command, CommanderError, Option } from 'commander'
import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { EXPIRY_LABELS, type Officer } from '../core/officer'
import { AppErrorException, type AppError } from '../core/errors'
import { ACTION_LABELS, type Activity } from '../core/activity'
import type { Channel } from '../contract'
import { invoke } from '../services'
import { createContext } from '../services'
import { defaultHome, openHome } from '../services'
import { APP_VERSION } from '../version'
import { readFileSync } from 'node:fs'
import { writeFileAtomic } from '../services'
import { CASE_SOURCES, CASE_STATUS_LABELS, CASE_STATUSES, PROCEDURE_LABELS } from '../core/case'
import type { CaseDetail, CaseSummary } from '../core/case-views'
import { ALERT_LABELS } from '../core/deadlines'
import { registerReviewCommands } from './review-commands'

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
    .description('load the demo agency, officers, parties and cases into an empty home')
    .option('--cases <n>', 'number of demo cases', '220')
    .option('--json', 'print JSON')
    .action((o: { cases: string; json?: boolean }) => {
      const r = run<{ officers: number; parties: number; cases: number }>('demo.load', { cases: Number(o.cases) })
      if (o.json) return json(r)
      out(`已载入演示数据：执法人员 ${r.officers} 名，当事人 ${r.parties} 个，案件 ${r.cases} 件`)
    })

  const collect = (v: string, prev: string[] = []) => [...prev, v]
  const ids = (list: string[] | undefined) => (list ?? []).map((v) => Number(v))
  const caseLine = (c: CaseSummary) => {
    const d = c.nextDeadline
    const due = d ? `  ${d.label} ${d.due}${d.alert !== 'ok' ? `【${ALERT_LABELS[d.alert]}】` : ''}` : ''
    return `${String(c.id).padStart(5)}  ${CASE_STATUS_LABELS[c.status].padEnd(6, '　')} ${PROCEDURE_LABELS[c.procedure]}  ${c.number ?? '（未立案）'}  ${c.name}${due}`
  }
  const showCase = (c: CaseDetail) => {
    out(`${c.name}`)
    out(
      `  编号 ${c.id}   立案号 ${c.number ?? '（未立案）'}   状态 ${CASE_STATUS_LABELS[c.status]}${c.extended ? ' [延期]' : ''}${c.suspended ? ' [中止]' : ''}`
    )
    out(`  ${PROCEDURE_LABELS[c.procedure]}   案源 ${c.sourceDate}   立案 ${c.filedOn ?? '—'}   案由 ${c.cause || '—'}`)
    out(`  当事人 ${c.parties.map((p) => p.name).join('、')}`)
    out(`  执法人员 ${c.officers.map((o) => `${o.name}（${o.certNo}）`).join('、') || '—'}`)
    if (c.facts) out(`  案情 ${c.facts}`)
    if (c.deadlines.length) {
      out('  期限:')
      for (const d of c.deadlines) {
        out(
          `    ${d.label.padEnd(10, '　')} ${d.start} 起 ${d.length}${d.unit === 'WD' ? '个工作日' : d.unit === 'CD' ? '日' : d.unit}${d.extension ? ` +延长${d.extension}` : ''} → ${d.due} ${ALERT_LABELS[d.alert]}${d.verified ? '' : '（日历未核实）'}`
        )
      }
    }
    out(`  可转入 ${c.allowedTransitions.map((s) => `${s}（${CASE_STATUS_LABELS[s]}）`).join('、') || '—'}`)
  }

  const parties = program.command('parties').description('parties (当事人)')
  parties
    .command('list')
    .option('--q <text>', 'name or code contains')
    .option('--kind <kind>', 'org | sole | person')
    .option('--json', 'print JSON')
    .action((o: { q?: string; kind?: string; json?: boolean }) => {
      const list = run<{ id: number; kind: string; name: string; identityKey: string }[]>('parties.list', {
        q: o.q,
        kind: o.kind,
        limit: 500
      })
      if (o.json) return json(list)
      for (const p of list) out(`${String(p.id).padStart(5)}  ${p.name}  ${p.identityKey.replace(/^id:(\d{6})\d{8}/, 'id:$1********')}`)
    })
  parties
    .command('add')
    .description('register a party from JSON (fields of core/party.ts), e.g. --data \'{"kind":"org","name":"…","creditCode":"…",…}\'')
    .requiredOption('--data <json>', 'party as JSON, or @file.json')
    .option('--json', 'print JSON')
    .action((o: { data: string; json?: boolean }) => {
      let data: unknown
      try {
        data = JSON.parse(o.data.startsWith('@') ? readFileSync(o.data.slice(1), 'utf8') : o.data)
      } catch (err) {
        throw new CliFailure(`VALIDATION_FAILED: --data is not valid JSON (${(err as Error).message})`, 1)
      }
      const p = run<{ id: number; name: string }>('parties.add', data)
      if (o.json) return json(p)
      out(`已登记当事人 ${p.name}（编号 ${p.id}）`)
    })

  const cases = program.command('cases').description('cases (案件)')
  cases
    .command('list')
    .option('--status <status>', `one of: ${CASE_STATUSES.join(', ')} (repeatable)`, collect)
    .option('--procedure <p>', 'summary | general')
    .option('--officer <id>', 'handled by this officer')
    .option('--from <date>', 'source date from')
    .option('--to <date>', 'source date to')
    .option('--q <text>', 'full-text search')
    .option('--limit <n>', 'page size', '50')
    .option('--offset <n>', 'skip', '0')
    .option('--json', 'print JSON')
    .action(
      (o: {
        status?: string[]
        procedure?: string
        officer?: string
        from?: string
        to?: string
        q?: string
        limit: string
        offset: string
        json?: boolean
      }) => {
        const r = run<{ total: number; items: CaseSummary[] }>('cases.list', {
          status: o.status,
          procedure: o.procedure,
          officerId: o.officer ? Number(o.officer) : undefined,
          from: o.from,
          to: o.to,
          q: o.q,
          limit: Number(o.limit),
          offset: Number(o.offset)
        })
        if (o.json) return json(r.items)
        for (const c of r.items) out(caseLine(c))
        out(`（共 ${r.total} 件，显示 ${r.items.length} 件）`)
      }
    )
  cases
    .command('show')
    .argument('<ref>', 'case id or case number (立案号)')
    .option('--json', 'print JSON')
    .action((ref: string, o: { json?: boolean }) => {
      const c = run<CaseDetail>('cases.get', { ref })
      if (o.json) return json(c)
      showCase(c)
    })
  cases
    .command('register')
    .description('register a case source (案源登记)')
    .requiredOption('--party <id>', 'party id (repeatable)', collect)
    .option('--responsible <id>', 'responsible person penalised too (处罚到人), party id (repeatable)', collect)
    .option('--officer <id>', 'handling officer id (repeatable; two needed to file)', collect)
    .option('--source <s>', CASE_SOURCES.join(' | '), 'inspection')
    .requiredOption('--source-date <date>', 'date the case source arose')
    .option('--procedure <p>', 'summary | general', 'general')
    .option('--cause <text>', '案由')
    .option('--facts <text>', '案情')
    .option('--name <text>', 'case name (default: <party><cause>案)')
    .option('--fine <yuan>', 'intended fine (summary procedure)')
    .option('--warning', 'intended warning (summary procedure)')
    .option('--json', 'print JSON')
    .action((o: Record<string, string | string[] | boolean | undefined>) => {
      const c = run<CaseDetail>('cases.register', registerInput(o))
      if (o.json) return json(c)
      out(`已登记案源：${c.name}（编号 ${c.id}）`)
    })
  cases
    .command('file')
    .description('file a case (立案): an existing registered case (<id>), or register and file in one step')
    .argument('[id]', 'registered case id')
    .option('--filed-on <date>', '立案日期 (default: today)')
    .option('--party <id>', 'party id (repeatable)', collect)
    .option('--responsible <id>', 'responsible person party id (repeatable)', collect)
    .option('--officer <id>', 'handling officer id (repeatable, at least two)', collect)
    .option('--source <s>', CASE_SOURCES.join(' | '), 'inspection')
    .option('--source-date <date>', 'date the case source arose (default: filing date)')
    .option('--cause <text>', '案由')
    .option('--facts <text>', '案情')
    .option('--name <text>', 'case name')
    .option('--json', 'print JSON')
    .action((id: string | undefined, o: Record<string, string | string[] | boolean | undefined>) => {
      const filedOn = (o.filedOn as string | undefined) ?? run<{ today: string }>('app.info', {}).today
      let c: CaseDetail
      if (id) {
        c = run<CaseDetail>('cases.file', {
          id,
          filedOn,
          ...(o.cause ? { cause: o.cause } : {}),
          ...(o.facts ? { facts: o.facts } : {}),
          ...(o.name ? { name: o.name } : {}),
          ...(o.officer ? { officerIds: ids(o.officer as string[]) } : {})
        })
      } else {
        if (!o.party) throw new CliFailure('VALIDATION_FAILED: give a registered case id, or --party to register and file in one step', 1)
        c = run<CaseDetail>('cases.registerAndFile', {
          register: registerInput({ ...o, procedure: 'general', sourceDate: o.sourceDate ?? filedOn }),
          filedOn
        })
      }
      if (o.json) return json(c)
      out(`已立案：${c.name}（${c.number}，编号 ${c.id}）`)
    })
  cases
    .command('move')
    .description('move a case to its next status (see `cases show` for the allowed ones)')
    .argument('<id>')
    .argument('<status>')
    .option('--date <date>', 'date of the step (default: today)')
    .option('--note <text>', 'note', '')
    .option('--fine <yuan>', 'penalty for a summary-procedure decision')
    .option('--warning', 'warning for a summary-procedure decision')
    .option('--json', 'print JSON')
    .action((id: string, status: string, o: { date?: string; note: string; fine?: string; warning?: boolean; json?: boolean }) => {
      const date = o.date ?? run<{ today: string }>('app.info', {}).today
      const penalty = o.fine !== undefined || o.warning ? { fine: Number(o.fine ?? 0), warning: !!o.warning } : undefined
      const c = run<CaseDetail>('cases.transition', { id, to: status, date, note: o.note, ...(penalty ? { penalty } : {}) })
      if (o.json) return json(c)
      out(`${c.name}：${CASE_STATUS_LABELS[c.status]}${c.number ? `（${c.number}）` : ''}`)
    })

  program
    .command('deadlines')
    .description('open deadlines across cases (期限)')
    .option('--due-within <days>', 'due within N calendar days (overdue included)')
    .option('--officer <id>', "only this officer's cases")
    .option('--json', 'print JSON')
    .action((o: { dueWithin?: string; officer?: string; json?: boolean }) => {
      const list = run<
        { caseId: number; caseName: string; label: string; due: string; alert: keyof typeof ALERT_LABELS; verified: boolean }[]
      >('deadlines.list', {
        ...(o.dueWithin !== undefined ? { dueWithinDays: Number(o.dueWithin) } : {}),
        ...(o.officer ? { officerId: Number(o.officer) } : {}),
        limit: 2000
      })
      if (o.json) return json(list.map((d) => ({ id: `${d.caseId}:${(d as unknown as { code: string }).code}`, ...d })))
      for (const d of list)
        out(
          `${d.due}  ${ALERT_LABELS[d.alert].padEnd(5, '　')} ${d.label.padEnd(10, '　')} [${d.caseId}] ${d.caseName}${d.verified ? '' : '（日历未核实）'}`
        )
      out(`（共 ${list.length} 项）`)
    })

  const calendar = program.command('calendar').description('working-day calendar (工作日历)')
  calendar
    .command('import')
    .argument('<file>', 'JSON {year, restDays, makeupWorkdays, source} or lines "2027-01-01,休,元旦" / "2027-02-07,班,春节"')
    .option('--replace', 'replace a year that already has data')
    .option('--json', 'print JSON')
    .action((file: string, o: { replace?: boolean; json?: boolean }) => {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (err) {
        throw new CliFailure(`CALENDAR_IMPORT_INVALID: cannot read ${file}: ${(err as Error).message}`, 1)
      }
      const r = run<{ year: number; version: string; restDays: number; makeupWorkdays: number }>('calendar.import', {
        text,
        replace: !!o.replace
      })
      if (o.json) return json(r)
      out(`已导入${r.year}年工作日历：放假${r.restDays}天，调休上班${r.makeupWorkdays}天（${r.version}）`)
    })
  calendar
    .command('list')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const r = run<{ version: string; years: { year: number; restDays: number; makeupWorkdays: number; source: string }[] }>(
        'calendar.years',
        {}
      )
      if (o.json) return json(r.years.map((y) => ({ id: y.year, ...y })))
      out(`calendar version ${r.version}`)
      for (const y of r.years) out(`  ${y.year}  放假${y.restDays}天  调休上班${y.makeupWorkdays}天  ${y.source}`)
    })

  program
    .command('search')
    .argument('<text>', 'Chinese substring of case names, parties, causes or facts')
    .option('--limit <n>', 'results', '50')
    .option('--json', 'print JSON')
    .action((text: string, o: { limit: string; json?: boolean }) => {
      const list = run<(CaseSummary & { snippet?: string })[]>('cases.search', { q: text, limit: Number(o.limit) })
      if (o.json) return json(list)
      for (const c of list) out(`${caseLine(c)}\n         ${c.snippet ?? ''}`)
      out(`（${list.length} 件）`)
    })

  program
    .command('templates')
    .description('document templates (文书模板)')
    .command('list')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => {
      const list = run<{ id: string; title: string; prefix: string | null; custom: boolean; fields: unknown[] }[]>('templates.list', {})
      if (o.json) return json(list)
      for (const t of list)
        out(
          `${t.id.padEnd(30)} ${t.title}${t.prefix ? `  代字：${t.prefix}` : ''}${t.custom ? '  [本机关模板]' : ''}  字段 ${t.fields.length}`
        )
    })

  const parseSet = (pairs: string[] | undefined): Record<string, unknown> => {
    const fields: Record<string, unknown> = {}
    for (const p of pairs ?? []) {
      const at = p.indexOf('=')
      if (at < 1) throw new CliFailure(`VALIDATION_FAILED: --set expects field=value, got "${p}"`, 1)
      const key = p.slice(0, at)
      const raw = p.slice(at + 1)
      // JSON for lists, numbers and booleans (e.g. problems='[{"text":"…"}]', fine=20000); text otherwise
      let value: unknown = raw
      if (/^[[{]|^-?\d+(\.\d+)?$|^(true|false)$/.test(raw)) {
        try {
          value = JSON.parse(raw)
        } catch {
          throw new CliFailure(`VALIDATION_FAILED: --set ${key}: not valid JSON`, 1)
        }
      }
      fields[key] = value
    }
    return fields
  }
  type DocView = {
    id: number
    title: string
    status: string
    number: string | null
    revision: number
    findings: { severity: string; field: string | null; message: string; fix?: string }[]
  }
  const writeDocx = (id: number, outFile: string) => {
    const f = run<{ fileName: string; base64: string }>('documents.file', { id })
    writeFileAtomic(resolve(outFile), Buffer.from(f.base64, 'base64'))
    return resolve(outFile)
  }
  program
    .command('draft')
    .description('draft a document for a case from its template (autofilled), optionally setting fields')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--type <type>', 'template id (see `templates list`)')
    .option('--set <field=value>', 'field value (repeatable; JSON for lists, numbers, booleans)', collect)
    .option('--out <file.docx>', 'also write the rendered draft')
    .option('--json', 'print JSON')
    .action((o: { case: string; type: string; set?: string[]; out?: string; json?: boolean }) => {
      const d = run<DocView>('documents.create', { caseId: Number(o.case), type: o.type, fields: parseSet(o.set) })
      const written = o.out ? writeDocx(d.id, o.out) : null
      if (o.json) return json({ ...d, file: written })
      out(`已起草${d.title}（文书编号 ${d.id}）${written ? `：${written}` : ''}`)
      for (const f of d.findings)
        out(`  ${f.severity === 'error' ? '错误' : '提示'} ${f.field ?? ''} ${f.message}${f.fix ? ` → ${f.fix}` : ''}`)
    })
  const documents = program.command('documents').description('enforcement documents (执法文书)')
  documents
    .command('list')
    .requiredOption('--case <id>', 'case id')
    .option('--json', 'print JSON')
    .action((o: { case: string; json?: boolean }) => {
      const list = run<{ id: number; title: string; status: string; number: string | null; version: number }[]>('documents.list', {
        caseId: o.case
      })
      if (o.json) return json(list)
      const label: Record<string, string> = { draft: '草稿', issued: '已签发', voided: '已作废' }
      for (const d of list)
        out(`${String(d.id).padStart(5)}  ${label[d.status]}  ${d.title}${d.version > 1 ? `（第${d.version}版）` : ''}  ${d.number ?? ''}`)
    })
  documents
    .command('set')
    .argument('<docId>')
    .description('change fields of a draft')
    .requiredOption('--set <field=value>', 'field value (repeatable)', collect)
    .option('--json', 'print JSON')
    .action((id: string, o: { set: string[]; json?: boolean }) => {
      const current = run<DocView>('documents.get', { id })
      const d = run<DocView>('documents.save', { id, revision: current.revision, fields: parseSet(o.set) })
      if (o.json) return json(d)
      out(`已保存第${d.revision}稿`)
      for (const f of d.findings)
        out(`  ${f.severity === 'error' ? '错误' : '提示'} ${f.field ?? ''} ${f.message}${f.fix ? ` → ${f.fix}` : ''}`)
    })
  documents
    .command('check')
    .argument('<docId>')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) => {
      const findings = run<DocView['findings']>('documents.check', { id })
      if (o.json) json(findings)
      else if (findings.length === 0) out('检查通过')
      else
        for (const f of findings)
          out(`${f.severity === 'error' ? '错误' : '提示'} ${f.field ?? ''} ${f.message}${f.fix ? ` → ${f.fix}` : ''}`)
      if (findings.some((f) => f.severity === 'error'))
        throw new CliFailure(`DOCUMENT_CHECK_FAILED: ${findings.filter((f) => f.severity === 'error').length} error(s)`, 1)
    })
  documents
    .command('issue')
    .argument('<docId>')
    .option('--date <date>', 'issue date (default today)')
    .option('--json', 'print JSON')
    .action((id: string, o: { date?: string; json?: boolean }) => {
      const d = run<DocView>('documents.issue', { id, ...(o.date ? { issuedOn: o.date } : {}) })
      if (o.json) return json(d)
      out(`已签发${d.title}${d.number ? `：${d.number}` : ''}`)
    })
  documents
    .command('void')
    .argument('<docId>')
    .requiredOption('--reason <text>', 'why')
    .action((id: string, o: { reason: string }) => {
      const d = run<DocView>('documents.void', { id, reason: o.reason })
      out(`已作废${d.title}（${d.number ?? '无文号'}）`)
    })
  documents
    .command('correct')
    .argument('<docId>')
    .description('start a corrected new version of an issued document')
    .action((id: string) => {
      const d = run<DocView>('documents.correct', { id })
      out(`已新建更正版本（文书编号 ${d.id}）`)
    })
  documents
    .command('export')
    .argument('<docId>')
    .requiredOption('--out <file.docx>', 'destination')
    .action((id: string, o: { out: string }) => {
      out(writeDocx(Number(id), o.out))
    })

  program
    .command('evidence')
    .description('evidence, signed scans and A/V records (证据与音像)')
    .command('add')
    .requiredOption('--case <id>', 'case id')
    .requiredOption('--file <path>', 'the file (JPEG, PNG, PDF, MP4, MOV, MP3, WAV, AVI)')
    .option('--kind <kind>', 'evidence | scan | av', 'evidence')
    .option('--type <type>', '证据种类 (书证, 物证, 视听资料, 电子数据, 证人证言, 当事人的陈述, 鉴定意见, 勘验笔录、现场笔录)')
    .option('--description <text>', 'what it is')
    .option('--document <id>', 'for a scan: the issued document it is the signed original of')
    .option('--collected-at <time>', 'when it was collected')
    .option('--collector <name>')
    .option('--place <text>')
    .option('--json', 'print JSON')
    .action(
      (o: {
        case: string
        file: string
        kind: string
        type?: string
        description?: string
        document?: string
        collectedAt?: string
        collector?: string
        place?: string
        json?: boolean
      }) => {
        let bytes: Buffer
        try {
          bytes = readFileSync(o.file)
        } catch (err) {
          throw new CliFailure(`EVIDENCE_INVALID: cannot read ${o.file}: ${(err as Error).message}`, 1)
        }
        const e = run<{ id: number; fileName: string; sha256: string }>('evidence.add', {
          caseId: Number(o.case),
          kind: o.kind,
          ...(o.type ? { evidenceType: o.type } : {}),
          description: o.description ?? o.file.split(/[\\/]/).pop(),
          ...(o.document ? { documentId: Number(o.document) } : {}),
          ...(o.collectedAt ? { collectedAt: o.collectedAt } : {}),
          collector: o.collector ?? '',
          place: o.place ?? '',
          fileName: o.file.split(/[\\/]/).pop(),
          base64: bytes.toString('base64')
        })
        if (o.json) return json(e)
        out(`已登记（编号 ${e.id}）：${e.fileName}  sha256 ${e.sha256.slice(0, 16)}…`)
      }
    )

  type DossierView = {
    caseName: string
    items: { key: string; title: string; number: string; date: string; remarks: string }[]
    completeness: { complete: boolean; missing: { message: string }[]; warnings: string[] }
    review: { veto: string[]; items: { criterion: string; max: number; score: number; note: string }[]; score: number; grade: string }
    record: { archiveNumber: string | null; locked: boolean } | null
  }
  const dossier = program.command('dossier').description('the case dossier (案卷)')
  dossier
    .command('show')
    .argument('<case>', 'case id')
    .option('--json', 'print JSON')
    .action((caseId: string, o: { json?: boolean }) => {
      const v = run<DossierView>('dossier.show', { caseId })
      if (o.json) return json(v)
      out(`${v.caseName}${v.record?.locked ? `（已归档，归档号 ${v.record.archiveNumber}）` : ''}`)
      v.items.forEach((i, n) =>
        out(`${String(n + 1).padStart(3)}. ${i.title}  ${i.number}  ${i.date}${i.remarks ? `  [${i.remarks}]` : ''}`)
      )
    })
  dossier
    .command('check')
    .argument('<case>', 'case id')
    .option('--json', 'print JSON')
    .action((caseId: string, o: { json?: boolean }) => {
      const v = run<DossierView>('dossier.show', { caseId })
      if (o.json) json({ completeness: v.completeness, review: v.review })
      else {
        out(v.completeness.complete ? '案卷完整' : `案卷不完整：\n  ${v.completeness.missing.map((m) => m.message).join('\n  ')}`)
        for (const w of v.completeness.warnings) out(`  提示：${w}`)
        if (v.review.veto.length) out(`否决项：\n  ${v.review.veto.join('\n  ')}`)
        for (const i of v.review.items) out(`  ${i.criterion.padEnd(16, '　')} ${i.score}/${i.max}  ${i.note}`)
        out(`自查得分 ${v.review.score}，${v.review.grade}`)
      }
      if (!v.completeness.complete || v.review.veto.length)
        throw new CliFailure('DOSSIER_INCOMPLETE: the dossier cannot be archived yet', 1)
    })

  const signerOptions = (c: Command) =>
    c
      .option('--cert <file.p12>', "PKCS#12 signing certificate (default: the agency's configured one)")
      .option('--password-env <VAR>', 'environment variable holding the certificate password')
  const cliSigner = async (ctxOpts: { cert?: string; passwordEnv?: string }) => {
    const { signerFor } = await import('../services/pdf-tools')
    return (ctx: Parameters<typeof signerFor>[0]) => {
      const password = ctxOpts.passwordEnv ? process.env[ctxOpts.passwordEnv] : undefined
      if (ctxOpts.passwordEnv && password === undefined)
        throw new CliFailure(`SIGNING_FAILED: environment variable ${ctxOpts.passwordEnv} is not set`, 1)
      let p12: Buffer | undefined
      if (ctxOpts.cert) {
        try {
          p12 = readFileSync(ctxOpts.cert)
        } catch (err) {
          throw new CliFailure(`SIGNING_FAILED: cannot read ${ctxOpts.cert}: ${(err as Error).message}`, 1)
        }
      }
      return signerFor(ctx, { p12, password })
    }
  }
  /** Long jobs run in-process here, with progress on stderr. */
  async function runJob<T>(body: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
    const g = program.opts<Globals>()
    const home = openHome(g.home ? resolve(g.home) : defaultHome(), { actor: g.actor ?? 'cli' })
    const ctx = createContext(home, { actor: g.actor ?? 'cli', version: APP_VERSION })
    try {
      return await body(ctx)
    } catch (err) {
      if (err instanceof AppErrorException) throw new CliFailure(describe(err.appError), 1)
      throw err
    } finally {
      home.close()
    }
  }
  const progressLine = (stage: string, done: number, total: number, item?: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${stage} ${done}/${total} ${item ?? ''}`.padEnd(70).slice(0, 100))
  }
  signerOptions(
    program
      .command('export')
      .description('export the dossier as one PDF bundle (signed unless --no-sign)')
      .requiredOption('--case <id>', 'case id')
      .requiredOption('--out <bundle.pdf>', 'destination')
      .option('--no-sign', 'do not sign')
      .option('--json', 'print JSON')
  ).action(async (o: { case: string; out: string; sign: boolean; cert?: string; passwordEnv?: string; json?: boolean }) => {
    const makeSigner = o.sign ? await cliSigner(o) : null
    const { exportBundle } = await import('../services/dossier')
    const { withPdfTools } = await import('../services/pdf-tools')
    const r = await runJob((ctx) => {
      const signer = makeSigner ? makeSigner(ctx) : null
      return withPdfTools(ctx, (tools) =>
        exportBundle(ctx, { caseId: Number(o.case), outPath: resolve(o.out), ...tools, sign: signer?.sign, onProgress: progressLine })
      )
    })
    if (process.stderr.isTTY) process.stderr.write('\n')
    if (o.json) return json(r)
    out(`${r.path}：${r.items} 件，内容 ${r.contentPages} 页，共 ${r.totalPages} 页${o.sign ? '，已签名' : ''}`)
  })
  signerOptions(
    program
      .command('archive')
      .description('archive the dossier: a BagIt package with the signed bundle, originals and the activity record; locks the dossier')
      .requiredOption('--case <id>', 'case id')
      .requiredOption('--out <dir>', 'destination folder (must be new or empty)')
      .option('--json', 'print JSON')
  ).action(async (o: { case: string; out: string; cert?: string; passwordEnv?: string; json?: boolean }) => {
    const makeSigner = await cliSigner(o)
    const { dossierArchive } = await import('../services/archive')
    const { withPdfTools } = await import('../services/pdf-tools')
    const r = await runJob((ctx) => {
      const signer = makeSigner(ctx)
      return withPdfTools(ctx, (tools) =>
        dossierArchive(ctx, {
          caseId: Number(o.case),
          outDir: o.out,
          ...tools,
          sign: signer.sign,
          fingerprint: signer.fingerprint,
          onProgress: progressLine
        })
      )
    })
    if (process.stderr.isTTY) process.stderr.write('\n')
    if (o.json) return json(r)
    out(`已归档：${r.outDir}（归档号 ${r.archiveNumber}，保存期限${r.retention}，${r.pages} 页，${r.files} 个文件）`)
  })
  program
    .command('verify')
    .argument('<path>', 'a signed bundle (.pdf) or an archive package folder')
    .option('--fingerprint <sha256>', 'the expected signing certificate (SHA-256 fingerprint)')
    .option('--json', 'print JSON')
    .action(async (path: string, o: { fingerprint?: string; json?: boolean }) => {
      const { verifyPath } = await import('../services/archive')
      const r = verifyPath(path, { expectedFingerprintSha256: o.fingerprint })
      if (o.json) json(r)
      else if (r.ok) out(`验证通过：${r.kind === 'package' ? `归档包 ${r.checked} 个文件与清单一致，` : ''}签名有效且覆盖整个文件`)
      else for (const p of r.problems) out(`✗ ${p}`)
      if (!r.ok) throw new CliFailure(`VERIFY_FAILED: ${r.problems.length} problem(s)`, 4)
    })

  registerReviewCommands(program, run, out)

  program
    .command('channels')
    .description('list the contract channels (for scripting)')
    .action(async () => {
      const { CHANNELS } = await import('../contract')
      for (const c of CHANNELS) out(c)
    })
  return program
}

function registerInput(o: Record<string, string | string[] | boolean | undefined>) {
  const list = (v: unknown) => ((v as string[] | undefined) ?? []).map(Number)
  const penalty = o.fine !== undefined || o.warning ? { fine: Number(o.fine ?? 0), warning: !!o.warning } : undefined
  return {
    source: o.source,
    sourceDate: o.sourceDate,
    procedure: o.procedure,
    cause: o.cause ?? '',
    facts: o.facts ?? '',
    ...(o.name ? { name: o.name } : {}),
    parties: [
      ...list(o.party).map((partyId) => ({ partyId, role: 'party' })),
      ...list(o.responsible).map((partyId) => ({ partyId, role: 'responsible_person' }))
    ],
    officerIds: list(o.officer),
    ...(penalty ? { intendedPenalty: penalty } : {})
  }
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
  // `casebinder cases list | head`: a closed pipe ends the output, not the program with a stack trace
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
  main(process.argv).then((code) => {
    process.exitCode = code
  })
}
