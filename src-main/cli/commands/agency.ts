/** `casebinder agency`: the agency profile (执法主体). */
import type { Command } from 'commander'
import type { Door } from '../run'
import type { Printer } from '../output'
import { defined } from '../args'

type AgencyOpts = {
  name?: string
  shortName?: string
  creditCode?: string
  address?: string
  postcode?: string
  phone?: string
  reconsiderationBody?: string
  court?: string
  bankName?: string
  bankAccountName?: string
  bankAccountNo?: string
  province?: string
  jurisdiction?: string
  json?: boolean
}

export function registerAgency(program: Command, { run }: Door, out: Printer): void {
  const agency = program.command('agency').description('agency profile (执法主体)')
  agency
    .command('show')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const a = await run('agency.get', {})
      if (o.json) return out.json(a)
      if (!a) return out.line('未登记执法主体 (agency not configured): run `casebinder agency set …`')
      for (const [k, v] of Object.entries(a)) out.line(`${k.padEnd(20)} ${v}`)
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
    .action(async (o: AgencyOpts) => {
      const { json: asJson, ...given } = o
      const current = await run('agency.get', {})
      const fields = { ...(current ?? {}), ...defined(given) }
      const a = await run('agency.set', {
        name: fields.name ?? '',
        shortName: fields.shortName ?? '',
        creditCode: fields.creditCode ?? '',
        address: fields.address ?? '',
        postcode: fields.postcode ?? '',
        phone: fields.phone ?? '',
        reconsiderationBody: fields.reconsiderationBody ?? '',
        court: fields.court ?? '',
        bankName: fields.bankName,
        bankAccountName: fields.bankAccountName,
        bankAccountNo: fields.bankAccountNo,
        province: fields.province,
        jurisdiction: fields.jurisdiction
      })
      if (asJson) return out.json(a)
      out.line('已保存执法主体信息 (agency saved)')
    })
}
