/**
 * What both rendition routes share: the Renditioner interface, its errors, and the small helpers every route
 * uses (batches, duplicate ids, cancellation checks, one render at a time, debug tracing).
 */

export type RenditionDoc = { id: string; docx: Uint8Array }
export type ProgressFn = (done: number, total: number, id: string) => void

export interface Renditioner {
  name: 'chromium' | 'libreoffice'
  render(docs: RenditionDoc[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<Map<string, Uint8Array>>
  close(): Promise<void>
}

export class AbortError extends Error {
  constructor(message = '已取消') {
    super(message)
    this.name = 'AbortError'
  }
}

export class RenditionError extends Error {
  constructor(
    message: string,
    readonly docId?: string
  ) {
    super(message)
    this.name = 'RenditionError'
  }
}

export const DEBUG = process.env.CASEBINDER_DEBUG_RENDITION === '1'
let t0 = Date.now()
export function debug(...args: unknown[]): void {
  if (!DEBUG) return
  const now = Date.now()
  process.stderr.write(`[rendition +${now - t0}ms] ${args.join(' ')}\n`)
  t0 = now
}

export function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AbortError()
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)))
  return out
}

export function checkIds(docs: RenditionDoc[]): void {
  const seen = new Set<string>()
  for (const d of docs) {
    if (seen.has(d.id)) throw new RenditionError(`文书标识重复：${d.id}`, d.id)
    seen.add(d.id)
  }
}

/** one render at a time per renditioner (one page / one soffice profile) */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve()
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn)
    this.tail = next.catch(() => undefined)
    return next
  }
}
