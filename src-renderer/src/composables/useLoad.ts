import { ref } from 'vue'

/**
 * Loading a view's data: the loading flag, the error message shown instead of the data, and — when loads
 * overlap (filters typed quickly, a data.changed event mid-load) — only the latest one is applied.
 */
export function useLoad<T>(fetch: () => Promise<T>, apply: (value: T) => void) {
  const loading = ref(false)
  const loaded = ref(false)
  const problem = ref<string | null>(null)
  let seq = 0
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const value = await fetch()
      if (mine !== seq) return
      apply(value)
      problem.value = null
    } catch (err) {
      if (mine === seq) problem.value = (err as Error).message
    } finally {
      if (mine === seq) {
        loading.value = false
        loaded.value = true
      }
    }
  }
  return { loading, loaded, problem, load }
}
