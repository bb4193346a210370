/**
 * `casebinder migrate --from HOME --to postgres://…`: copy a desk home into a PostgreSQL database and verify the
 * copy (services/migrate-home.ts). A second run on an identical copy writes nothing; a target holding other data
 * is refused. Exit 0 when the copy verifies, EXIT.verifyFailed when it does not.
 */
import type { Command } from 'commander'
import type { Door } from '../run'
import { EXIT, endProgress, fail, progressLine, type Printer } from '../output'
import { CopyRefusedError, migrateHomeToPostgres, type CopyReport } from '../../services'

interface MigrateArgs {
  from?: string
  to?: string
  blobs?: string
  json?: boolean
}

function printReport(r: CopyReport, out: Printer): void {
  out.line(
    r.status === 'already copied' ? 'already copied: nothing written' : `copied: ${r.rowsWritten} rows, ${r.blobsWritten} blob files`
  )
  for (const t of r.verify.tables) {
    out.line(`${t.equal ? 'ok  ' : 'DIFF'} ${t.name.padEnd(22)} ${String(t.rows).padStart(7)} ${t.equal ? '' : `(target ${t.targetRows})`}`)
  }
  const s = r.verify.search
  out.line(`${s.ok ? 'ok  ' : 'DIFF'} search index: ${s.indexed} of ${s.cases} cases`)
  const c = r.verify.chain
  out.line(
    c.ok
      ? `ok   activity record: ${c.entries} entries, head ${c.headHash}`
      : `FAIL activity record: head ${c.headHash} (home ${c.sourceHeadHash})${c.firstBad ? `, entry ${c.firstBad.seq}: ${c.firstBad.reason}` : ''}`
  )
  const b = r.verify.blobs
  if (b) out.line(`${b.ok ? 'ok  ' : 'FAIL'} blobs: ${b.files} files${b.ok ? '' : `, bad: ${b.bad.join(', ')}`}`)
  else out.line('     blobs: not copied (no --blobs DIR)')
}

export function registerMigrate(program: Command, _door: Door, out: Printer): void {
  program
    .command('migrate')
    .description('copy a desk home into a PostgreSQL database and verify the copy')
    .option('--from <home>', 'the desk home to copy (required)')
    .option('--to <url>', 'the PostgreSQL database, postgres://user@host:port/database (required)')
    .option('--blobs <dir>', "copy the blob files into this folder (the server's blob folder)")
    .option('--json', 'print JSON')
    .action(async (o: MigrateArgs) => {
      if (!o.from) return fail('VALIDATION_FAILED', '--from HOME is required', undefined, EXIT.usage)
      if (!o.to || !/^postgres(ql)?:\/\//.test(o.to))
        return fail('VALIDATION_FAILED', '--to postgres://… is required', undefined, EXIT.usage)
      let report: CopyReport
      try {
        report = await migrateHomeToPostgres({
          from: o.from,
          to: o.to,
          ...(o.blobs !== undefined ? { blobsDir: o.blobs } : {}),
          onProgress: (p) => progressLine(p.stage === 'blobs' ? 'blobs' : p.name, p.done, p.total)
        })
      } catch (err) {
        endProgress()
        if (err instanceof CopyRefusedError) return fail('VALIDATION_FAILED', err.message)
        return fail('INTERNAL', `migrate failed: ${(err as Error).message}`)
      }
      endProgress()
      if (o.json) out.json(report)
      else printReport(report, out)
      if (!report.verify.ok) fail('INTERNAL', 'the copy does not verify', undefined, EXIT.verifyFailed)
    })
}
