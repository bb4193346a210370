/**
 * Binds every contract channel to Electron IPC with one loop. Kept free of `electron` imports so it can be
 * tested with a fake ipcMain: the shell passes the real one. The sender is checked here, in the main process;
 * the call itself goes to `call` (the backend process in the app; the registry's `invoke` in a test).
 */
import { CHANNELS, IPC_PREFIX, type Channel } from '../contract'
import type { Result } from '../core/errors'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void
}

export interface IpcEventLike {
  senderFrame?: { url: string } | null
}

export interface BindOptions {
  /** is this frame one of ours? (the packaged file:// page or the dev server) */
  isTrustedSender: (url: string) => boolean
}

/** Runs one contract call; the input is untrusted and validated behind it. Never throws. */
export type ContractCall = (channel: Channel, input: unknown) => Result<unknown> | Promise<Result<unknown>>

export function bindContract(ipcMain: IpcMainLike, call: ContractCall, options: BindOptions): string[] {
  const bound: string[] = []
  for (const channel of CHANNELS) {
    const ipcChannel = IPC_PREFIX + channel
    ipcMain.handle(ipcChannel, (event, input): Result<unknown> | Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? ''
      if (!options.isTrustedSender(url)) {
        return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝来自未知页面的请求', details: { url } } }
      }
      return call(channel, input)
    })
    bound.push(ipcChannel)
  }
  return bound
}

/** Trust only our own renderer: the bundled index.html, or the dev server during `npm run dev`. */
export function trustedSenderCheck(rendererFile: string, devServerUrl?: string): (url: string) => boolean {
  const fileUrl = new URL('file://' + (rendererFile.startsWith('/') ? '' : '/') + rendererFile.replace(/\\/g, '/')).href
  return (url: string) => {
    if (!url) return false
    const bare = url.split('#')[0]!.split('?')[0]!
    if (bare === fileUrl) return true
    if (devServerUrl) {
      try {
        return new URL(url).origin === new URL(devServerUrl).origin
      } catch {
        return false
      }
    }
    return false
  }
}
