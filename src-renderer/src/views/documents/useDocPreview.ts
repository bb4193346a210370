/**
 * The rendered preview of a document (the live draft, or the frozen issued file). Requests may overlap (a save
 * refreshes it while the last refresh is still rendering): only the newest request's answer is shown, a stale
 * response or error is dropped, and "loading" lasts until the newest one settles.
 */
import { ref } from 'vue'

export function useDocPreview(fetch: () => Promise<string>) {
  const base64 = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0

  async function refresh(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const b = await fetch()
      if (mine !== seq) return
      base64.value = b
      error.value = null
    } catch (err) {
      if (mine === seq) error.value = (err as Error).message
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { base64, loading, error, refresh }
}
