/**
 * `casebinder server`: the bureau server door (harness/bureau.ts), preview on the embedded engine. It runs until
 * SIGINT / SIGTERM; its log is JSON lines on stdout.
 */
import type { Command } from 'commander'
import { userInfo } from 'node:os'
import type { Door } from '../run'
import { EXIT, fail, type Printer } from '../output'
import { collect } from '../args'
import { createContext, defaultHome, openStoreHome, type StoreHome } from '../../services'
import { checkServerOptions, redactUrl, startBureauServer, type ServerArgs } from '../../harness/bureau'
import { rendererDir } from '../../harness/renderer-dir'
import { APP_VERSION } from '../../version'

export function registerServer(program: Command, _door: Door, _out: Printer): void {
  program
    .command('server')
    .description('the bureau server: the UI and the API for browsers on the LAN, on PostgreSQL (--db postgres://…)')
    .option('--home <dir>', 'data home (as the global --home)')
    .option('--db <url>', 'the PostgreSQL database, postgres://user@host:port/name (or a data home directory: the embedded database)')
    .option('--listen <host:port>', 'the address to listen on, e.g. 0.0.0.0:8443 (required)')
    .option('--tls-cert <file>', 'HTTPS: the certificate (PEM), with --tls-key')
    .option('--tls-key <file>', 'HTTPS: the private key (PEM), with --tls-cert')
    .option('--insecure-lan', 'allow plain HTTP on a non-loopback address (passwords travel unencrypted)')
    .option('--public-host <name>', 'a host name browsers use to reach the server (repeatable)', collect)
    .option('--max-body-mib <n>', 'the largest request body, in MiB', '16')
    .option('--sign-in-limit <n>', 'sign-in attempts per minute per client address', '10')
    .action(async (o: ServerArgs) => {
      const checked = checkServerOptions({ ...o, home: o.home ?? program.opts<{ home?: string }>().home })
      if (!checked.ok) return fail('VALIDATION_FAILED', checked.message, undefined, EXIT.usage)
      const { config } = checked
      const actor = `system (${userInfo().username})`
      let home: StoreHome
      try {
        home = await openStoreHome({ root: config.home ?? defaultHome(), database: config.database ?? undefined }, { actor })
      } catch (err) {
        return fail('SERVER_UNAVAILABLE', `无法打开数据库：${redactUrl(String((err as Error).message))}`)
      }
      let server
      try {
        server = await startBureauServer({
          config,
          staticDir: rendererDir(),
          context: (emit) => createContext(home, { actor, emit, version: APP_VERSION })
        })
      } catch (err) {
        await home.close()
        return fail('INTERNAL', `无法启动服务：${(err as Error).message}`)
      }
      process.stdout.write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: 'info',
          msg: 'CaseBinder server',
          version: APP_VERSION,
          home: home.paths.root,
          database: config.database ? redactUrl(config.database) : 'embedded'
        }) + '\n'
      )
      const running = server
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          void running
            .close()
            .then(() => home.close())
            .then(done)
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
