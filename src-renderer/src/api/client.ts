/**
 * The renderer's only way to the services. Typed from the contract (one generic call, no per-channel code);
 * the transport is chosen once: the Electron bridge when present, else the browser harness over HTTP + SSE.
 */
import type { AppEvent, Channel, ChannelInput, ChannelOutput } from '../../../src-main/contract'
import type { AppError, ErrorCode, FieldIssue, Result } from '../../../src-main/core/errors'
import { i18n } from '../i18n'
import { errorText } from '../i18n/errors'

/** A failed call. `message` is the text to show, in the UI's language (i18n/errors.ts); `appError` is what the service sent. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[]
  readonly details: AppError['details']
  readonly appError: AppError

  constructor(appError: AppError) {
    super(errorText(appError, i18n.global.locale.value))
    this.name = 'ApiError'
    this.appError = appError
    this.code = appError.code
    this.details = appError.details
    this.issues = Array.isArray(appError.details?.issues) ? appError.details.issues : []
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError
}

interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: AppEvent) => void): () => void
}

function asResult(raw: unknown): Result<unknown> {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { ok?: unknown }).ok === 'boolean') {
    return raw as Result<unknown>
  }
  return { ok: false, error: { code: 'INTERNAL', message: '服务返回了无法识别的结果' } }
}

function electronTransport(bridge: NonNullable<Window['casebinder']>): Transport {
  return {
    invoke: async (channel, input) => asResult(await bridge.invoke(channel, input)),
    onEvent: (listener) => bridge.onEvent((e) => listener(e as AppEvent))
  }
}

function httpTransport(): Transport {
  const listeners = new Set<(event: AppEvent) => void>()
  let source: EventSource | null = null
  /** the event stream is a signed-in page's only (the doors refuse it otherwise): opened once a session is known */
  let signedIn = false

  function ensureSource() {
    if (source || !signedIn || typeof EventSource === 'undefined') return
    source = new EventSource('/api/events')
    source.onmessage = (msg: MessageEvent<string>) => {
      let event: AppEvent
      try {
        event = JSON.parse(msg.data) as AppEvent
      } catch {
        return
      }
      for (const l of listeners) l(event)
    }
    // the bureau server streams events only to a signed-in session: a refused stream is closed for good, and
    // opened again after the next sign-in
    source.onerror = () => {
      if (source?.readyState === EventSource.CLOSED) source = null
    }
  }

  function reopenSource() {
    source?.close()
    source = null
    if (listeners.size > 0) ensureSource()
  }

  /** follow the session from the answers: sign-in and a status naming someone open the stream, its end closes it */
  function track(channel: string, result: Result<unknown>) {
    const was = signedIn
    if (channel === 'auth.signIn' && result.ok) signedIn = true
    else if (channel === 'auth.status' && result.ok) signedIn = (result.value as { principal: unknown }).principal !== null
    else if (channel === 'auth.signOut' && result.ok) signedIn = false
    else if (!result.ok && result.error.code === 'AUTH_REQUIRED') signedIn = false
    if (channel === 'auth.signIn' && result.ok) reopenSource()
    else if (signedIn && !was) ensureSource()
    else if (!signedIn && was) {
      source?.close()
      source = null
    }
  }

  return {
    async invoke(channel, input) {
      let res: Response
      try {
        res = await fetch('/api/' + encodeURIComponent(channel), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {})
        })
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `无法连接到案卷通服务：${(err as Error).message}` } }
      }
      if (res.status === 401) {
        return { ok: false, error: { code: 'UNAUTHORIZED', message: (await res.text()) || '需要访问令牌' } }
      }
      if (!res.ok) {
        // a refusal the door explains as a Result (429 RATE_LIMITED, 413 too large)
        if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
          const refused = asResult(await res.json().catch(() => null))
          if (!refused.ok && refused.error.code !== 'INTERNAL') return refused
        }
        return { ok: false, error: { code: 'INTERNAL', message: `服务返回错误（HTTP ${res.status}）` } }
      }
      const result = asResult(await res.json())
      track(channel, result)
      return result
    },
    onEvent(listener) {
      listeners.add(listener)
      ensureSource()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    }
  }
}

const transport: Transport = window.casebinder ? electronTransport(window.casebinder) : httpTransport()

const authLost = new Set<() => void>()

export const api = {
  /** Call a contract channel; resolves with its typed output or throws an ApiError carrying the AppError. */
  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await transport.invoke(channel, input)
    if (!result.ok) {
      // the session ended (idle, signed out elsewhere, backend restarted): the session store locks the screen
      if (result.error.code === 'AUTH_REQUIRED') for (const l of authLost) l()
      throw new ApiError(result.error)
    }
    return result.value as ChannelOutput<C>
  },
  /** Be told when a call meets AUTH_REQUIRED. Returns the unsubscribe function. */
  onAuthLost(listener: () => void): () => void {
    authLost.add(listener)
    return () => authLost.delete(listener)
  },
  /** Subscribe to events from the main side (data changes, job progress). Returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void {
    return transport.onEvent(listener)
  },
  platform: window.casebinder ? ('electron' as const) : ('browser' as const)
}

/**
 * Save generated text: the native "save as" dialog in Electron (resolves with the path, or null when cancelled),
 * a download in the browser (resolves with the file name).
 */
/** Hand a file to the browser as a download. */
function downloadBlob(name: string, blob: Blob): string {
  const url = URL.createObjectURL(blob)
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    a.rel = 'noopener'
    a.style.display = 'none'
    document.body.appendChild(a)
    a.click()
    a.remove()
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return name
}

export async function saveTextFile(name: string, content: string, mime: string): Promise<string | null> {
  if (window.casebinder) return window.casebinder.saveFile(name, content)
  return downloadBlob(name, new Blob([content], { type: mime }))
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** base64 (as the services send files) → bytes */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** bytes → base64, in chunks (large files would overflow the argument list of String.fromCharCode) */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(bin)
}

/** A file the user chose, read as base64 for the contract (templates.import, evidence.add). */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}

/**
 * Save a binary file the services produced (base64): the native "save as" dialog in Electron (the path, or null
 * when cancelled), a Blob download in the browser (the file name).
 */
export async function saveBinaryFile(name: string, base64: string, mime: string): Promise<string | null> {
  if (window.casebinder) return window.casebinder.saveFile(name, base64, { base64: true })
  return downloadBlob(name, new Blob([base64ToBytes(base64)], { type: mime }))
}

/** Electron only: open a DOCX with the system's word processor (Word / WPS). */
export const canOpenExternally = Boolean(window.casebinder?.openFile)
export async function openExternally(name: string, base64: string): Promise<string | null> {
  if (!window.casebinder?.openFile) return null
  return window.casebinder.openFile(name, base64)
}

/**
 * Put a failed call's field issues onto a form's error map: the last path segment names the field,
 * `rename` maps server fields to form fields, and the first message per field wins.
 */
export function issuesToErrors(
  err: unknown,
  errors: Record<string, string>,
  rename: Record<string, string> = {},
  only?: readonly string[]
): void {
  if (!isApiError(err)) return
  for (const i of err.issues) {
    const key = i.path.split('.').pop() ?? ''
    const field = rename[key] ?? key
    if ((!only || only.includes(field)) && !errors[field]) errors[field] = i.message
  }
}
