/**
 * `casebinder server` as a process of its own, for the benchmark and the fault tests: started on a free loopback
 * port (it prints the address it listens on), its JSON log kept, stopped with SIGTERM (or killed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  /** http://127.0.0.1:PORT/ */
  url: string
  /** everything it printed so far */
  log(): string
  stop(): Promise<void>
}

export function startServerProcess(home: { root: string; database?: string | undefined }, listen = '127.0.0.1:0'): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'src-main/cli/main.ts', 'server', '--home', home.root, '--listen', listen, '--sign-in-limit', '10000']
  if (home.database) args.push('--db', home.database)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.setEncoding('utf8')
  child.stderr!.setEncoding('utf8')
  child.stdout!.on('data', (c: string) => (out += c))
  child.stderr!.on('data', (c: string) => (out += c))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
    child.kill('SIGTERM')
    await exited
  }
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"msg":"listening","url":"([^"]+)"/.exec(out)
      if (m) {
        clearInterval(timer)
        resolve({ child, url: m[1]!, log: () => out, stop })
      }
    }, 25)
    child.once('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`server exited (${code}): ${out}`))
    })
  })
}

/** One call's answer over HTTP (the value untyped: the tests read what they asked for). */
export interface ApiAnswer {
  ok: boolean
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value of whichever channel was called
  value?: any
  error?: { code: string; message: string }
}

/** A signed-in HTTP client of the server (its session cookie kept). */
export function apiClient(url: string) {
  let cookie = ''
  return async function api(channel: string, input: unknown = {}): Promise<ApiAnswer> {
    const r = await fetch(`${url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input)
    })
    const set = r.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    return (await r.json()) as ApiAnswer
  }
}
