/**
 * The CLI's door to a bureau server (`--server https://…`): the same Door as the local one, each call a POST to
 * /api/<channel> with the session cookie of a sign-in made once per command (`--user`, the password from the
 * environment as for the local door). The server validates, authorizes and answers exactly as for a browser; a job
 * is followed by asking for its state until it ends.
 */
import type { Channel, ChannelOutput } from '../contract'
import type { AppError, Result } from '../core/errors'
import { CliFailure } from './output'
import type { Door, JobState } from './door'

export interface RemoteOptions {
  server: string
  user?: string | undefined
  password?: string | undefined
}

export function remoteDoor(options: RemoteOptions): Door {
  const base = options.server.endsWith('/') ? options.server : options.server + '/'
  let cookie: string | null = null
  let signedIn: Promise<void> | null = null

  const post = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    let res: Response
    try {
      res = await fetch(`${base}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(input ?? {})
      })
    } catch (err) {
      return { ok: false, error: { code: 'SERVER_UNAVAILABLE', message: `无法连接服务器 ${base}：${(err as Error).message}` } }
    }
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    if (res.status === 429) return { ok: false, error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试' } }
    try {
      return (await res.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `服务器的回答不是 JSON（HTTP ${res.status}）` } }
    }
  }
  const signIn = () => {
    signedIn ??= (async () => {
      if (!options.user) return
      if (!options.password) throw new CliFailure({ code: 'AUTH_REQUIRED', message: `请在环境变量中提供 ${options.user} 的密码` })
      const r = await post('auth.signIn', { login: options.user, password: options.password })
      if (!r.ok) throw new CliFailure(r.error)
    })()
    return signedIn
  }
  const call = async <C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    await signIn()
    const r = await post(channel, input)
    if (!r.ok) throw new CliFailure(r.error as AppError)
    return r.value as ChannelOutput<C>
  }

  return {
    run: (channel, input) => call(channel, input),
    runJson: (channel, input) => call(channel, input),
    async runJob(channel, input, onProgress) {
      const started = (await call(channel, input)) as JobState
      let job = started
      let last = ''
      while (job.status === 'running') {
        await new Promise((r) => setTimeout(r, 250))
        job = await call('jobs.get', { jobId: started.id })
        const seen = `${job.stage}:${job.done}/${job.total}`
        if (seen !== last) onProgress(job.stage, job.done, job.total, job.item)
        last = seen
      }
      if (job.status !== 'done') throw new CliFailure(job.error ?? { code: 'INTERNAL', message: `任务${job.status}` })
      return job
    }
  }
}
