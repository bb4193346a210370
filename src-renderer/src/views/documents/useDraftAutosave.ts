/**
 * Autosave of a draft document: about a second after the last edit, one save at a time, each carrying the
 * revision it was made on so that a save over someone else's newer one is refused (DOCUMENT_REVISION_CONFLICT).
 * On a conflict the stored draft is reloaded into the form and the state stays "conflict" until the next edit.
 * The API calls are passed in, so the sequencing can be tested without a window.
 */
import { getCurrentScope, onScopeDispose, ref, watch, type Ref } from 'vue'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error'

export interface AutosavedDoc {
  id: number
  revision: number
  status: string
}

export interface DraftAutosaveOptions<D extends AutosavedDoc> {
  /** the document shown; replaced by what each save (or the reload after a conflict) returns */
  doc: Ref<D | null>
  /** the form's values (a reactive object, edited in place) */
  fields: Record<string, unknown>
  save: (input: { id: number; revision: number; fields: Record<string, unknown> }) => Promise<D>
  /** the stored draft, fetched after a conflict */
  reload: () => Promise<D>
  /** a document's fields as the form holds them */
  normalise: (d: D) => Record<string, unknown>
  isConflict: (err: unknown) => boolean
  /** the stored draft changed (saved, or reloaded after a conflict): e.g. refresh the preview */
  onStored?: () => void
  /** tell the user their edit was not saved over a newer version */
  onConflict?: (message: string) => void
  delay?: number
}

export function useDraftAutosave<D extends AutosavedDoc>(o: DraftAutosaveOptions<D>) {
  const state = ref<SaveState>('saved')
  const error = ref<string | null>(null)
  const delay = o.delay ?? 1000
  let baseline = '{}'
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null

  const snapshot = () => JSON.stringify(o.fields)

  /** Replace the form's values; they become the saved baseline. */
  function setFields(values: Record<string, unknown>): void {
    for (const k of Object.keys(o.fields)) delete o.fields[k]
    Object.assign(o.fields, JSON.parse(JSON.stringify(values)) as Record<string, unknown>)
    baseline = snapshot()
  }

  /** Show a document fetched from the service: nothing to save. */
  function show(d: D): void {
    o.doc.value = d
    setFields(o.normalise(d))
    state.value = 'saved'
  }

  const stop = watch(
    o.fields,
    () => {
      if (o.doc.value?.status !== 'draft') return
      if (snapshot() === baseline) return
      state.value = 'dirty'
      schedule()
    },
    { deep: true }
  )

  function schedule(ms = delay): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void flush()
    }, ms)
  }

  /** Save now what is unsaved (waiting for a save in flight first). */
  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    while (running) await running
    const d = o.doc.value
    if (!d || d.status !== 'draft') return
    const sent = snapshot()
    if (sent === baseline) return
    state.value = 'saving'
    running = (async () => {
      try {
        const saved = await o.save({ id: d.id, revision: d.revision, fields: JSON.parse(sent) as Record<string, unknown> })
        o.doc.value = saved
        baseline = sent
        error.value = null
        state.value = snapshot() === baseline ? 'saved' : 'dirty'
        if (state.value === 'dirty') schedule()
        o.onStored?.()
      } catch (err) {
        if (o.isConflict(err)) {
          await conflict((err as Error).message)
        } else {
          state.value = 'error'
          error.value = (err as Error).message
        }
      }
    })()
    try {
      await running
    } finally {
      running = null
    }
  }

  async function conflict(message: string): Promise<void> {
    state.value = 'conflict'
    try {
      const fresh = await o.reload()
      o.doc.value = fresh
      setFields(o.normalise(fresh))
      o.onStored?.()
    } catch {
      // the user can reload the page
    }
    // shown until the next edit
    state.value = 'conflict'
    o.onConflict?.(message)
  }

  function dispose(): void {
    if (timer) clearTimeout(timer)
    timer = null
    stop()
  }
  if (getCurrentScope()) onScopeDispose(dispose)

  return { state, error, setFields, show, flush, dispose }
}
