/**
 * Exposes exactly one object, window.casebinder. Channel names are checked on the main side
 * (an unknown channel has no handler); the preload stays free of the contract's schemas.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { CaseBinderBridge, DesktopConnection } from '../contract'

const IPC_PREFIX = 'casebinder:'
const IPC_EVENT_CHANNEL = 'casebinder-event'

const bridge: CaseBinderBridge = {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_PREFIX + channel, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
  },
  /** native "save as" dialog, then write the file (main side) */
  saveFile: (suggestedName: string, content: string, options?: { base64?: boolean }): Promise<string | null> =>
    ipcRenderer.invoke('casebinder-shell:save-file', suggestedName, content, options?.base64 === true),
  /** write to a temp file and open it with the system's program (Word / WPS) */
  openFile: (fileName: string, base64: string): Promise<string | null> =>
    ipcRenderer.invoke('casebinder-shell:open-file', fileName, base64),
  connection: {
    get: () => ipcRenderer.invoke('casebinder-shell:connection-get') as Promise<DesktopConnection>,
    set: (c: DesktopConnection) =>
      ipcRenderer.invoke('casebinder-shell:connection-set', c) as Promise<{ ok: true } | { ok: false; message: string }>
  },
  platform: 'electron'
}

contextBridge.exposeInMainWorld('casebinder', bridge)
