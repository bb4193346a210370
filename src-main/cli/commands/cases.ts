/** `casebinder cases` and `casebinder search`: registering, filing, moving and finding cases (案件). */
import type { Command } from 'commander'
import { z } from 'zod'
import { CASE_SOURCES, CASE_STATUS_LABELS, CASE_STATUSES, PROCEDURE_LABELS } from '../../core/case'
import { CaseListSchema, CaseRegisterSchema, CaseTransitionSchema, type CaseDetail, type CaseSummary } from '../../core/case-views'
import { ALERT_LABELS } from '../../core/deadlines'
import type { Door } from '../run'
import { fail, type Printer } from '../output'
import { collect, numbers, pick, pickAll } from '../args'

type RegisterOpts = {
  party?: string[]
  responsible?: string[]
  officer?: string[]
  source: string
  sourceDate?: string
  procedure: string
  cause?: string
  facts?: string
  name?: string
  fine?: string
  warning?: boolean
  json?: boolean
}

const penaltyOf = (o: { fine?: string | undefined; warning?: boolean | undefined }) =>
  o.fine !== undefined || o.warning ? { fine: Number(o.fine ?? 0), warning: !!o.warning } : undefined

function registerInput(o: RegisterOpts, sourceDate: string) {
  const penalty = penaltyOf(o)
  return {
    source: pick(CaseRegisterSchema.shape.source, o.source, '--source'),
    sourceDate,
    procedure: pick(CaseRegisterSchema.shape.procedure, o.procedure, '--procedure'),
    cause: o.cause ?? '',
    facts: o.facts ?? '',
    ...(o.name ? { name: o.name } : {}),
    parties: [
      ...numbers(o.party).map((partyId) => ({ partyId, role: 'party' as const })),
      ...numbers(o.responsible).map((partyId) => ({ partyId, role: 'responsible_person' as const }))
    ],
    officerIds: numbers(o.officer),
    ...(penalty ? { intendedPenalty: penalty } : {})
  }
}

export const caseLine = (c: CaseSummary): string => {
  const d = c.nextDeadline
  const due = d ? `  ${d.label} ${d.due}${d.alert !== 'ok' ? `【${ALERT_LABELS[d.alert]}】` : ''}` : ''
  return `${String(c.id).padStart(5)}  ${CASE_STATUS_LABELS[c.status].padEnd(6, '　')} ${PROCEDURE_LABELS[c.procedure]}  ${c.number ?? '（未立案）'}  ${c.name}${due}`
}

const UNIT_WORDS: Record<string, string> = { WD: '个工作日', CD: '日' }

function showCase(out: Printer, c: CaseDetail): void {
  out.line(`${c.name}`)
  out.line(
    `  编号 ${c.id}   立案号 ${c.number ?? '（未立案）'}   状态 ${CASE_STATUS_LABELS[c.status]}${c.extended ? ' [延期]' : ''}${c.suspended ? ' [中止]' : ''}`
  )
  out.line(`  ${PROCEDURE_LABELS[c.procedure]}   案源 ${c.sourceDate}   立案 ${c.filedOn ?? '—'}   案由 ${c.cause || '—'}`)
  out.line(`  当事人 ${c.parties.map((p) => p.name).join('、')}`)
  out.line(`  执法人员 ${c.officers.map((o) => `${o.name}（${o.certNo}）`).join('、') || '—'}`)
  if (c.facts) out.line(`  案情 ${c.facts}`)
  if (c.deadlines.length) {
    out.line('  期限:')
    for (const d of c.deadlines) {
      out.line(
        `    ${d.label.padEnd(10, '　')} ${d.start} 起 ${d.length}${UNIT_WORDS[d.unit] ?? d.unit}${d.extension ? ` +延长${d.extension}` : ''} → ${d.due} ${ALERT_LABELS[d.alert]}${d.verified ? '' : '（日历未核实）'}`
      )
    }
  }
  out.line(`  可转入 ${c.allowedTransitions.map((s) => `${s}（${CASE_STATUS_LABELS[s]}）`).join('、') || '—'}`)
}

export function registerCases(program: Command, { run }: Door, out: Printer): void {
  const today = async () => (await run('app.info', {})).today
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
      async (o: {
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
        const r = await run('cases.list', {
          status: o.status ? pickAll(z.enum(CASE_STATUSES), o.status, '--status') : undefined,
          procedure: pick(CaseListSchema.shape.procedure, o.procedure, '--procedure'),
          officerId: o.officer ? Number(o.officer) : undefined,
          from: o.from,
          to: o.to,
          q: o.q,
          limit: Number(o.limit),
          offset: Number(o.offset)
        })
        if (o.json) return out.json(r.items)
        for (const c of r.items) out.line(caseLine(c))
        out.line(`（共 ${r.total} 件，显示 ${r.items.length} 件）`)
      }
    )
  cases
    .command('show')
    .argument('<ref>', 'case id or case number (立案号)')
    .option('--json', 'print JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const c = await run('cases.get', { ref })
      if (o.json) return out.json(c)
      showCase(out, c)
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
    .action(async (o: RegisterOpts & { sourceDate: string }) => {
      const c = await run('cases.register', registerInput(o, o.sourceDate))
      if (o.json) return out.json(c)
      out.line(`已登记案源：${c.name}（编号 ${c.id}）`)
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
    .action(async (id: string | undefined, o: Omit<RegisterOpts, 'procedure'> & { filedOn?: string }) => {
      const filedOn = o.filedOn ?? (await today())
      let c: CaseDetail
      if (id) {
        c = await run('cases.file', {
          id,
          filedOn,
          ...(o.cause ? { cause: o.cause } : {}),
          ...(o.facts ? { facts: o.facts } : {}),
          ...(o.name ? { name: o.name } : {}),
          ...(o.officer ? { officerIds: numbers(o.officer) } : {})
        })
      } else {
        if (!o.party) fail('VALIDATION_FAILED', 'give a registered case id, or --party to register and file in one step')
        c = await run('cases.registerAndFile', {
          register: registerInput({ ...o, procedure: 'general' }, o.sourceDate ?? filedOn),
          filedOn
        })
      }
      if (o.json) return out.json(c)
      out.line(`已立案：${c.name}（${c.number}，编号 ${c.id}）`)
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
    .action(async (id: string, status: string, o: { date?: string; note: string; fine?: string; warning?: boolean; json?: boolean }) => {
      const date = o.date ?? (await today())
      const penalty = penaltyOf(o)
      const c = await run('cases.transition', {
        id,
        to: pick(CaseTransitionSchema.shape.to, status, '<status>'),
        date,
        note: o.note,
        ...(penalty ? { penalty } : {})
      })
      if (o.json) return out.json(c)
      out.line(`${c.name}：${CASE_STATUS_LABELS[c.status]}${c.number ? `（${c.number}）` : ''}`)
    })
}

export function registerSearch(program: Command, { run }: Door, out: Printer): void {
  program
    .command('search')
    .argument('<text>', 'Chinese substring of case names, parties, causes or facts')
    .option('--limit <n>', 'results', '50')
    .option('--json', 'print JSON')
    .action(async (text: string, o: { limit: string; json?: boolean }) => {
      const list = await run('cases.search', { q: text, limit: Number(o.limit) })
      if (o.json) return out.json(list)
      for (const c of list) out.line(`${caseLine(c)}\n         ${c.snippet ?? ''}`)
      out.line(`（${list.length} 件）`)
    })
}
