import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive, ref } from 'vue'
import { useDraftAutosave, type AutosavedDoc } from '../../src-renderer/src/views/documents/useDraftAutosave'

interface Doc extends AutosavedDoc {
  fields: Record<string, unknown>
}

class Conflict extends Error {}

/** A fake documents service: holds the stored draft and its revision, answers saves after `latency` ms. */
function service(initial: Record<string, unknown>, latency = 100) {
  const stored: Doc = { id: 7, revision: 1, status: 'draft', fields: { ...initial } }
  const saves: { revision: number; fields: Record<string, unknown> }[] = []
  let inFlight = 0
  let maxInFlight = 0
  return {
    stored,
    saves,
    maxInFlight: () => maxInFlight,
    async save(input: { id: number; revision: number; fields: Record<string, unknown> }): Promise<Doc> {
      saves.push({ revision: input.revision, fields: input.fields })
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, latency))
      inFlight--
      if (input.revision !== stored.revision) throw new Conflict(`文书已被修改（第 ${stored.revision} 版）`)
      stored.revision++
      stored.fields = { ...input.fields }
      return { ...stored, fields: { ...stored.fields } }
    },
    async reload(): Promise<Doc> {
      return { ...stored, fields: { ...stored.fields } }
    }
  }
}

function setup(svc: ReturnType<typeof service>, status = 'draft') {
  const scope = effectScope()
  const doc = ref<Doc | null>(null)
  const fields = reactive<Record<string, unknown>>({})
  const stored = vi.fn()
  const conflicts: string[] = []
  const a = scope.run(() =>
    useDraftAutosave<Doc>({
      doc,
      fields,
      save: (i) => svc.save(i),
      reload: () => svc.reload(),
      normalise: (d) => d.fields,
      isConflict: (e) => e instanceof Conflict,
      onStored: stored,
      onConflict: (m) => conflicts.push(m)
    })
  )!
  a.show({ ...svc.stored, status, fields: { ...svc.stored.fields } })
  return { a, doc, fields, stored, conflicts, scope }
}

/** let the watcher run (vue's scheduler), then move the clock */
async function edit(fn: () => void) {
  fn()
  await nextTick()
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useDraftAutosave', () => {
  it('showing a document is not an edit: nothing is saved', async () => {
    const svc = service({ facts: '' })
    const { a } = setup(svc)
    await nextTick()
    await vi.advanceTimersByTimeAsync(5000)
    expect(svc.saves).toHaveLength(0)
    expect(a.state.value).toBe('saved')
  })

  it('saves once, a second after the last of several quick edits, with the latest values', async () => {
    const svc = service({ facts: '' })
    const { a, fields, doc, stored } = setup(svc)
    await edit(() => (fields.facts = '经查'))
    expect(a.state.value).toBe('dirty')
    await vi.advanceTimersByTimeAsync(600)
    await edit(() => (fields.facts = '经查，该公司'))
    await vi.advanceTimersByTimeAsync(600)
    await edit(() => (fields.facts = '经查，该公司未'))
    await vi.advanceTimersByTimeAsync(999)
    expect(svc.saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(svc.saves).toEqual([{ revision: 1, fields: { facts: '经查，该公司未' } }])
    expect(a.state.value).toBe('saving')
    await vi.advanceTimersByTimeAsync(100)
    expect(a.state.value).toBe('saved')
    expect(doc.value?.revision).toBe(2)
    expect(stored).toHaveBeenCalledTimes(1)
  })

  it('an edit during a save is saved after it, on the new revision, never two saves at once', async () => {
    const svc = service({ facts: '' }, 500)
    const { a, fields } = setup(svc)
    await edit(() => (fields.facts = 'a'))
    await vi.advanceTimersByTimeAsync(1000) // first save sent
    await edit(() => (fields.facts = 'ab'))
    await vi.advanceTimersByTimeAsync(500) // first save answered: still dirty
    expect(a.state.value).toBe('dirty')
    await vi.advanceTimersByTimeAsync(1500)
    expect(svc.saves.map((s) => [s.revision, s.fields.facts])).toEqual([
      [1, 'a'],
      [2, 'ab']
    ])
    expect(svc.maxInFlight()).toBe(1)
    expect(a.state.value).toBe('saved')
    expect(svc.stored.fields.facts).toBe('ab')
  })

  it('flush saves at once and waits for the save in flight first', async () => {
    const svc = service({ facts: '' }, 300)
    const { a, fields } = setup(svc)
    await edit(() => (fields.facts = 'a'))
    const done = a.flush()
    expect(svc.saves).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(300)
    await done
    expect(a.state.value).toBe('saved')
    await vi.advanceTimersByTimeAsync(5000)
    expect(svc.saves).toHaveLength(1) // the pending timer was cancelled
  })

  it('a conflict reloads the stored draft into the form and stays "conflict" until the next edit', async () => {
    const svc = service({ facts: 'old' })
    const { a, fields, doc, conflicts, stored } = setup(svc)
    // someone else saved revision 2 meanwhile
    svc.stored.revision = 2
    svc.stored.fields = { facts: 'theirs' }
    await edit(() => (fields.facts = 'mine'))
    await vi.advanceTimersByTimeAsync(1100)
    expect(a.state.value).toBe('conflict')
    expect(conflicts).toEqual(['文书已被修改（第 2 版）'])
    expect(fields.facts).toBe('theirs')
    expect(doc.value?.revision).toBe(2)
    expect(stored).toHaveBeenCalledTimes(1)
    // loading theirs is not an edit: no save of it, still "conflict"
    await nextTick()
    await vi.advanceTimersByTimeAsync(5000)
    expect(svc.saves).toHaveLength(1)
    expect(a.state.value).toBe('conflict')
    // the next edit saves over the reloaded revision
    await edit(() => (fields.facts = 'theirs, amended'))
    expect(a.state.value).toBe('dirty')
    await vi.advanceTimersByTimeAsync(1100)
    expect(svc.saves.at(-1)).toEqual({ revision: 2, fields: { facts: 'theirs, amended' } })
    expect(a.state.value).toBe('saved')
  })

  it('another failure shows "error" with the message, and the next edit retries', async () => {
    const svc = service({ facts: '' })
    const { a, fields } = setup(svc)
    const save = svc.save.bind(svc)
    svc.save = async () => {
      throw new Error('磁盘已满')
    }
    await edit(() => (fields.facts = 'x'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(a.state.value).toBe('error')
    expect(a.error.value).toBe('磁盘已满')
    svc.save = save
    await edit(() => (fields.facts = 'xy'))
    await vi.advanceTimersByTimeAsync(1100)
    expect(a.state.value).toBe('saved')
    expect(a.error.value).toBeNull()
  })

  it('an issued document is never saved', async () => {
    const svc = service({ facts: '' })
    const { a, fields } = setup(svc, 'issued')
    await edit(() => (fields.facts = 'x'))
    await vi.advanceTimersByTimeAsync(5000)
    await a.flush()
    expect(svc.saves).toHaveLength(0)
    expect(a.state.value).toBe('saved')
  })

  it('disposing the scope cancels a pending save', async () => {
    const svc = service({ facts: '' })
    const { fields, scope } = setup(svc)
    await edit(() => (fields.facts = 'x'))
    scope.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(svc.saves).toHaveLength(0)
  })
})
