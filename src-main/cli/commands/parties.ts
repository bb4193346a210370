/** `casebinder parties`: parties (当事人). */
import type { Command } from 'commander'
import { contract } from '../../contract'
import { maskIdNumber } from '../../core/redaction'
import type { Door } from '../run'
import type { Printer } from '../output'
import { parseJsonArg, pick } from '../args'

/** A person's identity key shows the ID number masked (110101********1234); credit codes stay as they are. */
const shownIdentity = (key: string) => (key.startsWith('id:') ? `id:${maskIdNumber(key.slice(3))}` : key)

export function registerParties(program: Command, { run, runJson }: Door, out: Printer): void {
  const parties = program.command('parties').description('parties (当事人)')
  parties
    .command('list')
    .option('--q <text>', 'name or code contains')
    .option('--kind <kind>', 'org | sole | person')
    .option('--json', 'print JSON')
    .action(async (o: { q?: string; kind?: string; json?: boolean }) => {
      const list = await run('parties.list', {
        q: o.q,
        kind: pick(contract['parties.list'].input.shape.kind, o.kind, '--kind'),
        limit: 500
      })
      if (o.json) return out.json(list)
      for (const p of list) out.line(`${String(p.id).padStart(5)}  ${p.name}  ${shownIdentity(p.identityKey)}`)
    })
  parties
    .command('add')
    .description('register a party from JSON (fields of core/party.ts), e.g. --data \'{"kind":"org","name":"…","creditCode":"…",…}\'')
    .requiredOption('--data <json>', 'party as JSON, or @file.json')
    .option('--json', 'print JSON')
    .action(async (o: { data: string; json?: boolean }) => {
      const p = await runJson('parties.add', parseJsonArg(o.data, '--data'))
      if (o.json) return out.json(p)
      out.line(`已登记当事人 ${p.name}（编号 ${p.id}）`)
    })
}
