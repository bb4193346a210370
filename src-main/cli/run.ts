/**
 * The CLI's one way into the application: every command calls a contract channel through `run`, which opens the
 * home, goes through the registry's `invoke` (the same input validation and typed errors as the Electron and HTTP
 * doors) and closes the home again. A failure leaves as the AppError the service returned.
 */
import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { AppEvent, Channel, ChannelOutput } from '../contract'
import { createContext, defaultHome, invoke, isPostgresUrl, openStoreHome, type ServiceContext } from '../services'
import { APP_VERSION } from '../version'
import { CliFailure } from './output'
import { remoteDoor } from './remote'
import type { Door } from './door'

export type { Door, JobChannel, JobState, Progress } from './door'

interface Globals {
  home?: string
  db?: string
  server?: string
  user?: string
  passwordEnv?: string
}

/**
 * The CLI is a real door: its context requires sign-in. With `--user LOGIN` it signs in through `auth.signIn`
 * (the password from $CASEBINDER_PASSWORD, or the variable `--password-env` names: never an argument) before the
 * command runs, and every call then carries that principal; without it only `anyone` and first-run channels pass.
 */
export function doorFor(program: Command): Door {
  // --server: the calls go to the bureau server over HTTP(S); decided when a command runs (the options are parsed then)
  let remote: Door | null = null
  const remoteIfAny = (): Door | null => {
    const g = program.opts<Globals>()
    if (!g.server) return null
    if (g.db !== undefined) throw new CliFailure({ code: 'VALIDATION_FAILED', message: '--server 与 --db 只能给出其一' })
    const variable = g.passwordEnv ?? 'CASEBINDER_PASSWORD'
    remote ??= remoteDoor({ server: g.server, user: g.user, password: process.env[variable] })
    return remote
  }
  const call = async <C extends Channel>(ctx: ServiceContext, channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const r = await invoke(ctx, channel, input, { error: (m, e) => process.stderr.write(`${m}: ${String(e)}\n`) })
    if (!r.ok) throw new CliFailure(r.error)
    // invoke has parsed the value with this channel's output schema
    return r.value as ChannelOutput<C>
  }
  const open = async (emit?: (e: AppEvent) => void) => {
    const g = program.opts<Globals>()
    if (g.db !== undefined && !isPostgresUrl(g.db)) {
      throw new CliFailure({ code: 'VALIDATION_FAILED', message: `--db 应为 PostgreSQL 连接地址（postgres://…）：${g.db}` })
    }
    const home = await openStoreHome({ root: g.home ? resolve(g.home) : defaultHome(), database: g.db }, { actor: g.user ?? 'cli' })
    const ctx = createContext(home, { actor: 'cli', requireAuth: true, version: APP_VERSION, ...(emit ? { emit } : {}) })
    if (g.user) {
      const variable = g.passwordEnv ?? 'CASEBINDER_PASSWORD'
      const password = process.env[variable]
      if (!password) {
        await home.close()
        throw new CliFailure({ code: 'AUTH_REQUIRED', message: `请在环境变量 ${variable} 中提供 ${g.user} 的密码` })
      }
      try {
        ctx.principal = await call(ctx, 'auth.signIn', { login: g.user, password })
      } catch (err) {
        await home.close()
        throw err
      }
    }
    return { home, ctx }
  }
  const once = async <C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const { home, ctx } = await open()
    try {
      return await call(ctx, channel, input)
    } finally {
      await home.close()
    }
  }

  return {
    run: (channel, input) => remoteIfAny()?.run(channel, input) ?? once(channel, input),
    runJson: (channel, input) => remoteIfAny()?.runJson(channel, input) ?? once(channel, input),
    async runJob(channel, input, onProgress) {
      const r = remoteIfAny()
      if (r) return r.runJob(channel, input, onProgress)
      let jobId: string | null = null
      const ended = new Set<string>()
      let wake: (() => void) | null = null
      const { home, ctx } = await open((e) => {
        if (e.type === 'job.progress' && e.jobId === jobId) onProgress(e.stage, e.done, e.total, e.item)
        if (e.type === 'job.done') {
          ended.add(e.jobId)
          if (e.jobId === jobId) wake?.()
        }
      })
      try {
        const started = await call(ctx, channel, input)
        jobId = started.id
        if (!ended.has(jobId)) await new Promise<void>((r) => (wake = r))
        const job = await call(ctx, 'jobs.get', { jobId })
        if (job.status !== 'done') {
          throw new CliFailure(job.error ?? { code: 'INTERNAL', message: `任务${job.status}` })
        }
        return job
      } finally {
        await home.close()
      }
    }
  }
}

/** A case named by id or by case number (立案号): its id. */
export const caseIdOf = async ({ run }: Door, ref: string): Promise<number> =>
  /^\d+$/.test(ref) ? Number(ref) : (await run('cases.get', { ref })).id
