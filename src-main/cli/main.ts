#!/usr/bin/env node
/**
 * `casebinder` command line. A thin door: it parses argv, calls contract channels through the service registry
 * (run.ts), prints results (a table, or JSON with --json) and exits non-zero with a one-line AppError on failure
 * (output.ts). Each area's commands live in commands/<area>.ts.
 */
import { Command, CommanderError } from 'commander'
import { CHANNELS } from '../contract'
import { APP_VERSION } from '../version'
import { CliFailure, describe, EXIT, printerFor } from './output'
import { doorFor } from './run'
import { registerAgency } from './commands/agency'
import { registerApprovals } from './commands/approvals'
import { registerAudit } from './commands/audit'
import { registerCalendar } from './commands/calendar'
import { registerCases, registerSearch } from './commands/cases'
import { registerDeadlines } from './commands/deadlines'
import { registerDemo } from './commands/demo'
import { registerDocuments } from './commands/documents'
import { registerDossier } from './commands/dossier'
import { registerEvidence } from './commands/evidence'
import { registerHearings } from './commands/hearings'
import { registerLists } from './commands/lists'
import { registerMigrate } from './commands/migrate'
import { registerOfficers } from './commands/officers'
import { registerParties } from './commands/parties'
import { registerPublicity } from './commands/publicity'
import { registerReview } from './commands/review'
import { registerServer } from './commands/server'
import { registerTemplates } from './commands/templates'
import { registerTimeline } from './commands/timeline'
import { registerUsers } from './commands/users'

/** The areas, in the order `--help` lists them. */
const AREAS = [
  registerUsers,
  registerAgency,
  registerOfficers,
  registerLists,
  registerAudit,
  registerDemo,
  registerParties,
  registerCases,
  registerApprovals,
  registerDeadlines,
  registerCalendar,
  registerSearch,
  registerTemplates,
  registerDocuments,
  registerEvidence,
  registerDossier,
  registerReview,
  registerHearings,
  registerPublicity,
  registerTimeline,
  registerServer,
  registerMigrate
]

export function buildProgram(out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Command {
  const program = new Command()
  program
    .name('casebinder')
    .description('CaseBinder 案卷通 — enforcement case store, drafting and archiving')
    .version(APP_VERSION)
    .option('--home <dir>', 'data home (default: $CASEBINDER_HOME or the per-user data folder)')
    .option('--server <url>', 'call a bureau server over HTTP(S) instead of opening a home, e.g. https://casebinder.bureau.lan:8443')
    .option('--db <url>', "the bureau server's PostgreSQL database, postgres://… (--home is then the server's folder for files)")
    .option('--user <login>', 'sign in as this user (password from $CASEBINDER_PASSWORD or --password-env)')
    .option('--password-env <VAR>', 'the environment variable holding the password (default CASEBINDER_PASSWORD)')
    // global options go before the command (`casebinder --user lixh --password-env P export … --password-env CERT`):
    // a command's own option of the same name (the certificate's password, bootstrap's) stays its own
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride()

  const door = doorFor(program)
  const printer = printerFor(out)
  for (const register of AREAS) register(program, door, printer)

  program
    .command('channels')
    .description('list the contract channels (for scripting)')
    .action(() => {
      for (const c of CHANNELS) printer.line(c)
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
      return err.exitCode === 0 ? 0 : EXIT.usage
    }
    const failure = err instanceof CliFailure ? err : null
    process.stderr.write(
      `casebinder: ${failure ? failure.message : describe({ code: 'INTERNAL', message: String((err as Error).message ?? err) })}\n`
    )
    return failure ? failure.exitCode : EXIT.failed
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$|cli\.(js|mjs)$/.test(process.argv[1])
if (isEntry) {
  // `casebinder cases list | head`: a closed pipe ends the output, not the program with a stack trace
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0)
    throw err
  })
  // exit once the output is flushed: a job's worker thread (and, from source, its TypeScript loader) must not keep
  // the command alive after it has reported
  void main(process.argv).then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))))
}
