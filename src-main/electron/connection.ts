/**
 * Where the desktop app's window works (设置 › 连接): the embedded home on this computer, or a bureau server, whose own
 * page the window then shows (the server serves the UI and the API; the window gets no bridge and no backend). Kept
 * in the shell's own file next to the data folder, since it decides which data there is. Free of `electron` imports
 * so it is tested in Node.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

export const ConnectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('server'), url: z.string() })
])
export type Connection = z.output<typeof ConnectionSchema>

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * A server address as the window will load it (its origin, with a trailing slash), or why not: HTTPS, except on this
 * computer (a server tried out on loopback); no user name or password in it.
 */
export function checkServerUrl(text: string): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL
  try {
    u = new URL(text.trim())
  } catch {
    return { ok: false, message: '请填写完整的服务器地址，例如 https://casebinder.bureau.lan:8443' }
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) {
    return { ok: false, message: '服务器地址须以 https:// 开头（仅本机测试可用 http://127.0.0.1）' }
  }
  if (u.username || u.password) return { ok: false, message: '服务器地址中不能含用户名或密码' }
  return { ok: true, url: `${u.origin}/` }
}

/** The saved connection; the embedded home when none is saved or the file is not one (it is then rewritten on save). */
export function readConnection(file: string): Connection {
  if (!existsSync(file)) return { kind: 'local' }
  try {
    const c = ConnectionSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    if (c.kind === 'server') {
      const checked = checkServerUrl(c.url)
      return checked.ok ? { kind: 'server', url: checked.url } : { kind: 'local' }
    }
    return c
  } catch {
    return { kind: 'local' }
  }
}

/** Validate and save (whole or not at all); returns what was saved or the reason it was refused. */
export function saveConnection(file: string, input: unknown): { ok: true; connection: Connection } | { ok: false; message: string } {
  const parsed = ConnectionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, message: '连接设置无效' }
  let c: Connection = parsed.data
  if (c.kind === 'server') {
    const checked = checkServerUrl(c.url)
    if (!checked.ok) return checked
    c = { kind: 'server', url: checked.url }
  }
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.tmp`
  writeFileSync(tmp, JSON.stringify(c, null, 2))
  renameSync(tmp, file)
  return { ok: true, connection: c }
}

/** Whether a page the server window is asked to navigate to stays on that server. */
export function sameServer(serverUrl: string, target: string): boolean {
  try {
    return new URL(target).origin === new URL(serverUrl).origin
  } catch {
    return false
  }
}
