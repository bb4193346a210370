import { describe, expect, it } from 'vitest'
import { useDocPreview } from '../../src-renderer/src/views/documents/useDocPreview'

/** requests the test answers by hand, in any order */
function deferred() {
  const calls: { resolve: (v: string) => void; reject: (e: Error) => void }[] = []
  const fetch = () =>
    new Promise<string>((resolve, reject) => {
      calls.push({ resolve, reject })
    })
  return { calls, fetch }
}

describe('useDocPreview', () => {
  it('shows the answer and loads while waiting', async () => {
    const d = deferred()
    const p = useDocPreview(d.fetch)
    const r = p.refresh()
    expect(p.loading.value).toBe(true)
    d.calls[0]!.resolve('AAA')
    await r
    expect(p.base64.value).toBe('AAA')
    expect(p.loading.value).toBe(false)
    expect(p.error.value).toBeNull()
  })

  it('a stale response arriving after a newer one does not overwrite it', async () => {
    const d = deferred()
    const p = useDocPreview(d.fetch)
    const first = p.refresh()
    const second = p.refresh()
    d.calls[1]!.resolve('NEW')
    await second
    expect(p.base64.value).toBe('NEW')
    expect(p.loading.value).toBe(false)
    d.calls[0]!.resolve('OLD')
    await first
    expect(p.base64.value).toBe('NEW')
  })

  it('loading lasts until the newest request settles, not an older one', async () => {
    const d = deferred()
    const p = useDocPreview(d.fetch)
    const first = p.refresh()
    const second = p.refresh()
    d.calls[0]!.resolve('OLD')
    await first
    expect(p.base64.value).toBeNull()
    expect(p.loading.value).toBe(true)
    d.calls[1]!.resolve('NEW')
    await second
    expect(p.base64.value).toBe('NEW')
    expect(p.loading.value).toBe(false)
  })

  it('a stale error is dropped; the newest error is shown and the last good preview kept', async () => {
    const d = deferred()
    const p = useDocPreview(d.fetch)
    const a = p.refresh()
    d.calls[0]!.resolve('GOOD')
    await a
    const b = p.refresh()
    const c = p.refresh()
    d.calls[2]!.resolve('BETTER')
    await c
    d.calls[1]!.reject(new Error('stale failure'))
    await b
    expect(p.error.value).toBeNull()
    expect(p.base64.value).toBe('BETTER')
    const e = p.refresh()
    d.calls[3]!.reject(new Error('渲染失败'))
    await e
    expect(p.error.value).toBe('渲染失败')
    expect(p.base64.value).toBe('BETTER')
    expect(p.loading.value).toBe(false)
  })
})
