/**
 * The one contract between the UI and the main side. A channel is declared here and nowhere else:
 * the Electron IPC binding, the browser harness routes, the CLI's service calls and the renderer client
 * are all derived from this object.
 */
import { z } from 'zod'
import { appChannels } from './app'
import { agencyChannels } from './agency'
import { casesChannels } from './cases'
import { approvalsChannels } from './approvals'
import { documentsChannels } from './documents'
import { dossierChannels } from './dossier'
import { reviewChannels } from './review'
import { publicityChannels } from './publicity'
import { usersChannels } from './users'
import type { ChannelMap } from './shared'

z.config(z.locales.zhCN())

/** Every channel, by area (one file per area beside this one). */
export const contract = {
  ...appChannels,
  ...agencyChannels,
  ...casesChannels,
  ...approvalsChannels,
  ...documentsChannels,
  ...dossierChannels,
  ...reviewChannels,
  ...publicityChannels,
  ...usersChannels
} as const satisfies ChannelMap

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Events pushed from the main side to the UI (SSE in the harness, webContents.send in Electron). */
export const EventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data.changed'), area: z.string(), action: z.string() }),
  z.object({
    type: z.literal('job.done'),
    jobId: z.string(),
    status: z.enum(['done', 'failed', 'cancelled']),
    /** the user who started the job: a door with many users sends its events to that user's streams only */
    userId: z.number().nullable().optional()
  }),
  z.object({
    type: z.literal('job.progress'),
    jobId: z.string(),
    userId: z.number().nullable().optional(),
    stage: z.string(),
    done: z.number(),
    total: z.number(),
    item: z.string().optional()
  })
])
export type AppEvent = z.output<typeof EventSchema>

/** What the Electron preload exposes as window.casebinder (the renderer's client uses it when present). */
export interface CaseBinderBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  onEvent(listener: (event: unknown) => void): () => void
  /** native "save as" dialog, then an atomic write on the main side; null when cancelled.
   *  With `{ base64: true }` the content is base64 and written as bytes (DOCX, PDF). */
  saveFile(suggestedName: string, content: string, options?: { base64?: boolean }): Promise<string | null>
  /** write a base64 file to a temp folder and open it with the system's program (Word / WPS); the path, or null */
  openFile(fileName: string, base64: string): Promise<string | null>
  /** 设置 › 连接: where the window works, this computer's data or a bureau server (saving restarts the app) */
  connection?: {
    get(): Promise<DesktopConnection>
    set(connection: DesktopConnection): Promise<{ ok: true } | { ok: false; message: string }>
  }
  platform: 'electron'
}

/** The desktop window's data: the embedded home, or a bureau server's page at `url`. */
export type DesktopConnection = { kind: 'local' } | { kind: 'server'; url: string }

/** The IPC channel prefix used by the Electron binding and preload. */
export const IPC_PREFIX = 'casebinder:'
export const IPC_EVENT_CHANNEL = 'casebinder-event'
