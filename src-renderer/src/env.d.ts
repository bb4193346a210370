/// <reference types="vite/client" />

import type { Result } from '../../src-main/core/errors'
import type { DesktopConnection } from '../../src-main/contract'

/** What src-main/electron/preload.ts exposes in Electron (absent in a plain browser on the harness). */
export interface CaseBinderBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: unknown) => void): () => void
  saveFile(suggestedName: string, content: string, options?: { base64?: boolean }): Promise<string | null>
  /** write a base64 file to a temp folder and open it with the system's program (Word / WPS) */
  openFile(fileName: string, base64: string): Promise<string | null>
  /** 设置 › 连接: this computer's data or a bureau server (saving restarts the app) */
  connection?: {
    get(): Promise<DesktopConnection>
    set(connection: DesktopConnection): Promise<{ ok: true } | { ok: false; message: string }>
  }
  platform: 'electron'
}

declare global {
  interface Window {
    casebinder?: CaseBinderBridge
  }
}
